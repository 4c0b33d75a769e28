import { describe, expect, it } from 'vitest';
import type { MentionInput } from '../../../src/domain/mention.js';
import { buildInteractionGraph, normaliseRanks, pageRank } from '../../../src/scoring/author-graph.js';

describe('pageRank', () => {
  it('star: three leaves amplify one hub', () => {
    // The hub has no out-edge, so its rank spreads evenly. With d = 0.85 and n = 4:
    // leaf = 0.15/4 + 0.85*hub/4, hub = 1 - 3*leaf  =>  hub = 0.8875/1.6375, leaf = (1 - hub)/3.
    const ranks = pageRank([
      { from: 'a', to: 'hub' },
      { from: 'b', to: 'hub' },
      { from: 'c', to: 'hub' },
    ]);
    expect(ranks.get('hub')).toBeCloseTo(0.8875 / 1.6375, 6);
    for (const leaf of ['a', 'b', 'c']) expect(ranks.get(leaf)).toBeCloseTo((1 - 0.8875 / 1.6375) / 3, 6);
  });

  it('chain a -> b -> c with a dangling end', () => {
    // x = 0.05 + 0.85*c/3; a = x, b = 1.85x, c = 2.5725x, a + b + c = 1  =>  x = 1/5.4225.
    const ranks = pageRank([
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
    ]);
    const x = 1 / 5.4225;
    expect(ranks.get('a')).toBeCloseTo(x, 6);
    expect(ranks.get('b')).toBeCloseTo(1.85 * x, 6);
    expect(ranks.get('c')).toBeCloseTo(2.5725 * x, 6);
  });

  it('ties: two authors amplifying each other share the rank equally', () => {
    const ranks = pageRank([
      { from: 'a', to: 'b' },
      { from: 'b', to: 'a' },
    ]);
    expect(ranks.get('a')).toBeCloseTo(0.5, 9);
    expect(ranks.get('b')).toBeCloseTo(0.5, 9);
  });

  it('sums to one and follows edge weights', () => {
    const ranks = pageRank([
      { from: 'a', to: 'b', weight: 1 },
      { from: 'a', to: 'c', weight: 3 },
      { from: 'd', to: 'a' },
    ]);
    const total = [...ranks.values()].reduce((sum, r) => sum + r, 0);
    expect(total).toBeCloseTo(1, 9);
    expect(ranks.get('c')!).toBeGreaterThan(ranks.get('b')!);
  });

  it('returns nothing for an empty graph', () => {
    expect(pageRank([]).size).toBe(0);
  });
});

describe('normaliseRanks', () => {
  it('maps the top node to 1 and nodes at the uniform share or below to 0', () => {
    const normalised = normaliseRanks(new Map([['hub', 0.5], ['a', 0.25], ['b', 0.15], ['c', 0.1]]));
    expect(normalised.get('hub')).toBe(1);
    expect(normalised.get('a')).toBe(0);
    expect(normalised.get('b')).toBe(0);
  });

  it('gives 0 to everyone in a graph where all ranks are equal', () => {
    expect([...normaliseRanks(new Map([['a', 0.5], ['b', 0.5]])).values()]).toEqual([0, 0]);
  });
});

describe('buildInteractionGraph', () => {
  const mention = (id: string, author: string, links: Partial<MentionInput> = {}): MentionInput => ({
    platform: 'x',
    externalId: id,
    text: '',
    publishedAt: '2026-01-01T00:00:00Z',
    author: { platform: 'x', externalId: author, handle: author, followers: 0 },
    engagement: { likes: 0, reshares: 0, replies: 0, quotes: 0 },
    ...links,
  });

  it('draws an edge from the amplifier to the author of the known post, weighted by kind', () => {
    const edges = buildInteractionGraph([
      mention('1', 'alice'),
      mention('2', 'bob', { reshareOf: '1' }),
      mention('3', 'carol', { quoteOf: '1' }),
      mention('4', 'dan', { replyTo: '2' }),
      mention('5', 'erin', { replyTo: 'unknown' }),
      mention('6', 'alice', { replyTo: '1' }),
    ]);
    expect(edges).toEqual([
      { from: 'x:bob', to: 'x:alice', weight: 1 },
      { from: 'x:carol', to: 'x:alice', weight: 0.8 },
      { from: 'x:dan', to: 'x:bob', weight: 0.5 },
    ]);
  });
});
