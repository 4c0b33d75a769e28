// Whether an entity's series has returned near its baseline: what lets an open alert resolve.
import { countSurprise } from './count-surprise.js';
import type { DetectionParams } from './detection-params.js';
import { seasonalBaseline } from './seasonal-baseline.js';
import { type EntityWindow, MINUTE_MS, sumBuckets } from './series.js';

/**
 * True when, over the last `backToBaseline.windowMinutes`, both the total and the negative counts
 * are within `maxRatio` of their seasonal expectation or not significantly above it (tail below
 * 10^-maxSurprise). Without a baseline (warm-up) there is nothing to compare with: true.
 */
export function isBackToBaseline(window: EntityWindow, params: DetectionParams): boolean {
  const p = params.backToBaseline;
  const from = window.now - p.windowMinutes * MINUTE_MS;
  const sum = sumBuckets(window.minutes, from, window.now);
  for (const field of ['total', 'negative'] as const) {
    const baseline = seasonalBaseline(window.hours, window.now, field, params.baseline);
    if (!baseline) continue;
    const expected = baseline.expectedBetween(from, window.now);
    const observed = sum[field];
    if (observed > p.maxRatio * expected && countSurprise(observed, expected, baseline.dispersion) > p.maxSurprise) return false;
  }
  return true;
}
