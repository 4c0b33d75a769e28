import { describe, expect, it } from 'vitest';
import { defaultDetectionParams } from '../../../src/detection/detection-params.js';
import { historicalRatio, robustMean, seasonalBaseline } from '../../../src/detection/seasonal-baseline.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../src/detection/series.js';
import { NOW, hourlyHistory } from './fixtures.js';

const params = defaultDetectionParams.baseline;

describe('seasonalBaseline', () => {
  it('expects a flat series to continue, scaled to the window', () => {
    const hours = hourlyHistory(48, () => 3);
    const baseline = seasonalBaseline(hours, NOW, 'total', params)!;
    expect(baseline.expectedPerHour(NOW)).toBeCloseTo(3, 10);
    // 30 minutes of a 3-per-hour series: 1.5.
    expect(baseline.expectedBetween(NOW - 30 * MINUTE_MS, NOW)).toBeCloseTo(1.5, 10);
    expect(baseline.level).toBeCloseTo(1, 10);
  });

  it('knows the daily rhythm: office hours are not the night', () => {
    // 10 an hour from 9:00 to 17:59 UTC, 2 an hour otherwise, for two weeks.
    const hours = hourlyHistory(14 * 24, (start) => (new Date(start).getUTCHours() >= 9 && new Date(start).getUTCHours() < 18 ? 10 : 2));
    const baseline = seasonalBaseline(hours, NOW, 'total', params)!;
    // Each hour-of-day mean is shrunk by one observation toward the overall mean (5.375):
    // (14 x 10 + 5.375) / 15 = 9.69 and (14 x 2 + 5.375) / 15 = 2.23, pulled further by the hour-of-week profile.
    expect(baseline.expectedPerHour(NOW + HOUR_MS)).toBeGreaterThan(9.5); // 13:00
    expect(baseline.expectedPerHour(NOW + 15 * HOUR_MS)).toBeLessThan(2.5); // 03:00
  });

  it('knows the weekly rhythm: a Sunday is not a Monday', () => {
    // 12 an hour on weekdays, 4 on Sundays, four weeks.
    const hours = hourlyHistory(28 * 24, (start) => (new Date(start).getUTCDay() === 0 ? 4 : 12));
    const baseline = seasonalBaseline(hours, NOW, 'total', params)!;
    const sunday = NOW - DAY_MS + 7 * DAY_MS; // next Sunday noon
    expect(baseline.expectedPerHour(NOW)).toBeGreaterThan(11);
    expect(baseline.expectedPerHour(sunday)).toBeLessThan(5);
  });

  it('is not moved by one extreme hour', () => {
    const hours = hourlyHistory(7 * 24, (_start, i) => (i === 100 ? 5000 : 20));
    const baseline = seasonalBaseline(hours, NOW, 'total', params)!;
    for (let h = 0; h < 24; h++) expect(baseline.expectedPerHour(NOW + h * HOUR_MS)).toBeLessThan(25);
  });

  it('follows growth through its level factor', () => {
    // 10 an hour for 25 days, then 20 an hour for the last 3 days.
    const hours = hourlyHistory(28 * 24, (_start, i) => (i >= 25 * 24 ? 20 : 10));
    const baseline = seasonalBaseline(hours, NOW + 3 * HOUR_MS, 'total', params)!;
    expect(baseline.level).toBeGreaterThan(1.5);
    expect(baseline.expectedPerHour(NOW + 3 * HOUR_MS)).toBeGreaterThan(16);
  });

  it('stays silent during warm-up', () => {
    expect(seasonalBaseline(hourlyHistory(10, () => 5), NOW, 'total', params)).toBeNull();
    expect(seasonalBaseline([], NOW, 'total', params)).toBeNull();
  });

  it('leaves the most recent hours out, so an ongoing surge does not raise its own baseline', () => {
    const hours = hourlyHistory(48, (_start, i) => (i >= 46 ? 500 : 5));
    expect(seasonalBaseline(hours, NOW, 'total', params)!.expectedPerHour(NOW)).toBeCloseTo(5, 5);
  });

  it('gives the usual share of two fields', () => {
    const hours = hourlyHistory(48, () => 20, NOW, 0.25);
    expect(historicalRatio(hours, NOW, 'negative', 'total', params)).toBeCloseTo(0.25, 10);
  });
});

describe('robustMean', () => {
  it('caps values far above the median (2 x median + 3 sqrt(median) + 3)', () => {
    // median 4, cap 2*4 + 3*2 + 3 = 17: (4 + 4 + 4 + 17) / 4
    expect(robustMean([4, 4, 4, 1000])).toBeCloseTo(29 / 4, 10);
    expect(robustMean([1, 2, 3])).toBeCloseTo(2, 10);
  });
});
