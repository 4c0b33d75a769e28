import { describe, expect, it } from 'vitest';
import type { MentionInput } from '../../../src/domain/mention.js';
import { authorInfluence, isJournalist, mentionInfluence, recogniseAuthor, type AuthorStats } from '../../../src/scoring/influence.js';

const nobody: AuthorStats = { followers: 0, posts: 0, engagementEarned: 0, amplifications: 0, graphRank: 0 };

describe('authorInfluence', () => {
  it('is 0 for an author with no audience, engagement or rank', () => {
    expect(authorInfluence(nobody)).toBe(0);
  });

  it('caps audience alone at 30: influence is not follower count', () => {
    expect(authorInfluence({ ...nobody, followers: 10_000_000 })).toBe(30);
  });

  it('reaches 100 when every part is at its maximum, bonuses capped', () => {
    const top: AuthorStats = { followers: 10_000_000, posts: 1, engagementEarned: 10_000, amplifications: 100, graphRank: 1, verified: true, journalist: true };
    expect(authorInfluence(top)).toBe(100);
  });

  it('adds 5 for verified and 5 for journalists', () => {
    expect(authorInfluence({ ...nobody, verified: true })).toBe(5);
    expect(authorInfluence({ ...nobody, verified: true, journalist: true })).toBe(10);
  });

  it('values engagement per post on a log scale', () => {
    // 99 engagements per post: log10(100)/log10(10001) = 0.5 of the 25 points.
    expect(authorInfluence({ ...nobody, posts: 2, engagementEarned: 198 })).toBeCloseTo(12.5, 1);
    // graph rank 0.4 of 25 points.
    expect(authorInfluence({ ...nobody, graphRank: 0.4 })).toBe(10);
  });
});

describe('author recognition', () => {
  it('finds journalists by bio keywords in English and French', () => {
    expect(isJournalist('Journaliste au service économie')).toBe(true);
    expect(isJournalist('Senior reporter @ the Daily Planet')).toBe(true);
    expect(isJournalist('Coffee lover, runner')).toBe(false);
    expect(isJournalist(undefined)).toBe(false);
  });

  it("flags verified, journalist and the brand's own accounts", () => {
    const author = { platform: 'x', externalId: '1', handle: '@Acme_Support', followers: 10, verified: true, description: 'Editor' };
    expect(recogniseAuthor(author, ['acme_support'])).toEqual({ verified: true, journalist: true, own: true });
    expect(recogniseAuthor({ ...author, verified: undefined, description: undefined }, [])).toEqual({ verified: false, journalist: false, own: false });
  });
});

describe('mentionInfluence', () => {
  const base: MentionInput = {
    platform: 'x',
    externalId: 'm1',
    text: 'hello',
    publishedAt: '2026-01-01T00:00:00Z',
    author: { platform: 'x', externalId: 'a1', handle: 'a1', followers: 1000 },
    engagement: { likes: 0, reshares: 2, replies: 0, quotes: 1 },
  };

  it('estimates reach from followers and resharers when views are unknown', () => {
    // 1000 * 0.1 + (2 + 1) * 150 * 0.1 = 145
    expect(mentionInfluence(base).reach).toBe(145);
  });

  it('uses the views the platform reports', () => {
    expect(mentionInfluence({ ...base, engagement: { ...base.engagement, views: 12_345 } }).reach).toBe(12_345);
  });

  it('combines the author power (60%) with the engagement the post earned (up to 40)', () => {
    const noEngagement = { ...base, engagement: { likes: 0, reshares: 0, replies: 0, quotes: 0 } };
    expect(mentionInfluence(noEngagement, { ...nobody, graphRank: 1 }).influence).toBe(15); // 0.6 * 25
    // 9999 weighted engagements -> earned = 1 -> +40.
    const viral = { ...base, engagement: { likes: 9999, reshares: 0, replies: 0, quotes: 0 } };
    expect(mentionInfluence(viral, nobody).influence).toBe(40);
  });
});
