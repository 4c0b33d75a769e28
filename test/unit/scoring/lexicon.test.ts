import { describe, expect, it } from 'vitest';
import { LEXICONS } from '../../../src/scoring/lexicon.js';

describe('French lexicon sources', () => {
  it('has the nouns of the translated AFINN list that the adjective-only pattern list lacks', () => {
    expect(LEXICONS.fr.words.get('urgence')).toBe(-2);
    expect(LEXICONS.fr.words.get('enfer')).toBe(-4);
  });

  it('leaves out translated entries that are French function words ("plus" from English "plus")', () => {
    expect(LEXICONS.fr.words.has('plus')).toBe(false);
    expect(LEXICONS.fr.words.has('comme')).toBe(false);
  });

  it('sets to no opinion the translated entries whose French word means something else (nuit: night, from "harms")', () => {
    for (const word of ['nuit', 'mode', 'prix', 'juste', 'seul', 'concurrent', 'sensible', 'exploit', 'demande']) expect(LEXICONS.fr.words.get(word), word).toBe(0);
    // A word inflection would read as another entry: fois (times) is not foi (faith).
    expect(LEXICONS.fr.words.get('fois')).toBe(0);
    expect(LEXICONS.fr.words.get('foi')).toBe(1);
    // Forms of one word agree: "terrifiant" came from "terrific" (+4), "absurdes" from pattern's +2.
    expect(LEXICONS.fr.words.get('terrifiant')).toBe(LEXICONS.fr.words.get('terrifiante'));
    expect(LEXICONS.fr.words.get('absurdes')).toBe(LEXICONS.fr.words.get('absurde'));
  });

  it('leaves out the weak pattern adjectives that describe rather than judge', () => {
    expect(LEXICONS.fr.words.has('nouveau')).toBe(false);
    expect(LEXICONS.fr.words.has('direct')).toBe(false);
    expect(LEXICONS.fr.words.get('magnifique')).toBeGreaterThanOrEqual(2);
  });

  it("keeps Vigie's own values over both third-party lists", () => {
    expect(LEXICONS.fr.words.get('bien')).toBe(1);
    expect(LEXICONS.fr.words.get('nul')).toBe(-3);
  });

  it('finds inflected forms through their base form, the same answer when remembered', () => {
    const inflected = LEXICONS.fr.inflectedValence;
    expect(inflected).not.toBeNull();
    expect(inflected?.('chiantes')).toBe(-2.5);
    expect(inflected?.('chiantes')).toBe(-2.5);
    expect(inflected?.('zorglubes')).toBeUndefined();
    // A word no French ending could produce is answered without a lookup.
    expect(inflected?.('chiant')).toBeUndefined();
    expect(LEXICONS.none.inflectedValence).toBeNull();
  });
});

describe('English lexicon sources', () => {
  it('finds verb forms through their base, doubled consonant included', () => {
    const inflected = LEXICONS.en.inflectedValence;
    expect(inflected?.('scamming')).toBe(LEXICONS.en.words.get('scam'));
    expect(inflected?.('abhorring')).toBe(LEXICONS.en.words.get('abhor'));
    // Plurals are not inflections here (measured: they lowered both English files).
    expect(LEXICONS.en.words.has('losers')).toBe(false);
    expect(inflected?.('losers')).toBeUndefined();
  });
});
