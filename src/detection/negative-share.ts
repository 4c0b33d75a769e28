// Detector: a shift in tone, i.e. the reach-weighted share of negative mentions rising above its own usual level.
import { countSurprise } from './count-surprise.js';
import type { DetectionParams } from './detection-params.js';
import { reasonsIn } from './alert-reasons.js';
import { evidenceIds, rankNotable, round2 } from './evidence.js';
import { historicalRatio, seasonalBaseline } from './seasonal-baseline.js';
import { type AlertCandidate, type EntityWindow, MINUTE_MS, type Severity, sumBuckets } from './series.js';

/**
 * Method: for each window (30, 60, 180 min by default) the negative share of reach
 * (negativeReach / reach) is compared with the same share over the baseline history. It fires
 * when (1) the window holds at least `minNegative` negative mentions, so three posts at night are
 * never a crisis, (2) the reach-weighted share is at least `minShareIncrease` above usual, and
 * (3) the negative count is improbable given the window's total and the usual count share
 * (quasi-Poisson tail, the negative series' dispersion): reach alone would let one big account
 * swing the share. The window with the largest shift wins. Severity grows with the shift.
 */
export function detectNegativeShareShift(window: EntityWindow, params: DetectionParams): AlertCandidate | null {
  const p = params.negativeShare;
  const usualReachShare = historicalRatio(window.hours, window.now, 'negativeReach', 'reach', params.baseline);
  const usualCountShare = historicalRatio(window.hours, window.now, 'negative', 'total', params.baseline);
  const negativeBaseline = seasonalBaseline(window.hours, window.now, 'negative', params.baseline);
  if (usualCountShare === null || !negativeBaseline) return null;
  const usualShare = usualReachShare ?? usualCountShare;

  let best: { minutes: number; share: number; negative: number; total: number; surprise: number } | null = null;
  for (const minutes of p.windowsMinutes) {
    const sum = sumBuckets(window.minutes, window.now - minutes * MINUTE_MS, window.now);
    if (sum.negative < p.minNegative) continue;
    const share = sum.reach > 0 ? sum.negativeReach / sum.reach : sum.negative / Math.max(1, sum.total);
    if (share - usualShare < p.minShareIncrease) continue;
    const surprise = countSurprise(sum.negative, sum.total * usualCountShare, negativeBaseline.dispersion);
    if (surprise < p.minSurprise) continue;
    if (!best || share > best.share) best = { minutes, share, negative: sum.negative, total: sum.total, surprise };
  }
  if (!best) return null;

  const from = window.now - best.minutes * MINUTE_MS;
  const ranked = rankNotable(window.notable, from, window.now);
  const shift = best.share - usualShare;
  return {
    entityId: window.entityId,
    detector: 'negative_share',
    severity: severityFromShift(shift, best.negative),
    onsetAt: ranked.length ? Math.min(...ranked.map((m) => m.publishedAt)) : from,
    detectedAt: window.now,
    why: reasonsIn(window.language ?? 'en').negativeShare({ share: best.share, usualShare, minutes: best.minutes, negative: best.negative, total: best.total, lead: ranked[0] }),
    numbers: {
      negativeShareOfReach: round2(best.share),
      usualShareOfReach: round2(usualShare),
      negative: best.negative,
      total: best.total,
      surprise: round2(best.surprise),
      windowMinutes: best.minutes,
    },
    evidence: evidenceIds(ranked),
    phrases: [],
  };
}

function severityFromShift(shift: number, negativeCount: number): Severity {
  if (shift >= 0.6 && negativeCount >= 50) return 'critical';
  if (shift >= 0.45) return 'high';
  if (shift >= 0.3) return 'medium';
  return 'low';
}
