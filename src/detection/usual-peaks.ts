// How high this entity's own bursts usually reach: a threshold calibrated to a false-alarm budget from the tail of its history.
import type { BucketField, SeasonalBaseline } from './seasonal-baseline.js';
import { type FineHistory, HOUR_MS, WEEK_MS } from './series.js';

/** Fewer whole hours of history than this say nothing about the tail: no threshold (the fixed tests alone decide). */
const MIN_HOURS = 20;

/**
 * Signed quasi-Poisson deviance residual of a count: about N(0, 1) for a Poisson count of that mean once the
 * overdispersion is divided out, and monotone in the observed count. It puts a window at night and one at noon on
 * one scale, and is cheap enough to score every past position (count-surprise.ts reads the exact tail, once).
 * Zero when the count is not above its expectation.
 */
export function excessScore(observed: number, expected: number, dispersion: number): number {
  if (!(observed > expected)) return 0;
  const mean = Math.max(expected, 1e-6);
  const deviance = 2 * (observed * Math.log(observed / mean) - (observed - mean));
  return Math.sqrt(Math.max(0, deviance) / (1 + Math.max(0, dispersion) * mean));
}

export interface TailCalibration {
  /** Whole hours of history read. */
  hours: number;
  /** Peaks-over-threshold start: the (1 - tailShare) quantile of the hourly maxima. */
  threshold: number;
  /** Hourly maxima above `threshold`. */
  exceedances: number;
  /** Mean excess over `threshold` of those maxima (the exponential tail's scale). */
  meanExcess: number;
}

/**
 * The tail of the hourly maxima of the excess score of one window length over the fine history (SPOT-style, Siffer et
 * al. 2017, with the exponential tail a GPD of shape 0 reduces to): per whole hour, the largest score of any window of
 * `windowSteps` steps ending in that hour, against the baseline's expectation of the same steps. Maxima per hour rather
 * than per step, because the steps of one burst are not independent: an hour holds one burst or none.
 * Null when the history holds fewer than MIN_HOURS whole hours.
 */
export function calibrateTail(
  history: FineHistory,
  field: BucketField,
  baseline: SeasonalBaseline,
  windowSteps: number,
  dispersion: number,
  tailShare: number,
): TailCalibration | null {
  const stepsPerHour = Math.max(1, Math.round(HOUR_MS / history.stepMs));
  const firstHour = Math.ceil(history.from / HOUR_MS) * HOUR_MS;
  const hourCount = Math.floor((history.to - firstHour) / HOUR_MS);
  if (hourCount < MIN_HOURS) return null;
  const n = hourCount * stepsPerHour;
  const counts = new Float64Array(n);
  for (const bucket of history.buckets) {
    const index = Math.floor((bucket.start - firstHour) / history.stepMs);
    if (index >= 0 && index < n) counts[index] += bucket[field];
  }
  const expected = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const at = firstHour + i * history.stepMs;
    expected[i] = baseline.expectedBetween(at, at + history.stepMs);
  }
  const maxima: number[] = [];
  let observed = 0;
  let mean = 0;
  for (let h = 0; h < hourCount; h++) {
    let best = 0;
    for (let i = h * stepsPerHour; i < (h + 1) * stepsPerHour; i++) {
      observed += counts[i];
      mean += expected[i];
      if (i >= windowSteps) {
        observed -= counts[i - windowSteps];
        mean -= expected[i - windowSteps];
      }
      if (i + 1 >= windowSteps) best = Math.max(best, excessScore(observed, mean, dispersion));
    }
    maxima.push(best);
  }
  maxima.sort((a, b) => b - a);
  const exceedances = Math.max(2, Math.round(tailShare * maxima.length));
  const threshold = maxima[exceedances];
  let excess = 0;
  for (let i = 0; i < exceedances; i++) excess += maxima[i] - threshold;
  return { hours: hourCount, threshold, exceedances, meanExcess: excess / exceedances };
}

/**
 * The score a window must reach to be news: exceeded, by the history's own tail extrapolated, `budgetPerWeek` times a
 * week. With an exponential tail of scale s over threshold u reached by k of H hours, an hour beats z with probability
 * k/H x exp(-(z - u)/s), so z = u + s x ln(k x hours-per-week / (H x budget)). The mean excess is floored at
 * `minScale` so a history of identical hours does not make a cliff.
 */
export function usualPeakLevel(tail: TailCalibration, budgetPerWeek: number, minScale: number): number {
  const hoursPerWeek = WEEK_MS / HOUR_MS;
  const scale = Math.max(minScale, tail.meanExcess);
  return tail.threshold + scale * Math.max(0, Math.log((tail.exceedances * hoursPerWeek) / (tail.hours * budgetPerWeek)));
}
