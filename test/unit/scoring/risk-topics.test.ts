import { describe, expect, it } from 'vitest';
import { findRiskFlags, type RiskLexicon } from '../../../src/scoring/risk.js';
import { extractTopics } from '../../../src/scoring/topics.js';

describe('findRiskFlags', () => {
  it('finds English risks', () => {
    expect(findRiskFlags('My charger overheated and caught fire. Class action anyone?')).toEqual(['legal', 'safety']);
    expect(findRiskFlags('Everyone should boycott them after that data breach')).toEqual(['boycott', 'data_breach']);
    expect(findRiskFlags('They issued a recall for the stroller')).toEqual(['recall']);
    expect(findRiskFlags('the battery is swollen, swollen batteries everywhere')).toEqual(['safety']);
    expect(findRiskFlags('sparks came out of the plug and I got an electric shock')).toEqual(['safety']);
    expect(findRiskFlags('it shorted out, the power button is half melted')).toEqual(['safety']);
    expect(findRiskFlags('see you in court')).toEqual(['legal']);
    // "melted" alone is mostly figurative; a tennis court is no lawsuit.
    expect(findRiskFlags('my heart melted, best match on the centre court')).toEqual([]);
  });

  it('finds French risks, with or without accents', () => {
    expect(findRiskFlags("C'est une arnaque, je vais porter plainte")).toEqual(['fraud', 'legal']);
    expect(findRiskFlags('fuite de donnees chez mon operateur')).toEqual(['data_breach']);
    expect(findRiskFlags('Produit dangereux, rappel en cours')).toEqual(['recall', 'safety']);
    expect(findRiskFlags('ma batterie gonflée a fait des étincelles')).toEqual(['safety']);
    // "court" is "short" in French: a short circuit is a safety risk, a short deadline no risk at all.
    expect(findRiskFlags('le purificateur sentait le court-circuit')).toEqual(['safety']);
    expect(findRiskFlags('le délai de livraison est trop court')).toEqual([]);
    expect(findRiskFlags('mise en demeure envoyée, on se verra au tribunal')).toEqual(['legal']);
  });

  it('needs the risk sense of words that have an everyday one', () => {
    for (const text of [
      "Fire it up, we're streaming tonight",
      'burned a lot of time on hold',
      "a little wine wouldn't hurt",
      'left engine leaking, fuel leak',
      'I hope it does the book justice',
      'So blessed to have seen him live',
      'Talk Like a Pirate Day',
      'Je vous rappelle que le vote est demain',
      "fuite d'eau sous l'évier",
      'mon vol de 8h est à l’heure',
    ]) {
      expect(findRiskFlags(text), text).toEqual([]);
    }
    for (const [text, flag] of [
      ['the charger caught fire', 'safety'],
      ['it smelled like burning plastic', 'safety'],
      ['glad nobody got hurt', 'safety'],
      ['our customers passwords leaked online', 'data_breach'],
      ['ils vont nous attaquer en justice', 'legal'],
      ['deux enfants blessés', 'safety'],
      ['mon compte piraté hier', 'data_breach'],
      ['il faut un rappel immédiat', 'recall'],
    ]) {
      expect(findRiskFlags(text), text).toEqual([flag]);
    }
  });

  it('matches whole words only', () => {
    expect(findRiskFlags('Great discourse at the conference')).toEqual([]);
    expect(findRiskFlags('Bonne journée à tous')).toEqual([]);
  });

  it('reads hashtags as words and handles as no words at all', () => {
    expect(findRiskFlags('Time for a #ClassAction')).toEqual(['legal']);
    expect(findRiskFlags('#boycottacme')).toEqual(['boycott']);
    expect(findRiskFlags('@recall_watch thanks for the tip')).toEqual([]);
  });

  it('needs the words of a phrase next to each other', () => {
    expect(findRiskFlags("n'achetez plus chez eux")).toEqual(['boycott']);
    expect(findRiskFlags('a class, then action')).toEqual([]);
  });

  it('accepts a lexicon from configuration', () => {
    const lexicon: RiskLexicon = { strike: ['strike*', 'grève'] };
    expect(findRiskFlags('Grève demain dans les magasins', lexicon)).toEqual(['strike']);
    expect(findRiskFlags('lawsuit filed', lexicon)).toEqual([]);
    // Stems are indexed by their first two letters; a one-letter stem still matches.
    expect(findRiskFlags('the strikers are out', lexicon)).toEqual(['strike']);
    expect(findRiskFlags('q2 results, a quorum', { odd: ['q*'] })).toEqual(['odd']);
  });
});

describe('extractTopics', () => {
  const cluster = [
    'Lost luggage again at the airport, third time',
    'My lost luggage is still not found',
    'The lost luggage desk at the airport is closed',
    'Crew was friendly though',
  ];

  it('returns the phrases that recur in the cluster, longest informative first', () => {
    const topics = extractTopics(cluster);
    expect(topics[0]).toMatchObject({ phrase: 'lost luggage', count: 3 });
    expect(topics.map((t) => t.phrase)).toContain('airport');
    // "lost" and "luggage" alone are inside the chosen phrase.
    expect(topics.map((t) => t.phrase)).not.toContain('luggage');
  });

  it('ranks down what is usual in the background', () => {
    const background = ['the airport was busy', 'airport lounge', 'at the airport today', 'airport food'];
    const withBackground = extractTopics(cluster, { background });
    const airport = withBackground.find((t) => t.phrase === 'airport')!;
    const luggage = withBackground.find((t) => t.phrase === 'lost luggage')!;
    expect(airport.score).toBeLessThan(luggage.score / 2);
  });

  it('drops stopwords in English and French and respects top', () => {
    const texts = ['le train est en retard', 'encore le train en retard', 'train en retard ce matin, guichet fermé', 'et le guichet fermé aussi'];
    const topics = extractTopics(texts, { lang: 'fr', top: 2 });
    expect(topics.map(({ phrase, count }) => ({ phrase, count }))).toEqual([
      { phrase: 'train en retard', count: 2 },
      { phrase: 'guichet fermé', count: 2 },
    ]);
    expect(extractTopics(texts, { lang: 'fr', top: 1 })).toHaveLength(1);
  });

  it('returns nothing for no texts', () => {
    expect(extractTopics([])).toEqual([]);
  });
});
