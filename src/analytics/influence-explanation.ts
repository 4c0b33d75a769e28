// Why an author ranks where they do: the influence score split into the points each factor brings.
import { authorInfluence, type AuthorStats } from '../scoring/influence.js';

export type InfluenceFactor = 'audience' | 'engagement' | 'amplification' | 'graphRank' | 'verified' | 'journalist';

export interface InfluencePart {
  factor: InfluenceFactor;
  /** Points out of 100 this factor contributes. */
  points: number;
}

export interface InfluenceExplanation {
  score: number;
  /** Largest contribution first; factors worth nothing are left out. */
  parts: InfluencePart[];
}

const NOTHING: AuthorStats = { followers: 0, posts: 1, engagementEarned: 0, amplifications: 0, graphRank: 0 };

/**
 * The scoring formula is a weighted sum, so each factor's points are the score of an author who has only that
 * factor (the final score is capped at 100, so parts may add up to more for the very top authors).
 */
export function explainInfluence(stats: AuthorStats): InfluenceExplanation {
  const posts = Math.max(1, stats.posts);
  const only = (s: Partial<AuthorStats>) => authorInfluence({ ...NOTHING, posts, ...s });
  const parts: InfluencePart[] = [
    { factor: 'audience' as const, points: only({ followers: stats.followers }) },
    { factor: 'engagement' as const, points: only({ engagementEarned: stats.engagementEarned }) },
    { factor: 'amplification' as const, points: only({ amplifications: stats.amplifications }) },
    { factor: 'graphRank' as const, points: only({ graphRank: stats.graphRank }) },
    { factor: 'verified' as const, points: only({ verified: stats.verified }) },
    { factor: 'journalist' as const, points: only({ journalist: stats.journalist }) },
  ]
    .filter((p) => p.points > 0)
    .sort((a, b) => b.points - a.points);
  return { score: authorInfluence(stats), parts };
}
