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

/** By influence score, then by the author's most influential mention, then by id so the order is stable. */
export function rankAuthors<A extends RankableAuthor>(authors: readonly A[]): RankedAuthor<A>[] {
  return authors
    .map((author) => {
      const journalist = isJournalist(author.description ?? undefined);
      const explanation = explainInfluence({
        followers: author.followers,
        posts: author.posts,
        engagementEarned: author.engagementEarned,
        amplifications: author.amplifiedCount,
        graphRank: author.graphRank,
        verified: author.verified,
        journalist,
      });
      return { author, journalist, explanation };
    })
    .sort(
      (x, y) =>
        y.explanation.score - x.explanation.score ||
        y.author.topMentionInfluence - x.author.topMentionInfluence ||
        x.author.id.localeCompare(y.author.id),
    );
}
