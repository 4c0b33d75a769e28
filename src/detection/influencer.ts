// Detector: an influential author posting or amplifying a negative mention that is getting traction.
import type { DetectionParams } from './detection-params.js';
import { reasonsIn } from './alert-reasons.js';
import { earnedEngagement, evidenceIds, rankNotable } from './evidence.js';
import { type AlertCandidate, type EntityWindow, MINUTE_MS, type NotableMention, type Severity } from './series.js';

/**
 * Method: among the negative notable mentions of the last `lookbackMinutes`, keep those whose
 * author's influence (0-100, see scoring/influence) is at least `minInfluence` and that either
 * earned `minEngagement` reshares + replies + quotes or come from an author above `highInfluence`
 * (such a post needs no traction to matter). A reshare counts: an influencer amplifying a
 * complaint is as dangerous as writing it. The most influential one leads the sentence.
 * Severity: medium, high above `highInfluence`, one step more when engagement is ten times the minimum.
 */
export function detectInfluentialNegative(window: EntityWindow, params: DetectionParams): AlertCandidate | null {
  const p = params.influencer;
  const from = window.now - p.lookbackMinutes * MINUTE_MS;
  const qualifies = (m: NotableMention) =>
    m.sentiment === 'negative' && m.authorInfluence >= p.minInfluence && (earnedEngagement(m) >= p.minEngagement || m.authorInfluence >= p.highInfluence);
  const found = rankNotable(window.notable, from, window.now, qualifies);
  if (found.length === 0) return null;

  const lead = found[0];
  let severity: Severity = lead.authorInfluence >= p.highInfluence ? 'high' : 'medium';
  if (earnedEngagement(lead) >= 10 * Math.max(1, p.minEngagement)) severity = severity === 'high' ? 'critical' : 'high';
  const original = lead.isReshareOf ? window.notable.find((m) => m.id === lead.isReshareOf) : undefined;
  return {
    entityId: window.entityId,
    detector: 'influencer',
    severity,
    onsetAt: Math.min(...found.map((m) => m.publishedAt), original?.publishedAt ?? Infinity),
    detectedAt: window.now,
    why: reasonsIn(window.language ?? 'en').influencer({ lead, reshare: Boolean(lead.isReshareOf), original, others: found.length - 1 }),
    numbers: {
      influence: lead.authorInfluence,
      followers: lead.authorFollowers,
      engagement: earnedEngagement(lead),
      influentialPosts: found.length,
    },
    evidence: evidenceIds(original ? [lead, original, ...found.slice(1)] : found),
    phrases: [],
  };
}
