// X API v2 tweets as mentions: the schemas of a search page and the rules that turn a tweet into a MentionInput.
import { z } from 'zod';
import type { MentionInput } from '../domain/mention.js';

/** Twitter's epoch in a snowflake id: (id >> 22) + this is the creation time in ms. */
const TWITTER_EPOCH_MS = 1288834974657n;

const urlEntity = z.object({
  url: z.string(),
  expanded_url: z.string().optional(),
  unwound_url: z.string().optional(),
  display_url: z.string().optional(),
}).passthrough();
const entitiesSchema = z.object({ urls: z.array(urlEntity).optional() }).passthrough();

const metricsSchema = z.object({
  retweet_count: z.number().int().min(0).default(0),
  reply_count: z.number().int().min(0).default(0),
  like_count: z.number().int().min(0).default(0),
  quote_count: z.number().int().min(0).default(0),
  impression_count: z.number().int().min(0).optional(),
});

/**
 * A tweet as search returns it. Only `id` and `text` are always there: X leaves out what was not requested or is not
 * available (public_metrics, author_id, even created_at), and such a tweet is still worth storing.
 */
export const tweetSchema = z.object({
  id: z.string().regex(/^\d+$/),
  text: z.string(),
  author_id: z.string().regex(/^\d+$/).optional(),
  created_at: z.iso.datetime({ offset: true }).optional(),
  lang: z.string().optional(),
  public_metrics: metricsSchema.optional(),
  referenced_tweets: z.array(z.object({ type: z.string(), id: z.string() })).optional(),
  entities: entitiesSchema.optional(),
  /** Posts longer than 280 characters: `text` is cut, the whole post is here. */
  note_tweet: z.object({ text: z.string(), entities: entitiesSchema.optional() }).passthrough().optional(),
}).passthrough();
export type Tweet = z.infer<typeof tweetSchema>;

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string().optional(),
  verified: z.boolean().optional(),
  description: z.string().optional(),
  public_metrics: z.object({ followers_count: z.number().int().min(0), following_count: z.number().int().min(0) }).partial().optional(),
});
export type XUser = z.infer<typeof userSchema>;

export const pageSchema = z.object({
  data: z.array(z.unknown()).optional(),
  includes: z.object({ users: z.array(z.unknown()).optional(), tweets: z.array(z.unknown()).optional() }).passthrough().optional(),
  meta: z.object({ result_count: z.number().optional(), next_token: z.string().optional() }).passthrough(),
});

/** What a page's `includes` say about the tweets on it. */
export interface Includes {
  users: Map<string, XUser>;
  tweets: Map<string, Tweet>;
}

export function includesOf(page: z.infer<typeof pageSchema>): Includes {
  const users = new Map<string, XUser>();
  for (const raw of page.includes?.users ?? []) {
    const user = userSchema.safeParse(raw);
    if (user.success) users.set(user.data.id, user.data);
  }
  const tweets = new Map<string, Tweet>();
  for (const raw of page.includes?.tweets ?? []) {
    const tweet = tweetSchema.safeParse(raw);
    if (tweet.success) tweets.set(tweet.data.id, tweet.data);
  }
  return { users, tweets };
}

/** When a tweet was created, from its snowflake id (for tweets whose created_at was left out). */
export function snowflakeTime(id: string): string {
  return new Date(Number((BigInt(id) >> 22n) + TWITTER_EPOCH_MS)).toISOString();
}

/** X escapes exactly these three in `text`; one pass, so "&amp;lt;" (a typed "&lt;") stays "&lt;". */
export function decodeXText(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'));
}

/** The full text of a tweet (note_tweet for long posts), decoded, its t.co links replaced by where they lead, and those links. */
function fullText(tweet: Tweet): { text: string; links: string[] } {
  const source = tweet.note_tweet ?? tweet;
  let text = decodeXText(source.text);
  const links: string[] = [];
  for (const entity of source.entities?.urls ?? tweet.entities?.urls ?? []) {
    const target = entity.unwound_url ?? entity.expanded_url;
    if (!target) continue;
    links.push(target);
    text = text.split(entity.url).join(target);
  }
  return { text, links };
}

/** The tweet as a mention; `includes` give the author and, for a retweet, the whole retweeted post. */
export function tweetToMention(tweet: Tweet, includes: Includes): MentionInput {
  const user = tweet.author_id !== undefined ? includes.users.get(tweet.author_id) : undefined;
  const referenced = (type: string) => tweet.referenced_tweets?.find((ref) => ref.type === type)?.id;
  const reshareOf = referenced('retweeted');
  const original = reshareOf !== undefined ? includes.tweets.get(reshareOf) : undefined;
  let { text, links } = fullText(tweet);
  if (original) {
    // A retweet's own text is "RT @name: " and the original cut at 140 characters; the original is whole in includes.
    const whole = fullText(original);
    text = `${/^RT @\w+: /.exec(text)?.[0] ?? ''}${whole.text}`;
    links = whole.links;
  }
  const handle = user?.username ?? tweet.author_id ?? 'unknown';
  const metrics = tweet.public_metrics;
  const mention: MentionInput = {
    platform: 'x',
    externalId: tweet.id,
    // Without the author's handle, X's own redirect still leads to the post.
    url: user ? `https://x.com/${user.username}/status/${tweet.id}` : `https://x.com/i/web/status/${tweet.id}`,
    text,
    publishedAt: tweet.created_at !== undefined ? new Date(tweet.created_at).toISOString() : snowflakeTime(tweet.id),
    author: {
      platform: 'x',
      externalId: tweet.author_id ?? `unknown:${tweet.id}`,
      handle,
      followers: user?.public_metrics?.followers_count ?? 0,
      ...(user?.name !== undefined && { displayName: user.name }),
      ...(user?.public_metrics?.following_count !== undefined && { following: user.public_metrics.following_count }),
      ...(user?.verified !== undefined && { verified: user.verified }),
      ...(user?.description !== undefined && { description: user.description }),
    },
    // Unknown engagement (public_metrics not returned) counts as none rather than costing the post.
    engagement: {
      likes: metrics?.like_count ?? 0,
      reshares: metrics?.retweet_count ?? 0,
      replies: metrics?.reply_count ?? 0,
      quotes: metrics?.quote_count ?? 0,
      ...(metrics?.impression_count !== undefined && { views: metrics.impression_count }),
    },
  };
  if (links.length > 0) mention.links = [...new Set(links)];
  // X tags undetectable text "und" and media-only posts "zxx": no hint is better than a wrong one.
  if (tweet.lang && tweet.lang !== 'und' && tweet.lang !== 'zxx') mention.langHint = tweet.lang;
  const replyTo = referenced('replied_to');
  if (replyTo) mention.replyTo = replyTo;
  if (reshareOf) {
    // A retweet of a quote lists the quoted post too: it is one reshare, not also a quote.
    mention.reshareOf = reshareOf;
  } else {
    const quoteOf = referenced('quoted');
    if (quoteOf) mention.quoteOf = quoteOf;
  }
  return mention;
}
