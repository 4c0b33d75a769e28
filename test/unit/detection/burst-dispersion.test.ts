import { describe, expect, it } from 'vitest';
import { burstDispersion, windowDispersion } from '../../../src/detection/burst-dispersion.js';
import { type Bucket, HOUR_MS, MINUTE_MS, emptyBucket } from '../../../src/detection/series.js';
import { Random } from '../../../src/detection/sim-random.js';

const start = Date.UTC(2026, 2, 2);
const DAY = 24 * HOUR_MS;

/** A day of per-minute counts: `mean(minute)` drawn as Poisson, each minute's mean first multiplied by `burst()`. */
function minutes(seed: number, mean: (minute: number) => number, burst: (rng: Random) => number = () => 1): Bucket[] {
  const rng = new Random(seed);
  const buckets: Bucket[] = [];
  for (let i = 0; i < 24 * 60; i++) {
    const count = rng.poisson(mean(i) * burst(rng));
    // Minutes without mentions have no rollup row: a missing bucket is a zero.
    if (count > 0) buckets.push({ ...emptyBucket(start + i * MINUTE_MS), total: count, negative: count });
  }
  return buckets;
}

const day = (buckets: Bucket[]) => ({ buckets, stepMs: MINUTE_MS, from: start, to: start + DAY });
/** A daily rhythm from 1 to 9 mentions a minute: the hour's own mean must take it out. */
const rhythm = (minute: number) => 5 + 4 * Math.sin((2 * Math.PI * minute) / (24 * 60));

describe('burstDispersion', () => {
  it('finds no bursts in Poisson minutes, whatever the daily rhythm', () => {
    expect(burstDispersion(day(minutes(1, rhythm)), 'total')).toBeLessThan(0.02);
  });

  it('recovers the dispersion of bursty minutes (gamma multipliers of known variance)', () => {
    // Shape 2: variance 0.5 around a mean of 1.
    const estimate = burstDispersion(day(minutes(2, rhythm, (rng) => rng.gammaMultiplier(2))), 'total');
    expect(estimate).toBeGreaterThan(0.38);
    expect(estimate).toBeLessThan(0.6);
  });

  it('is not raised by one crisis hour in a calm day', () => {
    const crisisHour = 14 * 60;
    const calmWithCrisis = minutes(3, (m) => (m >= crisisHour && m < crisisHour + 60 ? 5 + (m - crisisHour) * 3 : 5));
    expect(burstDispersion(day(calmWithCrisis), 'total')).toBeLessThan(0.02);
  });

  it('reads the field asked for, and assumes no bursts with too little history or hour-long steps', () => {
    const bursty = minutes(4, () => 5, (rng) => rng.gammaMultiplier(2));
    expect(burstDispersion(day(bursty), 'positive')).toBe(0);
    expect(burstDispersion({ ...day(bursty), to: start + 5 * HOUR_MS }, 'total')).toBe(0);
    expect(burstDispersion({ ...day(bursty), stepMs: HOUR_MS }, 'total')).toBe(0);
  });
});

describe('windowDispersion', () => {
  it('adds the bursts a window shorter than an hour keeps: burst / steps, less what the hourly fit holds', () => {
    expect(windowDispersion(0.05, 0.6, MINUTE_MS, 10 * MINUTE_MS)).toBeCloseTo(0.05 + 0.6 * (1 / 10 - 1 / 60), 10);
    expect(windowDispersion(0.05, 0.6, 5 * MINUTE_MS, 10 * MINUTE_MS)).toBeCloseTo(0.05 + 0.6 * (1 / 2 - 1 / 12), 10);
    expect(windowDispersion(0.05, 0.6, MINUTE_MS, HOUR_MS)).toBe(0.05);
    expect(windowDispersion(0.05, 0, MINUTE_MS, 10 * MINUTE_MS)).toBe(0.05);
  });
});
