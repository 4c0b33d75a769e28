// The expected count of an entity at any instant, from its hourly history: weekly rhythm, robust to outliers and growth.
import type { DetectionParams } from './detection-params.js';
import { type Bucket, HOUR_MS } from './series.js';

/** A bucket field that can be counted: total, negative, riskFlagged, reach... */
export type BucketField = Exclude<keyof Bucket, 'start'>;

export interface SeasonalBaseline {
  /** Expected sum of the field over [from, to), level included. */
  expectedBetween(from: number, to: number): number;
  /** Expected per hour for the hour of the week containing `at`, level included. */
  expectedPerHour(at: number): number;
  /** Recent level against the seasonal profile (1.2: the entity runs 20 % above its usual rhythm). */
  level: number;
  /** Overdispersion of the hourly counts around the baseline (variance = mean + dispersion x mean^2). */
  dispersion: number;
  /** Hours of history used. */
  historyHours: number;
}

const HOURS_PER_WEEK = 168;
const HISTORY_HOURS = 28 * 24;
const DISPERSION_HOURS = 7 * 24;

/**
 * Method (all in UTC; a brand's time zone only shifts which slot is which, not the fit):
 * 1. The hourly history (up to 28 days, leaving out the last `excludeRecentHours` so an ongoing
 *    crisis does not lift its own baseline; missing hours count as zero) is read per hour of day and
 *    per hour of week.
 * 2. A robust mean per hour of day (each slot's values capped near their median, so one crisis day
 *    does not move it), times a day-of-week factor (median of each weekday's total / the hour-of-day
 *    model), gives a smooth model that works from one day of history.
 * 3. The hour-of-week profile (robust mean of the same slot in each past week, lightly smoothed with
 *    its neighbours) is blended in with weight weeks / (weeks + weekShrink): Monday 9:00 learns it is
 *    not Sunday 23:00 as weeks accumulate.
 * 4. A level factor (capped actual / profile over the last `levelHours`, with a pseudo-count so tiny
 *    volumes stay near 1) follows the entity's growth or decline.
 * 5. The overdispersion is estimated from the last week's residuals, so tests are Poisson at low
 *    volume and wider where the series is noisier than Poisson.
 * Returns null during warm-up (fewer than `minHistoryHours` hours): detectors then stay quiet.
 */
export function seasonalBaseline(
  hours: readonly Bucket[],
  now: number,
  field: BucketField,
  params: DetectionParams['baseline'],
): SeasonalBaseline | null {
  return memoised(hours, params, `fit|${field}|${Math.floor(now / HOUR_MS)}`, () => fitBaseline(hours, now, field, params));
}

/** Ratio of two fields summed over the baseline's history (e.g. the usual negative share), or null in warm-up. */
export function historicalRatio(
  hours: readonly Bucket[],
  now: number,
  numerator: BucketField,
  denominator: BucketField,
  params: DetectionParams['baseline'],
): number | null {
  return memoised(hours, params, `ratio|${numerator}|${denominator}|${Math.floor(now / HOUR_MS)}`, () => {
    const span = denseHistory(hours, now, params);
    if (!span) return null;
    const from = span.firstHour * HOUR_MS;
    const to = span.endHour * HOUR_MS;
    let num = 0;
    let den = 0;
    for (const b of hours) {
      if (b.start < from || b.start >= to) continue;
      num += b[numerator];
      den += b[denominator];
    }
    return den > 0 ? num / den : null;
  });
}

/**
 * The pipeline re-evaluates an entity every minute with the same hourly array, so what is derived
 * from it (a fit is a few thousand operations) is kept per hours array and params object.
 */
const cache = new WeakMap<readonly Bucket[], WeakMap<object, Map<string, unknown>>>();

function memoised<T>(hours: readonly Bucket[], params: object, key: string, compute: () => T): T {
  let byParams = cache.get(hours);
  if (!byParams) {
    byParams = new WeakMap();
    cache.set(hours, byParams);
  }
  let values = byParams.get(params);
  if (!values) {
    values = new Map();
    byParams.set(params, values);
  }
  if (values.has(key)) return values.get(key) as T;
  const value = compute();
  values.set(key, value);
  return value;
}

function denseHistory(hours: readonly Bucket[], now: number, params: DetectionParams['baseline']) {
  const endHour = Math.floor((now - params.excludeRecentHours * HOUR_MS) / HOUR_MS);
  const earliestAllowed = endHour - HISTORY_HOURS;
  let firstHour = Infinity;
  for (const b of hours) {
    const h = Math.floor(b.start / HOUR_MS);
    if (h >= earliestAllowed && h < endHour) {
      firstHour = h;
      break;
    }
  }
  if (!Number.isFinite(firstHour) || endHour - firstHour < Math.max(1, params.minHistoryHours)) return null;
  return { firstHour, endHour };
}

function fitBaseline(
  hours: readonly Bucket[],
  now: number,
  field: BucketField,
  params: DetectionParams['baseline'],
): SeasonalBaseline | null {
  const span = denseHistory(hours, now, params);
  if (!span) return null;
  const { firstHour, endHour } = span;
  const n = endHour - firstHour;
  const values = new Float64Array(n);
  for (const b of hours) {
    const i = Math.floor(b.start / HOUR_MS) - firstHour;
    if (i >= 0 && i < n) values[i] += b[field];
  }

  const hourOfDay = (hourIndex: number) => ((hourIndex % 24) + 24) % 24;
  const weekday = (hourIndex: number) => ((Math.floor(hourIndex / 24) % 7) + 7) % 7;
  const hourOfWeek = (hourIndex: number) => ((hourIndex % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;

  const byHourOfDay: number[][] = Array.from({ length: 24 }, () => []);
  const byHourOfWeek: number[][] = Array.from({ length: HOURS_PER_WEEK }, () => []);
  for (let i = 0; i < n; i++) {
    byHourOfDay[hourOfDay(firstHour + i)].push(values[i]);
    byHourOfWeek[hourOfWeek(firstHour + i)].push(values[i]);
  }
  // Each hour-of-day mean is shrunk toward the overall mean by one observation: a slot that was
  // always zero in a short history still gets a small expectation instead of an impossible 0.
  let overall = 0;
  for (let i = 0; i < n; i++) overall += values[i];
  overall /= n;
  const dayModel = byHourOfDay.map((v) => (v.length * robustMean(v) + overall) / (v.length + 1));

  // Day-of-week factor: for each complete day, actual total / hour-of-day model total.
  const ratiosByWeekday: number[][] = Array.from({ length: 7 }, () => []);
  const dayModelTotal = dayModel.reduce((a, b) => a + b, 0);
  if (dayModelTotal > 0) {
    for (let start = Math.ceil(firstHour / 24) * 24; start + 24 <= endHour; start += 24) {
      let total = 0;
      for (let h = start; h < start + 24; h++) total += values[h - firstHour];
      ratiosByWeekday[weekday(start)].push(total / dayModelTotal);
    }
  }
  // Shrunk toward 1 with the weight of one day, so a single odd Monday does not define all Mondays.
  const weekdayFactor = ratiosByWeekday.map((r) => (r.length === 0 ? 1 : (r.length * median(r) + 1) / (r.length + 1)));

  const weekMeans = byHourOfWeek.map(robustMean);
  const profile = new Float64Array(HOURS_PER_WEEK);
  for (let s = 0; s < HOURS_PER_WEEK; s++) {
    // Hour-of-week slot s is hour index s (mod 168): hour of day s % 24, weekday from day s / 24.
    const smoothModel = dayModel[s % 24] * weekdayFactor[Math.floor(s / 24) % 7];
    const weeks = byHourOfWeek[s].length;
    if (weeks === 0) {
      profile[s] = smoothModel;
      continue;
    }
    const prev = byHourOfWeek[(s + HOURS_PER_WEEK - 1) % HOURS_PER_WEEK].length ? weekMeans[(s + HOURS_PER_WEEK - 1) % HOURS_PER_WEEK] : weekMeans[s];
    const next = byHourOfWeek[(s + 1) % HOURS_PER_WEEK].length ? weekMeans[(s + 1) % HOURS_PER_WEEK] : weekMeans[s];
    const smoothedWeek = 0.25 * prev + 0.5 * weekMeans[s] + 0.25 * next;
    profile[s] = (weeks * smoothedWeek + params.weekShrink * smoothModel) / (weeks + params.weekShrink);
  }
  const profileAt = (hourIndex: number) => profile[hourOfWeek(hourIndex)];

  // Level: recent actual (capped, so a past spike does not count as growth) over the profile.
  let actualSum = 0;
  let profileSum = 0;
  for (let i = Math.max(0, n - params.levelHours); i < n; i++) {
    const expected = profileAt(firstHour + i);
    actualSum += Math.min(values[i], capFor(expected));
    profileSum += expected;
  }
  const level = clamp((actualSum + params.levelPseudoCount) / (profileSum + params.levelPseudoCount), 0.2, 5);

  // Overdispersion from the last week's residuals (method of moments on capped values).
  let excessVariance = 0;
  let squaredMeans = 0;
  for (let i = Math.max(0, n - DISPERSION_HOURS); i < n; i++) {
    const expected = profileAt(firstHour + i) * level;
    const x = Math.min(values[i], capFor(expected));
    excessVariance += (x - expected) ** 2 - expected;
    squaredMeans += expected * expected;
  }
  const dispersion = squaredMeans > 0 ? clamp(excessVariance / squaredMeans, params.minDispersion, params.maxDispersion) : params.minDispersion;

  const expectedPerHour = (at: number) => profileAt(Math.floor(at / HOUR_MS)) * level;
  return {
    level,
    dispersion,
    historyHours: n,
    expectedPerHour,
    expectedBetween(from: number, to: number) {
      let sum = 0;
      for (let t = from; t < to; ) {
        const hourEnd = (Math.floor(t / HOUR_MS) + 1) * HOUR_MS;
        const segmentEnd = Math.min(hourEnd, to);
        sum += expectedPerHour(t) * ((segmentEnd - t) / HOUR_MS);
        t = segmentEnd;
      }
      return sum;
    },
  };
}

/** A value this far above its expectation is treated as an outlier when fitting. */
function capFor(expected: number): number {
  return 2 * expected + 3 * Math.sqrt(expected) + 3;
}

/** Mean of the values after capping them near their median: robust to a crisis, still exact for Poisson-sized counts. */
export function robustMean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const cap = capFor(median(values));
  let sum = 0;
  for (const v of values) sum += Math.min(v, cap);
  return sum / values.length;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

