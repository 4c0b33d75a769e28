// The digest's influencers: the dashboard's ranking (influence score explained by its factors), less the brand's own accounts.
import { explainInfluence } from '../analytics/influence-explanation.js';
import { isJournalist } from '../scoring/influence.js';
import type { AuthorSummary } from '../store/author-queries.js';
import type { DigestInfluencer } from './digest-content.js';

/** The dashboard's influencer ranking (score explained by its factors, ties by the author's most influential mention). */
export function rankInfluencers(authors: readonly AuthorSummary[]): DigestInfluencer[] {
  const ranked = authors
    .filter((a) => !a.own)
    .map((a) => {
      const why = explainInfluence({
        followers: a.followers,
        posts: a.posts,
        engagementEarned: a.engagementEarned,
        amplifications: a.amplifiedCount,
        graphRank: a.graphRank,
        verified: a.verified,
        journalist: isJournalist(a.description ?? undefined),
      });
      const influencer: DigestInfluencer = {
        platform: a.platform, handle: a.handle, displayName: a.displayName, followers: a.followers,
        score: why.score, why: why.parts, mentions: a.mentions, negativeMentions: a.negativeMentions,
      };
      return { author: a, influencer };
    });
  ranked.sort((x, y) => y.influencer.score - x.influencer.score || y.author.topMentionInfluence - x.author.topMentionInfluence || x.author.id.localeCompare(y.author.id));
  return ranked.map((r) => r.influencer);
}
