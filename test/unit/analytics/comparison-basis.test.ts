// Honest comparisons: no change against a period without data, no multi-week average over one week.
import { describe, expect, it } from 'vitest';
import { compareKpis } from '../../../src/analytics/compare.js';
import { isComparable, previousShares, priorAverage } from '../../../src/analytics/comparison-basis.js';
import { computeKpis } from '../../../src/analytics/kpis.js';

const bucket = (total: number, negative: number, positive: number, reach = 100) => ({ total, negative, neutral: total - negative - positive, positive, engagement: 5, reach });

describe('comparison basis', () => {
  it('gives no change against a previous period without mentions', () => {
    const rows = compareKpis(computeKpis([bucket(10, 2, 6)]), computeKpis([]));
    for (const row of rows) {
      expect(row.change, row.name).toBeNull();
      expect(row.changeRatio, row.name).toBeNull();
    }
  });

  it('compares when the previous period had data', () => {
    const rows = compareKpis(computeKpis([bucket(10, 2, 6)]), computeKpis([bucket(5, 1, 1)]));
    expect(rows.find((r) => r.name === 'volume')).toMatchObject({ change: 5, changeRatio: 1 });
    expect(rows.find((r) => r.name === 'netSentiment')!.change).toBeCloseTo(0.5 - 0, 6);
  });

  it('gives no net-sentiment change when no previous mention had a tone', () => {
    const previous = computeKpis([bucket(5, 0, 0)]);
    expect(isComparable('netSentiment', previous)).toBe(false);
    expect(isComparable('volume', previous)).toBe(true);
    expect(isComparable('engagementRate', computeKpis([bucket(5, 0, 0, 0)]))).toBe(false);
  });

  it('averages past weeks only with two weeks of history or more, and says how many', () => {
    expect(priorAverage([null, null, null, 60])).toBeNull();
    expect(priorAverage([null, null, 50, 60])).toEqual({ value: 55, weeks: 2 });
    expect(priorAverage([40, 50, 60, 70])).toEqual({ value: 55, weeks: 4 });
  });

  it('gives no previous share of voice when the group had no mention', () => {
    expect(previousShares(new Map([['a', 0], ['b', 0]]))).toBeNull();
    expect(previousShares(new Map([['a', 1], ['b', 3]]))).toEqual(new Map([['a', 0.25], ['b', 0.75]]));
  });
});
