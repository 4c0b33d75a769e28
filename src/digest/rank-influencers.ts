// The digest's influencers: the dashboard's ranking (influence score explained by its factors), less the brand's own accounts.
import { rankAuthors } from '../analytics/influencer-ranking.js';
import type { AuthorSummary } from '../store/author-queries.js';
import type { DigestInfluencer } from './digest-content.js';

export function rankInfluencers(authors: readonly AuthorSummary[]): DigestInfluencer[] {
  return rankAuthors(authors)
    .filter(({ author }) => !author.own)
    .map(({ author: a, explanation }) => ({
      platform: a.platform, handle: a.handle, displayName: a.displayName, followers: a.followers,
      score: explanation.score, why: explanation.parts, mentions: a.mentions, negativeMentions: a.negativeMentions,
    }));
}
