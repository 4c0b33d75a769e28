import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../../src/analytics/kpis.js';
import { shareOfVoice } from '../../../src/analytics/share-of-voice.js';
import { compareKpis, compareWithCompetitors } from '../../../src/analytics/compare.js';
import { breakdown } from '../../../src/analytics/breakdown.js';
import { regroup } from '../../../src/analytics/regroup.js';

const bucket = (total: number, negative: number, neutral: number, positive: number, engagement: number, reach: number, sentimentSum = 0) =>
  ({ total, negative, neutral, positive, engagement, reach, sentimentSum });

describe('computeKpis', () => {
  it('sums buckets into shares, net sentiment and engagement rate', () => {
    // 10 mentions: 2 negative, 3 neutral, 5 positive; engagement 40 over 2000 impressions.
    const k = computeKpis([bucket(4, 2, 1, 1, 10, 500, -0.5), bucket(6, 0, 2, 4, 30, 1500, 2.5)]);
    expect(k.volume).toBe(10);
    expect(k.negativeShare).toBeCloseTo(0.2);
    expect(k.neutralShare).toBeCloseTo(0.3);
    expect(k.positiveShare).toBeCloseTo(0.5);
    expect(k.netSentiment).toBeCloseTo((5 - 2) / 7);
    expect(k.averageSentiment).toBeCloseTo(0.2);
    expect(k.impressions).toBe(2000);
    expect(k.reach).toBe(2000);
    expect(k.engagement).toBe(40);
    expect(k.engagementRate).toBeCloseTo(0.02);
  });

  it('uses the unique audience as reach when known', () => {
    expect(computeKpis([bucket(1, 0, 1, 0, 0, 900)], { uniqueReach: 300 }).reach).toBe(300);
  });

  it('gives zeros, not NaN, for an empty period', () => {
    const k = computeKpis([]);
    expect(Object.values(k).every((v) => v === 0)).toBe(true);
  });
});

describe('shareOfVoice', () => {
  it('splits volume and reach among the group', () => {
    const sov = shareOfVoice([
      { entityId: 'acme', volume: 30, reach: 1000 },
      { entityId: 'globex', volume: 10, reach: 3000 },
    ]);
    expect(sov[0]).toMatchObject({ entityId: 'acme', volumeShare: 0.75, reachShare: 0.25 });
    expect(sov[1]).toMatchObject({ entityId: 'globex', volumeShare: 0.25, reachShare: 0.75 });
  });

  it('gives zero shares when nobody was mentioned', () => {
    expect(shareOfVoice([{ entityId: 'a', volume: 0, reach: 0 }])[0]).toMatchObject({ volumeShare: 0, reachShare: 0 });
  });
});

describe('compareKpis', () => {
  const now = computeKpis([bucket(12, 3, 3, 6, 60, 3000)]);
  const before = computeKpis([bucket(8, 4, 2, 2, 40, 1000)]);

  it('gives the change against the previous period and the gap to a norm', () => {
    const rows = compareKpis(now, before, { negativeShare: 0.18 });
    const volume = rows.find((r) => r.name === 'volume')!;
    expect(volume).toMatchObject({ value: 12, previous: 8, change: 4, changeRatio: 0.5, norm: null, vsNorm: null });
    const negative = rows.find((r) => r.name === 'negativeShare')!;
    expect(negative.value).toBeCloseTo(0.25);
    expect(negative.previous).toBeCloseTo(0.5);
    expect(negative.changeRatio).toBeCloseTo(-0.5);
    expect(negative.norm).toBe(0.18);
    expect(negative.vsNorm).toBeCloseTo(0.07);
  });

  it('has no change ratio when the previous value was zero', () => {
    const rows = compareKpis(now, computeKpis([]));
    expect(rows.find((r) => r.name === 'volume')!.changeRatio).toBeNull();
  });

  it('gives the gap with each competitor', () => {
    const [gap] = compareWithCompetitors(now, [{ entityId: 'globex', kpis: before }]);
    expect(gap.gap.volume).toBe(4);
    expect(gap.gap.engagementRate).toBeCloseTo(0.02 - 0.04);
  });
});

describe('breakdown', () => {
  it('merges keys and orders by count', () => {
    expect(breakdown([{ key: 'x', count: 1 }, { key: 'reddit', count: 2 }, { key: 'x', count: 1 }])).toEqual([
      { key: 'reddit', count: 2, share: 0.5 },
      { key: 'x', count: 2, share: 0.5 },
    ]);
  });
});

describe('regroup', () => {
  it('sums hourly buckets into dense days, zeros where nothing was said', () => {
    const H = 3_600_000;
    const D = 24 * H;
    const days = regroup(
      [{ start: 1 * H, ...bucket(2, 1, 0, 1, 3, 10) }, { start: 5 * H, ...bucket(1, 0, 1, 0, 0, 5) }, { start: 2 * D + H, ...bucket(4, 0, 0, 4, 1, 1) }],
      { from: 0, to: 3 * D },
      D,
    );
    expect(days.map((d) => [d.start, d.total, d.reach])).toEqual([[0, 3, 15], [D, 0, 0], [2 * D, 4, 1]]);
  });
});
