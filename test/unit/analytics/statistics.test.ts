import { describe, expect, it } from 'vitest';
import { correlationPValue, pearson, ranks, spearman, studentTwoSidedP } from '../../../src/analytics/statistics.js';
import { correlate, MIN_POINTS, strongestLag } from '../../../src/analytics/correlation.js';

describe('pearson and spearman', () => {
  it('match hand-computed values', () => {
    // x mean 3, y mean 4; sxy = 6, sxx = 10, syy = 6 -> r = 6 / sqrt(60)
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 12);
    // y ranks with ties: [1, 2.5, 4.5, 2.5, 4.5]; Pearson of the ranks: sxy = 7, sxx = 10, syy = 9
    expect(ranks([2, 4, 5, 4, 5])).toEqual([1, 2.5, 4.5, 2.5, 4.5]);
    expect(spearman([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(7 / Math.sqrt(10 * 9), 12);
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBe(1);
  });

  it('is NaN for a constant series', () => {
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNaN();
  });
});

describe('p-values', () => {
  it('match the Student t table', () => {
    // Critical values: df=3, t=3.182 -> p=0.05; df=10, t=2.228 -> p=0.05; df=20, t=2.845 -> p=0.01.
    expect(studentTwoSidedP(3.182, 3)).toBeCloseTo(0.05, 3);
    expect(studentTwoSidedP(2.228, 10)).toBeCloseTo(0.05, 3);
    expect(studentTwoSidedP(2.845, 20)).toBeCloseTo(0.01, 3);
    expect(studentTwoSidedP(0, 7)).toBeCloseTo(1, 12);
  });

  it('turn r and n into a p-value', () => {
    // r = 0.6, n = 12: t = 0.6 * sqrt(10 / 0.64) = 2.3717, df = 10 -> p ~ 0.0392
    expect(correlationPValue(0.6, 12)).toBeCloseTo(0.0392, 3);
    expect(correlationPValue(0.5, 2)).toBeNaN();
  });
});

describe('correlate over lags', () => {
  // Business follows social two days later: business[d] = 10 * social[d - 2].
  const social = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4];
  const business = social.map((_, d) => (d >= 2 ? 10 * social[d - 2] : NaN));

  it('finds the lag at which social leads business', () => {
    const rows = correlate(social, business, [-2, 0, 2]);
    const lag2 = rows.find((r) => r.lag === 2)!;
    expect(lag2.n).toBe(18);
    expect(lag2.pearson).toBeCloseTo(1, 12);
    expect(lag2.spearman).toBeCloseTo(1, 12);
    expect(lag2.pearsonP).toBeCloseTo(0, 6);
    expect(lag2.warning).toBeNull();
    expect(rows.find((r) => r.lag === 0)!.n).toBe(18);
    expect(rows.find((r) => r.lag === -2)!.n).toBe(16);
    expect(strongestLag(rows)!.lag).toBe(2);
  });

  it('warns in plain words when the data is too short', () => {
    const [row] = correlate([1, 2, 3, 4], [2, 4, 6, 8], [0]);
    expect(row.n).toBe(4);
    expect(row.pearson).toBeCloseTo(1);
    expect(row.warning).toContain(`at least ${MIN_POINTS}`);
    expect(strongestLag([row])).toBeNull();
  });

  it('skips days where either series has no value', () => {
    const [row] = correlate([1, NaN, 3], [1, 2, NaN], [0]);
    expect(row.n).toBe(1);
    expect(row.pearson).toBeNull();
  });
});
