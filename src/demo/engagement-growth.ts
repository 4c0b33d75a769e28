// How a post's likes, reshares and replies accumulate after it is published, so the replay shows what a poller would have seen.
import type { EngagementCounts } from '../domain/mention.js';

const MINUTE = 60_000;
/** Most of a post's engagement comes in its first hours; after this it no longer changes. */
export const ENGAGEMENT_SETTLES_MS = 3 * 60 * MINUTE;
const TIME_CONSTANT_MS = 45 * MINUTE;
const SETTLED_SHARE = 1 - Math.exp(-ENGAGEMENT_SETTLES_MS / TIME_CONSTANT_MS);

/** Share of its final engagement a post has `ageMs` after publication: 0 at birth, 1 once settled. */
export function engagementShareAt(ageMs: number): number {
  if (ageMs <= 0) return 0;
  if (ageMs >= ENGAGEMENT_SETTLES_MS) return 1;
  return (1 - Math.exp(-ageMs / TIME_CONSTANT_MS)) / SETTLED_SHARE;
}

/**
 * The counts a platform would report at `ageMs`. The scenario holds each post's final counts; shown
 * whole at publication, an ordinary post with 50 reshares would look like it went viral in a minute.
 */
export function engagementAt(final: EngagementCounts, ageMs: number): EngagementCounts {
  const share = engagementShareAt(ageMs);
  if (share === 1) return { ...final };
  const scaled: EngagementCounts = {
    likes: Math.floor(final.likes * share),
    reshares: Math.floor(final.reshares * share),
    replies: Math.floor(final.replies * share),
    quotes: Math.floor(final.quotes * share),
  };
  if (final.views !== undefined) scaled.views = Math.floor(final.views * share);
  return scaled;
}
