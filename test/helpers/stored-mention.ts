// The store tests' building block: mention "m<i>" of Acme on X, published i minutes after t0, neutral unless told.
import type { SentimentLabel } from '../../src/domain/mention.js';
import type { StoredMention } from '../../src/store/mention-repository.js';

export function storedMention(i: number, t0: number, overrides: Partial<StoredMention> = {}): StoredMention {
  return {
    platform: 'x',
    externalId: `m${i}`,
    text: `post ${i} about Acme`,
    publishedAt: new Date(t0 + i * 60_000).toISOString(),
    author: { platform: 'x', externalId: `a${i}`, handle: `author${i}`, followers: 10 },
    engagement: { likes: 0, reshares: 0, replies: 0, quotes: 0 },
    lang: 'en',
    sentiment: { label: 'neutral', score: 0, confidence: 0.3, drivers: [] },
    influence: 1,
    reach: 10,
    riskFlags: [],
    entityIds: ['acme'],
    sourceId: 'test',
    collectedAt: t0,
    ...overrides,
  };
}

/** The scorer's reading of a test mention: negative for even i, positive for odd i. */
export const alternatingTone = (i: number): SentimentLabel => (i % 2 === 0 ? 'negative' : 'positive');

/** A scorer's reading of that tone, as stored with a mention. */
export const readingOf = (label: SentimentLabel) => ({ label, score: label === 'negative' ? -0.4 : label === 'positive' ? 0.3 : 0, confidence: 0.6, drivers: [] });
