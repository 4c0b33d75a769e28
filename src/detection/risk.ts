// Detector: mentions carrying risk flags (legal threats, safety, boycott...) above their usual rate.
import { dispersionByWindow } from './burst-dispersion.js';
import { countSurprise } from './count-surprise.js';
import type { DetectionParams } from './detection-params.js';
import { reasonsIn } from './alert-reasons.js';
import { evidenceIds, rankNotable, round2 } from './evidence.js';
import { seasonalBaseline } from './seasonal-baseline.js';
import { type AlertCandidate, type EntityWindow, MINUTE_MS, sumBuckets } from './series.js';
import { estimateOnset, severityFromRatio } from './volume.js';

/**
 * Method: the count of risk-flagged mentions in each window (30, 60, 180 min by default) is
 * tested against its own seasonal baseline like a volume surge: at least `minCount`, `minRatio`
 * times the expectation and a tail probability below 10^-minSurprise. Flags are set by the
 * scoring stage's risk lexicon; the sentence lists the most frequent ones. During warm-up (no
 * baseline yet) `minCount` flagged mentions within the shortest window are enough, since a
 * cluster of flagged posts needs no history to be worrying. Severity follows the ratio, and is
 * at least medium.
 */
export function detectRiskCluster(window: EntityWindow, params: DetectionParams): AlertCandidate | null {
  const p = params.risk;
  const baseline = seasonalBaseline(window.hours, window.now, 'riskFlagged', params.baseline);
  const dispersionFor = dispersionByWindow(window, 'riskFlagged', baseline?.dispersion ?? 0);
  let best: { minutes: number; observed: number; expected: number; surprise: number } | null = null;
  for (const minutes of p.windowsMinutes) {
    const from = window.now - minutes * MINUTE_MS;
    const observed = sumBuckets(window.minutes, from, window.now).riskFlagged;
    if (observed < p.minCount) continue;
    if (!baseline) {
      if (minutes === Math.min(...p.windowsMinutes)) best = { minutes, observed, expected: 0, surprise: Infinity };
      continue;
    }
    const expected = baseline.expectedBetween(from, window.now);
    if (observed < p.minRatio * expected) continue;
    const surprise = countSurprise(observed, expected, dispersionFor(minutes * MINUTE_MS));
    if (surprise < p.minSurprise) continue;
    if (!best || surprise > best.surprise) best = { minutes, observed, expected, surprise };
  }
  if (!best) return null;

  const from = window.now - best.minutes * MINUTE_MS;
  const onsetAt = baseline ? Math.min(estimateOnset(window, 'riskFlagged', baseline, Math.max(...p.windowsMinutes)), window.now - MINUTE_MS) : from;
  const flagged = rankNotable(window.notable, Math.min(from, onsetAt), window.now, (m) => m.riskFlags.length > 0);
  const flags = topFlags(flagged.flatMap((m) => m.riskFlags));
  const ratio = best.expected > 0 ? best.observed / best.expected : Infinity;
  const severity = severityFromRatio(ratio, best.observed, params.volume);
  return {
    entityId: window.entityId,
    detector: 'risk',
    severity: severity === 'low' ? 'medium' : severity,
    onsetAt,
    detectedAt: window.now,
    why: reasonsIn(window.language ?? 'en').risk({ observed: best.observed, minutes: best.minutes, expected: best.expected, ratio, flags, example: flagged[0] }),
    numbers: {
      observed: best.observed,
      expected: round2(best.expected),
      ...(Number.isFinite(ratio) ? { ratio: round2(ratio) } : {}),
      ...(Number.isFinite(best.surprise) ? { surprise: round2(best.surprise) } : {}),
      windowMinutes: best.minutes,
    },
    evidence: evidenceIds(flagged),
    phrases: flags,
  };
}

function topFlags(flags: readonly string[], limit = 3): string[] {
  const counts = new Map<string, number>();
  for (const f of flags) counts.set(f, (counts.get(f) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([flag]) => flag);
}
