// Overdispersion within the hour (bursts from one minute, or one row of a series, to the next), which hourly sums hide.
import type { BucketField } from './seasonal-baseline.js';
import { type EntityWindow, type FineHistory, HOUR_MS } from './series.js';

/** The hours with the largest excess are left out: a past crisis is a burst of its own, not the series' usual noise. */
const TRIMMED_SHARE = 0.05;
/** Fewer hours with mentions than this say nothing reliable about bursts: none are assumed. */
const MIN_HOURS = 6;
const MAX_BURST_DISPERSION = 2;

/**
 * How bursty the series is from one step to the next: `k` in variance = mean + k x mean² for one step's count, beyond
 * the hour-to-hour noise. Real mention counts come in bursts (a reshare cascade, a live event), and a 10-minute window
 * of such a series is far noisier than its hourly sums show: the seasonal baseline's dispersion, fitted on hours, sees
 * only k / (steps per hour) of it.
 *
 * Method of moments: within each whole hour, the squared deviations of the step counts from the hour's own mean, less
 * what Poisson noise explains, over the squared mean, pooled over the hours once the TRIMMED_SHARE of hours with the
 * largest excess are left out. Deviations from the hour's own mean leave out the daily rhythm and the hour-to-hour noise.
 * Zero for a Poisson series (the simulator's minutes), for steps of an hour or more, and when history is short.
 */
export function burstDispersion(history: FineHistory, field: BucketField): number {
  const stepsPerHour = Math.round(HOUR_MS / history.stepMs);
  if (stepsPerHour < 2) return 0;
  const firstHour = Math.ceil(history.from / HOUR_MS) * HOUR_MS;
  const hourCount = Math.floor((history.to - firstHour) / HOUR_MS);
  if (hourCount < MIN_HOURS) return 0;
  const counts = new Float64Array(hourCount * stepsPerHour);
  for (const bucket of history.buckets) {
    const index = Math.floor((bucket.start - firstHour) / history.stepMs);
    if (index >= 0 && index < counts.length) counts[index] += bucket[field];
  }
  const hours: { excess: number; scale: number }[] = [];
  for (let h = 0; h < hourCount; h++) {
    const slots = counts.subarray(h * stepsPerHour, (h + 1) * stepsPerHour);
    const mean = slots.reduce((sum, c) => sum + c, 0) / stepsPerHour;
    if (mean === 0) continue;
    const squares = slots.reduce((sum, c) => sum + (c - mean) ** 2, 0);
    // Expected squares under this model: (steps - 1) x (mean + k x mean²).
    hours.push({ excess: squares - (stepsPerHour - 1) * mean, scale: (stepsPerHour - 1) * mean * mean });
  }
  if (hours.length < MIN_HOURS) return 0;
  hours.sort((a, b) => a.excess / a.scale - b.excess / b.scale);
  const kept = hours.slice(0, hours.length - Math.ceil(TRIMMED_SHARE * hours.length));
  const excess = kept.reduce((sum, h) => sum + h.excess, 0);
  const scale = kept.reduce((sum, h) => sum + h.scale, 0);
  return Math.min(MAX_BURST_DISPERSION, Math.max(0, excess / scale));
}

/**
 * The dispersion of a window's count: the hourly fit's, plus the bursts an hour averages away and a shorter window
 * does not. A window of n steps keeps burst / n of it; the hourly fit already holds burst / (steps per hour).
 */
export function windowDispersion(hourlyDispersion: number, burst: number, stepMs: number, windowMs: number): number {
  if (burst === 0 || windowMs >= HOUR_MS) return hourlyDispersion;
  const steps = Math.max(1, windowMs / stepMs);
  return hourlyDispersion + burst * Math.max(0, 1 / steps - stepMs / HOUR_MS);
}

/** The dispersion to test a window of `windowMs` against, for `field` of this entity: the hourly one where no fine history is known. */
export function dispersionByWindow(window: EntityWindow, field: BucketField, hourlyDispersion: number): (windowMs: number) => number {
  const history = window.fineHistory;
  if (!history) return () => hourlyDispersion;
  const burst = memoisedBurst(history, field);
  return (windowMs) => windowDispersion(hourlyDispersion, burst, history.stepMs, windowMs);
}

/** Replays reuse one history for a whole hour of windows: it is read once per field. */
const estimates = new WeakMap<FineHistory, Map<BucketField, number>>();

function memoisedBurst(history: FineHistory, field: BucketField): number {
  let byField = estimates.get(history);
  if (!byField) estimates.set(history, (byField = new Map()));
  let burst = byField.get(field);
  if (burst === undefined) byField.set(field, (burst = burstDispersion(history, field)));
  return burst;
}
