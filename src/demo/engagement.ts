// Engagement counts consistent with an author's reach and a post's virality, never below what the scenario itself shows.
import type { EngagementCounts } from '../domain/mention.js';
import type { Rng } from './random.js';

export interface ObservedInteractions {
  replies: number;
  reshares: number;
  quotes: number;
}

/**
 * `virality` multiplies the usual response to an author's audience: 1 for an ordinary post,
 * several times more for crisis posts, far more for the one that made the story spread.
 * The scenario only holds a sample of what happened, so observed replies, reshares and quotes
 * are a floor to which unseen ones are added.
 */
export function engagementFor(followers: number, virality: number, observed: ObservedInteractions, rng: Rng): EngagementCounts {
  // Typical like rate falls with audience size: small accounts' friends like everything.
  const likeRate = 0.02 * Math.pow(Math.max(followers, 10) / 100, -0.25);
  const likes = Math.round(followers * likeRate * virality * rng.logNormal(0.9) + rng.int(0, 3) + observed.reshares * 2);
  const reshares = observed.reshares + Math.round(likes * rng.between(0.05, 0.2));
  const replies = observed.replies + Math.round(likes * rng.between(0.02, 0.08));
  const quotes = observed.quotes + Math.round(reshares * rng.between(0.02, 0.1));
  const views = Math.round(followers * rng.between(0.08, 0.4) * Math.sqrt(virality) + (likes + reshares) * rng.between(15, 40));
  return { likes, reshares, replies, quotes, views };
}

/** A reshare carries no engagement of its own. */
export const NO_ENGAGEMENT: EngagementCounts = { likes: 0, reshares: 0, replies: 0, quotes: 0 };
