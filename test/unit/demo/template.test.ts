// The phrase-bank mini-language, and every bank entry expanding to plain text.
import { describe, expect, it } from 'vitest';
import { SITUATIONS } from '../../../src/demo/bank.js';
import { BANKS } from '../../../src/demo/phrases/index.js';
import { Rng } from '../../../src/demo/random.js';
import { expand, tidySpaces } from '../../../src/demo/template.js';

describe('expand', () => {
  it('replaces single alternatives and single-word slots exactly', () => {
    expect(expand('my {only} <thing> is {great}', { thing: ['Kelio Aura'] }, new Rng(1))).toBe('my only Kelio Aura is great');
  });

  it('expands nested choices and slots that contain choices', () => {
    const out = expand('{a {b|c}|d}', {}, new Rng(3));
    expect(['a b', 'a c', 'd']).toContain(out);
    expect(expand('<x>', { x: ['{y}'] }, new Rng(3))).toBe('y');
  });

  it('reaches every alternative, the empty one included, given enough draws', () => {
    const rng = new Rng(7);
    const seen = new Set(Array.from({ length: 200 }, () => expand('so {|really |very }nice', {}, rng)));
    expect(seen).toEqual(new Set(['so nice', 'so really nice', 'so very nice']));
  });

  it('throws on an unknown slot rather than printing it', () => {
    expect(() => expand('hello <nobody>', {}, new Rng(1))).toThrow(/<nobody>/);
  });

  it('leaves heart emoticons alone', () => {
    expect(expand('love it <3', {}, new Rng(1))).toBe('love it <3');
  });
});

describe('tidySpaces', () => {
  it('collapses runs of spaces and drops spaces before commas and full stops, not before "..." or French "!"', () => {
    expect(tidySpaces('  so  ,  nice .  ok ... super !  ')).toBe('so, nice. ok ... super !');
  });
});

describe('phrase banks', () => {
  it('fill every situation in both languages, and every entry expands to text without markers', () => {
    const rng = new Rng(11);
    for (const lang of ['en', 'fr'] as const) {
      const { slots, situations } = BANKS[lang];
      for (const situation of SITUATIONS) {
        const bank = situations[situation];
        expect(bank, `${lang}/${situation}`).toBeDefined();
        expect(bank.cores.length, `${lang}/${situation}`).toBeGreaterThanOrEqual(3);
        const entries = [...bank.cores, ...(bank.openers ?? []), ...(bank.extras ?? []), ...(bank.closers ?? [])];
        for (const entry of entries) {
          for (let i = 0; i < 5; i += 1) {
            const text = expand(entry, slots, rng);
            expect(text, `${lang}/${situation}: ${entry}`).not.toMatch(/<[a-zA-Z]+>|[{}|]/);
          }
        }
      }
    }
  });
});
