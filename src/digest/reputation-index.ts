// The reputation index (0-100) of the digest: how people spoke of the brand and how many saw the negative part of it.

/**
 * Two drivers an executive can act on, each worth a fixed number of points:
 * - tone: 60 points x (net sentiment + 1) / 2, net sentiment being (positive - negative) / (positive + negative);
 * - negativeReach: 40 points x the share of the week's reach that did NOT come from negative mentions
 *   (a crisis seen by millions weighs more than the same number of angry posts nobody read).
 * 100 is a week of praise only; 50 is as much praise as complaint with a quarter of the audience on the negative side.
 */
export const INDEX_WEIGHTS = { tone: 60, negativeReach: 40 } as const;
export type ReputationDriver = keyof typeof INDEX_WEIGHTS;

export interface IndexCounts {
  total: number;
  positive: number;
  negative: number;
  reach: number;
  negativeReach: number;
}

/** The points of each driver; null when no mention of the week carries a tone (an index of nothing would mislead). */
export function reputationParts(c: IndexCounts): Record<ReputationDriver, number> | null {
  if (c.positive + c.negative === 0) return null;
  const net = (c.positive - c.negative) / (c.positive + c.negative);
  // Without any reach estimate (sources that give no audience), each mention counts as one reader.
  const negativeShareOfAudience = c.reach > 0 ? Math.min(1, c.negativeReach / c.reach) : c.negative / Math.max(1, c.total);
  return {
    tone: INDEX_WEIGHTS.tone * ((net + 1) / 2),
    negativeReach: INDEX_WEIGHTS.negativeReach * (1 - negativeShareOfAudience),
  };
}

export function reputationIndex(c: IndexCounts): number | null {
  const parts = reputationParts(c);
  return parts === null ? null : parts.tone + parts.negativeReach;
}

/** Points each driver added to the index since the previous week (they sum to the change); null without both weeks. */
export function indexContributions(current: IndexCounts, previous: IndexCounts): Record<ReputationDriver, number> | null {
  const now = reputationParts(current);
  const before = reputationParts(previous);
  if (!now || !before) return null;
  return { tone: now.tone - before.tone, negativeReach: now.negativeReach - before.negativeReach };
}
