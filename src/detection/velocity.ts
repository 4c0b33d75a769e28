// Detector: a negative post whose reshares and replies grow much faster than the entity's usual posts (going viral).
import type { DetectionParams } from './detection-params.js';
import { reasonsIn } from './alert-reasons.js';
import { evidenceIds, round2 } from './evidence.js';
import { median } from './seasonal-baseline.js';
import { type AlertCandidate, type EntityWindow, MINUTE_MS, type NotableMention, type Severity } from './series.js';

/**
 * Method: a post's velocity is its gain in reshares + replies per minute over the last
 * `windowMinutes` of its engagement history (or, without history, its total over its age, counted
 * as at least 10 minutes). The usual velocity is the median lifetime rate of the window's notable
 * posts, floored at `usualRateFloorPerMinute`. A negative post fires when its velocity is at least
 * `minRatePerMinute` and `minRatioToUsual` times the usual one, and it already has `minEngagement` reshares + replies.
 * The fastest post leads.
 * Severity from the velocity: 1/min medium, 5/min high, 20/min critical.
 */
export function detectViralNegative(window: EntityWindow, params: DetectionParams): AlertCandidate | null {
  const p = params.velocity;
  if (window.notable.length === 0) return null;
  const usual = Math.max(p.usualRateFloorPerMinute, median(window.notable.map((m) => lifetimeRate(m, window.now))));
  let best: { mention: NotableMention; rate: number } | null = null;
  for (const m of window.notable) {
    if (m.sentiment !== 'negative' || m.publishedAt >= window.now) continue;
    if (m.engagement.reshares + m.engagement.replies < p.minEngagement) continue;
    const rate = recentRate(m, window.now, p.windowMinutes);
    if (rate < p.minRatePerMinute || rate < p.minRatioToUsual * usual) continue;
    if (!best || rate > best.rate) best = { mention: m, rate };
  }
  if (!best) return null;

  const { mention, rate } = best;
  const total = mention.engagement.reshares + mention.engagement.replies;
  return {
    entityId: window.entityId,
    detector: 'velocity',
    severity: severityFromRate(rate),
    onsetAt: mention.publishedAt,
    detectedAt: window.now,
    why: reasonsIn(window.language ?? 'en').velocity({ mention, rate, usualRate: usual, total }),
    numbers: { ratePerMinute: round2(rate), usualRatePerMinute: round2(usual), reshares: mention.engagement.reshares, replies: mention.engagement.replies },
    evidence: evidenceIds([mention, ...window.notable.filter((m) => m.isReshareOf === mention.id)]),
    phrases: [],
  };
}

function lifetimeRate(m: NotableMention, now: number): number {
  const ageMinutes = Math.max(10, (now - m.publishedAt) / MINUTE_MS);
  return (m.engagement.reshares + m.engagement.replies) / ageMinutes;
}

/** Gain per minute over the last `windowMinutes` of the history; the lifetime rate without history. */
function recentRate(m: NotableMention, now: number, windowMinutes: number): number {
  const history = (m.engagementHistory ?? []).filter((h) => h.at <= now);
  if (history.length === 0) return lifetimeRate(m, now);
  const last = history[history.length - 1];
  const windowStart = last.at - windowMinutes * MINUTE_MS;
  // The reference is the last snapshot at or before the window start, else the post itself (zero at publication).
  let reference = { at: m.publishedAt, reshares: 0, replies: 0 };
  for (const h of history) if (h.at <= windowStart) reference = h;
  const minutes = Math.max(windowMinutes / 3, (last.at - reference.at) / MINUTE_MS);
  return (last.reshares + last.replies - reference.reshares - reference.replies) / minutes;
}

function severityFromRate(rate: number): Severity {
  if (rate >= 20) return 'critical';
  if (rate >= 5) return 'high';
  if (rate >= 1) return 'medium';
  return 'low';
}
