import { describe, expect, it } from 'vitest';
import type { SeasonalBaseline } from '../../../src/detection/seasonal-baseline.js';
import { type Bucket, HOUR_MS, MINUTE_MS, emptyBucket } from '../../../src/detection/series.js';
import { Random } from '../../../src/detection/sim-random.js';
import { calibrateTail, excessScore, usualPeakLevel } from '../../../src/detection/usual-peaks.js';

const start = Date.UTC(2026, 2, 2);
const STEP = 5 * MINUTE_MS;

/** A flat baseline of `perStep` per 5-minute step. */
function flat(perStep: number): SeasonalBaseline {
  const perHour = perStep * 12;
  return { expectedBetween: (from, to) => (perHour * (to - from)) / HOUR_MS, expectedPerHour: () => perHour, level: 1, dispersion: 0, historyHours: 168 };
}

/** A week of 5-minute counts around `mean`, with a burst of `size` times the mean in `burstsPerDay` random steps a day. */
function week(seed: number, mean: number, size: number, burstsPerDay: number) {
  const rng = new Random(seed);
  const buckets: Bucket[] = [];
  for (let i = 0; i < 7 * 288; i++) {
    const burst = rng.next() < burstsPerDay / 288 ? size : 1;
    buckets.push({ ...emptyBucket(start + i * STEP), total: rng.poisson(mean * burst) });
  }
  return { buckets, stepMs: STEP, from: start, to: start + 7 * 24 * HOUR_MS };
}

describe('excessScore', () => {
  it('is zero at or below the expectation and grows with the count', () => {
    expect(excessScore(5, 5, 0)).toBe(0);
    expect(excessScore(3, 5, 0)).toBe(0);
    expect(excessScore(10, 5, 0)).toBeGreaterThan(0);
    expect(excessScore(20, 5, 0)).toBeGreaterThan(excessScore(10, 5, 0));
  });

  it('reads like a z-score for Poisson counts and shrinks with overdispersion', () => {
    // 100 + 3 x 10 against 100: about three standard deviations.
    expect(excessScore(130, 100, 0)).toBeCloseTo(2.9, 1);
    expect(excessScore(130, 100, 0.1)).toBeLessThan(excessScore(130, 100, 0) / 3);
  });
});

describe('calibrateTail and usualPeakLevel', () => {
  it('asks more of a series that bursts every day than of a calm one', () => {
    const calm = calibrateTail(week(1, 10, 1, 0), 'total', flat(10), 2, 0, 0.1)!;
    const bursty = calibrateTail(week(1, 10, 6, 4), 'total', flat(10), 2, 0, 0.1)!;
    expect(calm.hours).toBe(168);
    expect(usualPeakLevel(bursty, 0.25, 0.5)).toBeGreaterThan(2 * usualPeakLevel(calm, 0.25, 0.5));
    // A burst of 6x the mean over two steps (120 against 20) does not beat the bursty series' usual peaks.
    expect(excessScore(120, 20, 0)).toBeLessThan(usualPeakLevel(bursty, 0.25, 0.5));
    expect(excessScore(120, 20, 0)).toBeGreaterThan(usualPeakLevel(calm, 0.25, 0.5));
  });

  it('asks more for a smaller false-alarm budget, smoothly (logarithmically)', () => {
    const tail = calibrateTail(week(2, 10, 4, 2), 'total', flat(10), 2, 0, 0.1)!;
    const levels = [1, 0.5, 0.25, 0.125].map((b) => usualPeakLevel(tail, b, 0.5));
    const steps = levels.slice(1).map((l, i) => l - levels[i]);
    for (const step of steps) expect(step).toBeCloseTo(Math.max(0.5, tail.meanExcess) * Math.LN2, 6);
  });

  it('says nothing from less than 20 hours of history', () => {
    const short = { ...week(3, 10, 1, 0), to: start + 18 * HOUR_MS };
    expect(calibrateTail(short, 'total', flat(10), 2, 0, 0.1)).toBeNull();
  });
});
