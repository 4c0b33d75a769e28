import { describe, expect, it } from 'vitest';
import { metricWeek, strongestHonestLink } from '../../../src/digest/business-link.js';

const days = (n: number) => Array.from({ length: n }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`);
/** A fixed, irregular pattern (no randomness): values a correlation can follow. */
const wave = (n: number) => Array.from({ length: n }, (_, i) => ((i * 7) % 11) + ((i * 3) % 5));

describe('business link', () => {
  it('finds the lag at which business follows the conversation', () => {
    const n = 30;
    const negative = wave(n);
    // Sign-ups drop two days after negative mentions rise.
    const signups = negative.map((_, i) => 500 - 10 * (i >= 2 ? negative[i - 2] : 3));
    const link = strongestHonestLink(days(n), { negativeShare: negative }, { signups });
    expect(link).not.toBeNull();
    expect(link!.correlation.lag).toBe(2);
    expect(link!.correlation.pearson).toBeCloseTo(-1, 6);
    expect(link!).toMatchObject({ social: 'negativeShare', business: 'signups' });
  });

  it('tells no link when the days are too few, the series unrelated, or one extreme day makes the whole correlation', () => {
    const short = wave(8);
    expect(strongestHonestLink(days(8), { volume: short }, { revenue: short })).toBeNull();
    const n = 40;
    const flat = Array.from({ length: n }, (_, i) => 100 + (i % 2));
    const noise = Array.from({ length: n }, (_, i) => 50 + ((i * 13) % 7));
    expect(strongestHonestLink(days(n), { volume: flat }, { revenue: noise })).toBeNull();
    // One crisis day: huge volume and a revenue dip, every other day unrelated. Pearson alone would say |r| ~ 1.
    const volume = noise.map((v, i) => (i === 20 ? 5000 : v));
    const revenue = flat.map((v, i) => (i === 20 ? 10 : v));
    expect(strongestHonestLink(days(n), { volume }, { revenue })).toBeNull();
  });

  it('compares a metric with last week by its daily mean, so a missing day does not look like a fall', () => {
    const week = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'];
    const previous = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
    const byDay = new Map<string, number>([...previous.map((k) => [k, 100] as [string, number]), ...week.slice(0, 6).map((k) => [k, 110] as [string, number])]);
    expect(metricWeek('revenue', byDay, week, previous)).toEqual({ name: 'revenue', total: 660, days: 6, previousTotal: 700, previousDays: 7, changeRatio: 0.1 });
    expect(metricWeek('revenue', new Map([['d1', 5]]), week, previous).changeRatio).toBeNull();
  });
});
