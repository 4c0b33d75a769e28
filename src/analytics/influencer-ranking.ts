// The influencer ranking shared by the dashboard and the digest: each author's influence explained, best first.
import { isJournalist } from '../scoring/influence.js';
import { explainInfluence, type InfluenceExplanation } from './influence-explanation.js';

/** What the ranking needs of an author (the store's AuthorSummary has it). */
export interface RankableAuthor {
  id: string;
  description: string | null;
  followers: number;
  verified: boolean;
  posts: number;
  engagementEarned: number;
  amplifiedCount: number;
  graphRank: number;
  /** Breaks ties: the highest influence of one of their mentions in the period. */
  topMentionInfluence: number;
}

export interface RankedAuthor<A extends RankableAuthor> {
  author: A;
  journalist: boolean;
  explanation: InfluenceExplanation;
}

/**
 * The one influence score of an author, from the figures the author-graph job stores (followers, posts, engagement
 * earned, amplifications, network rank) and the bio: what the Influencers page, the digest and the inbox all show.
 */
export function authorScore(author: Omit<RankableAuthor, 'id' | 'topMentionInfluence'>): InfluenceExplanation {
  return explainInfluence({
    followers: author.followers,
    posts: author.posts,
    engagementEarned: author.engagementEarned,
    amplifications: author.amplifiedCount,
    graphRank: author.graphRank,
    verified: author.verified,
    journalist: isJournalist(author.description ?? undefined),
  });
}

/** By influence score, then by the author's most influential mention, then by id so the order is stable. */
export function rankAuthors<A extends RankableAuthor>(authors: readonly A[]): RankedAuthor<A>[] {
  return authors
    .map((author) => {
      const journalist = isJournalist(author.description ?? undefined);
      const explanation = authorScore(author);
      return { author, journalist, explanation };
    })
    .sort(
      (x, y) =>
        y.explanation.score - x.explanation.score ||
        y.author.topMentionInfluence - x.author.topMentionInfluence ||
        x.author.id.localeCompare(y.author.id),
    );
}
