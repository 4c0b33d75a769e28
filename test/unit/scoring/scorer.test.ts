import { describe, expect, it } from 'vitest';
import type { MentionInput } from '../../../src/domain/mention.js';
import { createScorer, explainScore } from '../../../src/scoring/scorer.js';

const mention = (text: string, extra: Partial<MentionInput> = {}): MentionInput => ({
  platform: 'x',
  externalId: '1',
  text,
  publishedAt: '2026-01-01T00:00:00Z',
  author: { platform: 'x', externalId: 'a', handle: 'someone', followers: 2000 },
  engagement: { likes: 3, reshares: 1, replies: 0, quotes: 0 },
  ...extra,
});

describe('createScorer', () => {
  const scorer = createScorer({ maskTerms: ['United', 'Orange'], ownHandles: ['united_help'] });

  it('scores language, sentiment, influence, reach and risk in one call', () => {
    const scores = scorer.score(mention('United lost my bag and nobody answers. Class action time.'));
    expect(scores.lang).toBe('en');
    expect(scores.sentiment.label).toBe('negative');
    expect(scores.riskFlags).toEqual(['legal']);
    expect(scores.reach).toBe(215); // 2000 * 0.1 + 1 * 150 * 0.1
    expect(scores.influence).toBeGreaterThan(0);
    expect(scores.influence).toBeLessThanOrEqual(100);
  });

  it('never reads the watched brand names as opinion words', () => {
    const scores = scorer.score(mention('Orange et United, rien à signaler', { langHint: 'fr' }));
    expect(scores.sentiment.drivers.some((d) => /orange|united/i.test(d))).toBe(false);
    expect(scorer.score(mention('Flying United today')).sentiment.label).toBe('neutral');
  });

  it('does not take a watched name for a risk', () => {
    const tv = createScorer({ maskTerms: ['Fire TV'] });
    expect(tv.score(mention('My Fire TV stick is great')).riskFlags).toEqual([]);
    expect(tv.score(mention('My Fire TV stick caught fire')).riskFlags).toEqual(['safety']);
  });

  it('scores French posts with the French rules', () => {
    const scores = scorer.score(mention("Je n'ai toujours pas reçu mon remboursement"));
    expect(scores.lang).toBe('fr');
    expect(scores.sentiment.label).toBe('negative');
  });

  it('reads a one-word verdict in the language whose lexicon knows it, when no platform says the language', () => {
    for (const verdict of ['honteux', 'nul', 'Scandaleux !', 'inadmissible']) {
      const scores = scorer.score(mention(verdict));
      expect([scores.lang, scores.sentiment.label], verdict).toEqual(['fr', 'negative']);
    }
    expect(scorer.score(mention('Scam')).sentiment.label).toBe('negative');
    // A platform's word for the language stands, and a post of another language keeps its own.
    expect(scorer.score(mention('honteux', { langHint: 'en' })).lang).toBe('en');
    expect(scorer.score(mention('danke schön')).lang).toBe('de');
  });

  it('reads a short English verdict the n-grams give to a third language by its opinion words, not by a stray French one', () => {
    // eld calls these Italian, Albanian and Dutch, sure of itself, on two words.
    for (const verdict of ['absolute garbage', 'trash product', 'buyer beware']) {
      const scores = scorer.score(mention(verdict));
      expect([scores.lang, scores.sentiment.label], verdict).toEqual(['en', 'negative']);
    }
    // "and" is English: the French lexicon's "gâté" in "Gate" does not make the post French.
    expect(scorer.score(mention('Beatriz and Susan. Gate 4 MCO.')).lang).not.toBe('fr');
    // Words of another language that neither lexicon reads keep it.
    for (const post of ['ottimo prodotto', 'veldig bra', 'horrible servicio']) expect(scorer.score(mention(post)).lang, post).not.toMatch(/^(en|fr)$/);
  });

  it('uses the given author stats for influence', () => {
    const strong = scorer.score(mention('hello'), { followers: 2000, posts: 10, engagementEarned: 5000, amplifications: 300, graphRank: 1 });
    const weak = scorer.score(mention('hello'));
    expect(strong.influence).toBeGreaterThan(weak.influence);
  });
});

describe('explainScore', () => {
  it('lists language, label, score, confidence, drivers and risk flags', () => {
    const text = explainScore("C'est une arnaque, service nul 😡");
    expect(text).toContain('language:   fr');
    expect(text).toMatch(/sentiment: {2}negative \(score -0\.\d+, confidence 0\.\d+\)/);
    expect(text).toContain('nul (-3)');
    expect(text).toContain('😡 (-3)');
    expect(text).toContain('risk flags: fraud');
  });

  it('says when no opinion word was found', () => {
    expect(explainScore('Gate B12', { langHint: 'en' })).toContain('none (no opinion word found)');
  });
});
