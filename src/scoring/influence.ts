// Influence per author (0-100) and per mention (influence + expected reach), from audience, engagement earned and amplification.
import type { AuthorInput, MentionInput } from '../domain/mention.js';

/**
 * What the store knows about an author over the recent window (e.g. 30 days).
 * graphRank is the author's normalised PageRank (author-graph.ts normaliseRanks), 0..1.
 */
export interface AuthorStats {
  followers: number;
  posts: number;
  /** Likes + reshares + replies + quotes received by those posts. */
  engagementEarned: number;
  /** Times other authors reshared, quoted or replied to them. */
  amplifications: number;
  graphRank: number;
  verified?: boolean;
  journalist?: boolean;
  /** One of the brand's own accounts: scored the same but flagged so reports can set it apart. */
  own?: boolean;
}

/*
 * Influence formula (0-100), each part scaled to 0..1 on a log scale because audiences and engagement are
 * heavy-tailed (a 10x larger audience is one step, not ten):
 *   reach       = log10(1 + followers)              / log10(1 + 10,000,000)
 *   engagement  = log10(1 + engagementEarned/posts) / log10(1 + 10,000)
 *   amplified   = log10(1 + amplifications/posts)   / log10(1 + 100)
 *   rank        = graphRank (0..1)
 *   influence   = 100 * (0.30 reach + 0.25 engagement + 0.20 amplified + 0.25 rank)
 *                 + 5 if verified/official + 5 if a journalist, capped at 100.
 * Audience alone reaches at most 30: influence is the power to make others engage, not follower count.
 *
 * Per mention:
 *   earned      = log10(1 + likes + 2*(reshares + quotes) + 1.5*replies) / log10(1 + 10,000)
 *   influence   = 0.6 * authorInfluence + 40 * earned
 *   reach       = views when the platform reports them, otherwise
 *                 followers * 0.1 (share of followers who see a post) + (reshares + quotes) * 150 * 0.1
 *                 (each resharer's audience assumed at a typical 150 followers).
 */
const MAX_FOLLOWERS = 10_000_000;
const MAX_ENGAGEMENT_PER_POST = 10_000;
const MAX_AMPLIFICATIONS_PER_POST = 100;
const WEIGHTS = { reach: 0.3, engagement: 0.25, amplified: 0.2, rank: 0.25 } as const;
const VERIFIED_BONUS = 5;
const JOURNALIST_BONUS = 5;
const AUTHOR_SHARE = 0.6;
const EARNED_SHARE = 40;
const SEEN_SHARE = 0.1;
const TYPICAL_RESHARER_AUDIENCE = 150;

const JOURNALIST_WORDS = /\b(?:journalist[e]?|journaliste|reporter|editor|éditeur|éditrice|rédacteur|rédactrice|rédaction|correspondent|correspondant[e]?|columnist|chroniqueur|chroniqueuse|newsroom|press|presse|anchor|présentateur|présentatrice)\b/iu;

/** A bio that names the job: "journaliste au Monde", "Reporter @ BBC". */
export function isJournalist(description: string | undefined): boolean {
  return description !== undefined && JOURNALIST_WORDS.test(description);
}

function logScale(value: number, max: number): number {
  if (!(value > 0)) return 0;
  return Math.min(1, Math.log10(1 + value) / Math.log10(1 + max));
}

export function authorInfluence(stats: AuthorStats): number {
  const posts = Math.max(1, stats.posts);
  const score =
    100 *
      (WEIGHTS.reach * logScale(stats.followers, MAX_FOLLOWERS) +
        WEIGHTS.engagement * logScale(stats.engagementEarned / posts, MAX_ENGAGEMENT_PER_POST) +
        WEIGHTS.amplified * logScale(stats.amplifications / posts, MAX_AMPLIFICATIONS_PER_POST) +
        WEIGHTS.rank * Math.min(1, Math.max(0, stats.graphRank))) +
    (stats.verified ? VERIFIED_BONUS : 0) +
    (stats.journalist ? JOURNALIST_BONUS : 0);
  return Math.round(Math.min(100, score) * 10) / 10;
}

/** The flags the store keeps per author: official (verified), journalist (bio), one of the brand's own accounts. */
export function recogniseAuthor(author: AuthorInput, ownHandles: readonly string[] = []): { verified: boolean; journalist: boolean; own: boolean } {
  const handle = author.handle.replace(/^@/, '').toLowerCase();
  return {
    verified: author.verified === true,
    journalist: isJournalist(author.description),
    own: ownHandles.some((own) => own.replace(/^@/, '').toLowerCase() === handle),
  };
}

/** Stats for an author seen for the first time: only what the mention itself tells. */
export function statsFromAuthor(author: AuthorInput): AuthorStats {
  return {
    followers: author.followers,
    posts: 0,
    engagementEarned: 0,
    amplifications: 0,
    graphRank: 0,
    verified: author.verified,
    journalist: isJournalist(author.description),
  };
}

export function mentionInfluence(mention: MentionInput, author: AuthorStats = statsFromAuthor(mention.author)): { influence: number; reach: number } {
  const { likes, reshares, replies, quotes, views } = mention.engagement;
  const earned = logScale(likes + 2 * (reshares + quotes) + 1.5 * replies, MAX_ENGAGEMENT_PER_POST);
  const influence = Math.min(100, AUTHOR_SHARE * authorInfluence(author) + EARNED_SHARE * earned);
  const estimated = author.followers * SEEN_SHARE + (reshares + quotes) * TYPICAL_RESHARER_AUDIENCE * SEEN_SHARE;
  const reach = views !== undefined && views > 0 ? views : estimated;
  return { influence: Math.round(influence * 10) / 10, reach: Math.round(reach) };
}
