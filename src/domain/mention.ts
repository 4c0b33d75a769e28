// The normalised shapes every stage shares: what a source produces and what scoring adds.

/** Platforms Vigie can read. `file` and `replay` are local sources (import, demo scenario). */
export const PLATFORMS = ['x', 'reddit', 'mastodon', 'bluesky', 'youtube', 'rss', 'hackernews', 'file', 'replay'] as const;
export type Platform = (typeof PLATFORMS)[number] | (string & {});

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface EngagementCounts {
  likes: number;
  reshares: number;
  replies: number;
  quotes: number;
  /** Impressions / views when the platform gives them. */
  views?: number;
}

/** An author as a source sees them. Unique on (platform, externalId). */
export interface AuthorInput {
  platform: Platform;
  externalId: string;
  handle: string;
  displayName?: string;
  followers: number;
  following?: number;
  verified?: boolean;
  /** Free-form bio / description, used to recognise journalists. */
  description?: string;
}

/** A mention as a source produces it, before scoring. Unique on (platform, externalId). */
export interface MentionInput {
  platform: Platform;
  externalId: string;
  url?: string;
  text: string;
  /** Language the platform claims (BCP-47 or ISO 639-1), if any. */
  langHint?: string;
  /** ISO-8601 UTC. */
  publishedAt: string;
  author: AuthorInput;
  /** External id (same platform) of the post this one replies to / quotes / reshares. */
  replyTo?: string;
  quoteOf?: string;
  reshareOf?: string;
  engagement: EngagementCounts;
  /**
   * Where the post's links lead (t.co expanded, a story's external URL...): an entity may match on their domains.
   * Used for matching at collection, not stored.
   */
  links?: string[];
}

export interface SentimentResult {
  label: SentimentLabel;
  /** Signed strength, roughly -1..1 (comparative). */
  score: number;
  /** 0..1: how sure the scorer is of the label. */
  confidence: number;
  /** The words or rules that drove the score, e.g. ["refund(-2)", "not good(negated)"]. */
  drivers: string[];
}

/** What the scoring stage adds to a mention. */
export interface MentionScores {
  lang: string; // 'en' | 'fr' | other ISO code | 'und'
  sentiment: SentimentResult;
  /** 0-100 influence of this mention (author power x engagement earned). */
  influence: number;
  /** Expected number of people reached. */
  reach: number;
  riskFlags: string[];
}

export type ScoredMention = MentionInput & MentionScores & { entityIds: string[] };
