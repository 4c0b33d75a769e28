import { describe, expect, it } from 'vitest';
import { advocateAccounts, computeAdvocacy } from '../../../src/analytics/advocacy.js';
import { explainInfluence } from '../../../src/analytics/influence-explanation.js';
import { daysOf, previousPeriod, resolvePeriod } from '../../../src/analytics/period.js';
import { authorInfluence } from '../../../src/scoring/influence.js';

describe('advocacy', () => {
  it('sets employees against official accounts', () => {
    const a = computeAdvocacy([
      { kind: 'official', platform: 'x', handle: 'acme', posts: 4, engagement: 200 },
      { kind: 'employee', platform: 'x', handle: 'jane', posts: 6, engagement: 300 },
      { kind: 'employee', platform: 'x', handle: 'bob', posts: 0, engagement: 0 },
    ]);
    expect(a.official).toEqual({ accounts: 1, activeAccounts: 1, posts: 4, engagement: 200, engagementPerPost: 50 });
    expect(a.employees).toEqual({ accounts: 2, activeAccounts: 1, posts: 6, engagement: 300, engagementPerPost: 50 });
    expect(a.employeeToOfficialEngagement).toBe(1.5);
    expect(a.employeePostShare).toBe(0.6);
    expect(a.accounts.map((x) => x.handle)).toEqual(['jane', 'acme', 'bob']);
  });

  it('lists configured accounts without "@"', () => {
    expect(advocateAccounts({ ownHandles: { x: ['@Acme'] }, employeeHandles: { mastodon: ['jane'] } })).toEqual([
      { kind: 'official', platform: 'x', handle: 'Acme' },
      { kind: 'employee', platform: 'mastodon', handle: 'jane' },
    ]);
  });
});

describe('explainInfluence', () => {
  it('splits the score into the points of each factor', () => {
    // 9,999 followers: 30 * log10(10,000) / log10(10,000,001) = 30 * 4 / 7.0000000434 = 17.1 points.
    const stats = { followers: 9_999, posts: 1, engagementEarned: 0, amplifications: 0, graphRank: 0.4, verified: true };
    const e = explainInfluence(stats);
    expect(e.score).toBe(authorInfluence(stats));
    expect(e.parts).toEqual([
      { factor: 'audience', points: 17.1 },
      { factor: 'graphRank', points: 10 },
      { factor: 'verified', points: 5 },
    ]);
  });
});

describe('periods', () => {
  const DAY = 86_400_000;
  it('defaults to the last 7 days of stored data', () => {
    expect(resolvePeriod({}, { from: 0, to: 30 * DAY }, 99 * DAY)).toEqual({ from: 23 * DAY, to: 30 * DAY });
    expect(resolvePeriod({ from: DAY, to: 2 * DAY }, null, 0)).toEqual({ from: DAY, to: 2 * DAY });
  });
  it('gives the previous period of the same length', () => {
    expect(previousPeriod({ from: 10 * DAY, to: 17 * DAY })).toEqual({ from: 3 * DAY, to: 10 * DAY });
  });
  it('lists the days a period touches', () => {
    expect(daysOf({ from: Date.UTC(2026, 0, 30, 12), to: Date.UTC(2026, 1, 2) })).toEqual(['2026-01-30', '2026-01-31', '2026-02-01']);
  });
});
