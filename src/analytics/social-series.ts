// The daily social series set beside business figures: the dashboard's business page and the digest correlate the same ones.
import type { VolumeCounts } from './kpis.js';

/** NaN where a day has nothing to measure (no mentions, no toned mention), so correlation skips it. */
export const SOCIAL_SERIES: Record<string, (d: Required<VolumeCounts>) => number> = {
  volume: (d) => d.total,
  negativeShare: (d) => (d.total > 0 ? d.negative / d.total : NaN),
  netSentiment: (d) => (d.positive + d.negative > 0 ? (d.positive - d.negative) / (d.positive + d.negative) : NaN),
  engagement: (d) => d.engagement,
  reach: (d) => d.reach,
};
