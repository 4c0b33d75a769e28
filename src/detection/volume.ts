// Detector: a surge in mention volume (all or negative) against the entity's seasonal baseline.
import { dispersionByWindow } from './burst-dispersion.js';
import { countSurprise } from './count-surprise.js';
import type { DetectionParams } from './detection-params.js';
import { reasonsIn } from './alert-reasons.js';
import { evidenceIds, rankNotable, round2 } from './evidence.js';
import { historicalRatio, seasonalBaseline, type SeasonalBaseline } from './seasonal-baseline.js';
import { type AlertCandidate, type Bucket, type EntityWindow, type FineHistory, MINUTE_MS, type Severity, sumBuckets } from './series.js';
import { calibrateTail, excessScore, usualPeakLevel } from './usual-peaks.js';

/**
 * Method: for each sliding window (10, 30, 60, 180 min by default) the observed count is compared
 * with the seasonal baseline summed over the same minutes (seasonal-baseline.ts). The window
 * fires when the count is at least `minCount`, `minRatio` times the expectation, and its
 * quasi-Poisson tail probability is below 10^-minSurprise (count-surprise.ts): the ratio keeps high
 * volumes from alerting on tiny relative bumps, the tail keeps low volumes from alerting on noise.
 * A window shorter than an hour is tested with the series' bursts from one minute to the next added
 * to the hourly dispersion, when the window carries fine history (burst-dispersion.ts).
 * The most surprising window wins. With measure `negative` (the default in `detectCrises`), the
 * window's negative share must also exceed the usual share by `minNegativeShareLift`: a launch or a
 * campaign raises negatives in proportion and is not a crisis. The onset is the start of the suffix
 * of the last 3 h with the largest excess over the baseline (a one-sided change-point estimate).
 * Severity follows the ratio (`severityRatios`), held below high or critical on few mentions (`severityMinCounts`).
 */
export function detectVolumeSurge(
  window: EntityWindow,
  params: DetectionParams,
  measure: 'total' | 'negative' = params.volume.measure,
): AlertCandidate | null {
  const p = params.volume;
  const baseline = seasonalBaseline(window.hours, window.now, measure, params.baseline);
  if (!baseline) return null;
  const usualNegativeShare = measure === 'negative' ? historicalRatio(window.hours, window.now, 'negative', 'total', params.baseline) : null;

  const dispersionFor = dispersionByWindow(window, measure, baseline.dispersion);
  let best: { minutes: number; observed: number; expected: number; surprise: number; sum: Bucket } | null = null;
  for (const minutes of p.windowsMinutes) {
    const from = window.now - minutes * MINUTE_MS;
    const sum = sumBuckets(window.minutes, from, window.now);
    const observed = sum[measure];
    const expected = baseline.expectedBetween(from, window.now);
    if (observed < p.minCount || observed < p.minRatio * expected) continue;
    if (measure === 'negative') {
      const share = sum.total > 0 ? sum.negative / sum.total : 0;
      if (usualNegativeShare !== null && share < p.minNegativeShareLift * usualNegativeShare) continue;
    }
    const dispersion = dispersionFor(minutes * MINUTE_MS);
    const usualPeak = usualPeakFor(window.fineHistory, measure, baseline, minutes, dispersion, params);
    if (usualPeak !== null && excessScore(observed, expected, dispersion) < usualPeak) continue;
    const surprise = countSurprise(observed, expected, dispersion);
    if (surprise < p.minSurprise) continue;
    if (!best || surprise > best.surprise) best = { minutes, observed, expected, surprise, sum };
  }
  if (!best) return null;

  const ratio = best.observed / Math.max(best.expected, 1e-9);
  const from = window.now - best.minutes * MINUTE_MS;
  const onsetAt = estimateOnset(window, measure, baseline, Math.max(...p.windowsMinutes));
  const ranked = rankNotable(window.notable, Math.min(from, onsetAt), window.now);
  return {
    entityId: window.entityId,
    detector: 'volume',
    severity: severityFromRatio(ratio, best.observed, p),
    onsetAt,
    detectedAt: window.now,
    why: reasonsIn(window.language ?? 'en').volume({
      negativeOnly: measure === 'negative',
      ratio,
      minutes: best.minutes,
      observed: best.observed,
      expected: best.expected,
      ...(measure === 'negative' && best.sum.total > 0 ? { negativeShare: best.sum.negative / best.sum.total } : {}),
      lead: ranked[0],
    }),
    numbers: {
      observed: best.observed,
      expected: round2(best.expected),
      ratio: round2(ratio),
      surprise: round2(best.surprise),
      windowMinutes: best.minutes,
      dispersion: round2(dispersionFor(best.minutes * MINUTE_MS)),
      level: round2(baseline.level),
    },
    evidence: evidenceIds(ranked),
    phrases: [],
  };
}

const usualPeaks = new WeakMap<FineHistory, WeakMap<SeasonalBaseline, Map<string, number | null>>>();

/**
 * The excess score a window of `minutes` must beat to be news for this entity (usual-peaks.ts), or null without
 * enough fine history. Memoised per history and baseline: a replay reuses both for a whole hour of windows.
 */
function usualPeakFor(
  history: FineHistory | undefined,
  field: 'total' | 'negative',
  baseline: SeasonalBaseline,
  minutes: number,
  dispersion: number,
  params: DetectionParams,
): number | null {
  const u = params.volume.usualPeaks;
  if (!history || u.budgetPerWeek <= 0) return null;
  let byBaseline = usualPeaks.get(history);
  if (!byBaseline) usualPeaks.set(history, (byBaseline = new WeakMap()));
  let levels = byBaseline.get(baseline);
  if (!levels) byBaseline.set(baseline, (levels = new Map()));
  const key = `${field}|${minutes}`;
  if (levels.has(key)) return levels.get(key)!;
  const steps = Math.max(1, Math.round((minutes * MINUTE_MS) / history.stepMs));
  const tail = calibrateTail(history, field, baseline, steps, dispersion, u.tailShare);
  const level = tail ? usualPeakLevel(tail, u.budgetPerWeek, u.minScale) : null;
  levels.set(key, level);
  return level;
}

/** Severity from the observed / expected ratio, held to high or medium when the window holds few mentions. */
export function severityFromRatio(
  ratio: number,
  observed: number,
  { severityRatios: [medium, high, critical], severityMinCounts: minCounts }: Pick<DetectionParams['volume'], 'severityRatios' | 'severityMinCounts'>,
): Severity {
  if (ratio >= critical && observed >= minCounts.critical) return 'critical';
  if (ratio >= high && observed >= minCounts.high) return 'high';
  if (ratio >= medium) return 'medium';
  return 'low';
}

/**
 * Where the surge began: the start τ of the suffix [τ, now) of the last `spanMinutes` that is least likely under the
 * baseline, by the Poisson log-likelihood ratio n·ln(n/E) − (n − E) of its count n against its expectation E. The largest
 * plain excess (n − E) would stretch the onset back to any stray post of a quiet entity, since a near-zero baseline never
 * takes it back; the likelihood ratio prefers the dense stretch. The expectation never goes below ONSET_FLOOR_PER_HOUR, so
 * that an entity that is usually silent still pays for each empty minute it adds to the surge.
 */
export function estimateOnset(window: EntityWindow, field: 'total' | 'negative' | 'riskFlagged', baseline: SeasonalBaseline, spanMinutes: number): number {
  const start = window.now - spanMinutes * MINUTE_MS;
  const perMinute = new Map<number, number>();
  for (let i = window.minutes.length - 1; i >= 0 && window.minutes[i].start >= start; i--) {
    const b = window.minutes[i];
    if (b.start < window.now) {
      const minute = Math.floor(b.start / MINUTE_MS) * MINUTE_MS;
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + b[field]);
    }
  }
  let observed = 0;
  let expected = 0;
  let best = 0;
  let onset = window.now;
  for (let t = Math.floor((window.now - 1) / MINUTE_MS) * MINUTE_MS; t >= start; t -= MINUTE_MS) {
    observed += perMinute.get(t) ?? 0;
    expected += Math.max(baseline.expectedPerHour(t), ONSET_FLOOR_PER_HOUR) / 60;
    const score = observed > expected ? observed * Math.log(observed / expected) - (observed - expected) : 0;
    if (score > best) {
      best = score;
      onset = t;
    }
  }
  return onset;
}

/** One post an hour: the rate below which a baseline says nothing about when a surge began. */
const ONSET_FLOOR_PER_HOUR = 1;
