// Reddit connector: post search and subreddit comments, app-only OAuth when configured (public JSON otherwise), `after` cursor.
import { z } from 'zod';
import { boundedString } from './bounded-string.js';
import type { MentionInput } from '../domain/mention.js';
import { termPattern } from '../domain/entity-matcher.js';
import type { Source } from './source.js';
import type { SourceContext, SourceFactory } from './source-factory.js';
import { tokenCache, type TokenCache } from './http/access-token.js';
import { baseUrlField, commonSourceFields, intervalForWindow, retryPolicyOf } from './http/common-config.js';
import { requireSecret } from './http/credentials.js';
import { platformHttp } from './http/http-client.js';
import { convertItems, describeZodError, malformedPage, parseJson, type Collected } from './http/item-validation.js';
import { redditRateLimit } from './http/rate-limit-headers.js';
import { timeKey } from './http/stream-cursor.js';
import { stripTrackingParams } from './http/tracking-params.js';
import { sweepStreams, type PageOutcome, type PageQuery, type Stream } from './http/sweep.js';

/** Reddit's free API tier: 100 queries per minute per OAuth client; logged-out JSON gets about 10. */
const OAUTH_PER_MINUTE = 100;
const PUBLIC_PER_MINUTE = 10;
const MIN_INTERVAL_MS = 60_000;
/** What reddit.com links look like, whatever base URL the API was read from. */
const WEB_ORIGIN = 'https://www.reddit.com';

const subredditName = z.string().regex(/^[A-Za-z0-9_]{2,21}$/, 'a subreddit name without r/');

export const redditConfigSchema = z.object({
  ...commonSourceFields,
  type: z.literal('reddit'),
  /** Reddit search syntax, e.g. `"acme bank" OR acmebank`. */
  query: z.string().min(1).max(512),
  /** Restrict the post search to these subreddits; all of Reddit when empty. */
  subreddits: z.array(subredditName).default([]),
  /**
   * Reddit's API has no comment search: the newest comments of these subreddits are read and kept
   * when they name one of `commentTerms`.
   */
  commentSubreddits: z.array(subredditName).default([]),
  /** Words a comment must contain (whole word, any case) to be kept. */
  commentTerms: z.array(z.string().min(1)).default([]),
  /**
   * Posts (base-36 ids, as in /comments/<id>/) whose comment threads are watched in full, e.g. a viral complaint:
   * every new comment is kept, whether it names a term or not.
   */
  threads: z.array(z.string().regex(/^[0-9a-z]{3,13}$/, 'a post id like "1jvq0b2"')).default([]),
  /** Env var name or `${ENV}` string of a "script" or "web" app's client id; with the secret, OAuth is used. */
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
  /** Reddit blocks generic user agents; its rules ask for `<platform>:<app id>:<version> (by /u/<name>)`. */
  userAgent: z.string().min(1).default('server:vigie:0.1 (by /u/vigie-monitor)'),
  /** Public JSON listings and the token endpoint. */
  baseUrl: baseUrlField('https://www.reddit.com'),
  /** Where OAuth-authenticated calls go. */
  oauthBaseUrl: baseUrlField('https://oauth.reddit.com'),
  pageSize: z.number().int().min(1).max(100).default(100),
}).strict()
  .refine((c) => (c.clientId === undefined) === (c.clientSecret === undefined), { message: 'give both clientId and clientSecret, or neither' })
  .refine((c) => c.commentSubreddits.length === 0 || c.commentTerms.length > 0, { message: 'commentSubreddits needs commentTerms' });
export type RedditSourceConfig = z.infer<typeof redditConfigSchema>;

const commonThing = {
  id: z.string().regex(/^[0-9a-z]+$/),
  author: boundedString(1),
  author_fullname: z.string().optional(),
  created_utc: z.number().positive(),
  permalink: z.string().startsWith('/'),
  score: z.number().int(),
  subreddit: z.string(),
};

const postSchema = z.object({
  kind: z.literal('t3'),
  data: z.object({
    ...commonThing,
    name: z.string().startsWith('t3_'),
    title: z.string(),
    /** A link post's destination (a self post's own permalink otherwise). */
    url: z.string().optional(),
    is_self: z.boolean().optional(),
    selftext: z.string().default(''),
    num_comments: z.number().int().min(0),
    num_crossposts: z.number().int().min(0).default(0),
    crosspost_parent: z.string().startsWith('t3_').optional(),
  }),
});

const commentSchema = z.object({
  kind: z.literal('t1'),
  data: z.object({
    ...commonThing,
    name: z.string().startsWith('t1_'),
    body: z.string(),
    parent_id: z.string().regex(/^t[13]_[0-9a-z]+$/),
  }),
});

const thingSchema = z.discriminatedUnion('kind', [postSchema, commentSchema]);
type Thing = z.infer<typeof thingSchema>;

const listingSchema = z.object({
  kind: z.literal('Listing'),
  data: z.object({ after: z.string().nullish(), children: z.array(z.unknown()) }),
});
type Listing = z.infer<typeof listingSchema>;

/** A comment page (`/comments/<post>`) is `[post listing, comment listing]`; search and subreddit listings are one Listing. */
const answerSchema = z.union([listingSchema, z.array(listingSchema).min(1)]);

/**
 * Every thing of the listings, comments' nested `replies` listings included, without the `more` stubs (placeholders
 * for comments not sent: not items, nothing to quarantine).
 */
function thingsOf(listings: readonly Listing[]): unknown[] {
  const out: unknown[] = [];
  const visit = (children: readonly unknown[]) => {
    for (const child of children) {
      const kind = (child as { kind?: unknown } | null)?.kind;
      if (kind === 'more') continue;
      out.push(child);
      const replies = listingSchema.safeParse((child as { data?: { replies?: unknown } } | null)?.data?.replies);
      if (replies.success) visit(replies.data.data.children);
    }
  };
  for (const listing of listings) visit(listing.data.children);
  return out;
}

const tokenSchema = z.object({ access_token: boundedString(1), expires_in: z.number().positive() });

/** A thing as a mention; its fullname (t3_… / t1_…) is the id, so posts and comments never collide. */
function toMention(thing: Thing): MentionInput {
  const d = thing.data;
  const deleted = d.author === '[deleted]';
  const mention: MentionInput = {
    platform: 'reddit',
    externalId: d.name,
    url: stripTrackingParams(`${WEB_ORIGIN}${d.permalink}`),
    text: thing.kind === 't3' ? [thing.data.title, thing.data.selftext].filter((part) => part.trim() !== '').join('\n\n') : thing.data.body,
    publishedAt: new Date(d.created_utc * 1000).toISOString(),
    // Listings carry no follower counts (a profile lookup per author would cost a request each).
    author: { platform: 'reddit', externalId: d.author_fullname ?? (deleted ? '[deleted]' : d.author), handle: d.author, followers: 0 },
    engagement: {
      likes: d.score,
      reshares: thing.kind === 't3' ? thing.data.num_crossposts : 0,
      replies: thing.kind === 't3' ? thing.data.num_comments : 0,
      quotes: 0,
    },
  };
  if (thing.kind === 't1') mention.replyTo = thing.data.parent_id;
  if (thing.kind === 't3' && thing.data.crosspost_parent) mention.reshareOf = thing.data.crosspost_parent;
  if (thing.kind === 't3' && thing.data.is_self === false && thing.data.url && /^https?:\/\//.test(thing.data.url)) mention.links = [stripTrackingParams(thing.data.url)];
  return mention;
}

function createRedditSource(config: RedditSourceConfig, ctx: SourceContext): Source {
  const http = platformHttp(ctx, retryPolicyOf(config), redditRateLimit);
  const where = { platform: 'reddit', sourceId: config.id };
  const oauth = config.clientId !== undefined;
  const commentFilter = termPattern(config.commentTerms);

  const token: TokenCache = tokenCache(ctx.now, async (signal) => {
    const id = requireSecret(config.clientId, ctx.env, 'Reddit client id');
    const secret = requireSecret(config.clientSecret, ctx.env, 'Reddit client secret');
    const res = await http.request({
      url: `${config.baseUrl}/api/v1/access_token`,
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': config.userAgent,
      },
      body: 'grant_type=client_credentials',
    }, signal);
    const json = parseJson(res.text);
    const grant = json.ok ? tokenSchema.safeParse(json.value) : null;
    // Reddit answers a refused grant with 200 and {"error": "..."}: never echo the body, it may hold the id.
    if (!grant?.success) throw new Error('Reddit refused the client credentials (no access_token in the answer)');
    return { token: grant.data.access_token, expiresAt: ctx.now() + grant.data.expires_in * 1000 };
  });

  /** GET a listing path (`/search`, `/r/a+b/comments`) on the OAuth host or as public JSON. */
  async function get(path: string, params: URLSearchParams, signal?: AbortSignal) {
    params.set('raw_json', '1'); // otherwise text comes HTML-escaped (&amp;)
    if (!oauth) return http.request({ url: `${config.baseUrl}${path}.json?${params}`, headers: { 'user-agent': config.userAgent } }, signal);
    return token.withToken((bearer) => http.request({
      url: `${config.oauthBaseUrl}${path}?${params}`,
      headers: { authorization: `bearer ${bearer}`, 'user-agent': config.userAgent },
    }, signal), signal);
  }

  async function readListing(path: string, params: URLSearchParams, keep: (thing: Thing) => boolean, signal?: AbortSignal): Promise<PageOutcome> {
    const res = await get(path, params, signal);
    const json = parseJson(res.text);
    if (!json.ok) return malformedPage(where, res.text, json.error, res.rateLimit);
    const answer = answerSchema.safeParse(json.value);
    if (!answer.success) return malformedPage(where, json.value, describeZodError(answer.error), res.rateLimit);
    const listings = Array.isArray(answer.data) ? answer.data : [answer.data];
    // A comment page's `after` belongs to its comment listing, the last one.
    const after = listings.at(-1)!.data.after ?? null;
    const children = thingsOf(listings);
    const { items, quarantined } = convertItems(children, thingSchema, (thing): Collected => ({
      key: timeKey(thing.data.created_utc * 1000),
      id: thing.data.name,
      mention: keep(thing) ? toMention(thing) : null,
    }), where);
    return { kind: 'page', items, quarantined, rawCount: children.length, rateLimit: res.rateLimit, ...(after !== null && { nextPageToken: after }) };
  }

  /**
   * A newest-first listing paged with `after`. A cut-short sweep resumes after the oldest thing it
   * collected; if that thing has left the listing (removed), Reddit returns nothing after it, so
   * the listing is read again from the top rather than the rest taken as empty.
   */
  function listingStream(key: string, path: string, baseParams: Record<string, string>, keep: (thing: Thing) => boolean): Stream {
    return {
      key,
      async fetchPage(page: PageQuery, signal) {
        const params = () => new URLSearchParams({ ...baseParams, limit: String(config.pageSize) });
        const after = page.pageToken ?? page.below?.ids[0];
        if (after === undefined) return readListing(path, params(), keep, signal);
        const withAfter = params();
        withAfter.set('after', after);
        const outcome = await readListing(path, withAfter, keep, signal);
        if (page.pageToken === undefined && outcome.kind === 'page' && outcome.rawCount === 0) return readListing(path, params(), keep, signal);
        return outcome;
      },
    };
  }

  const searchPath = config.subreddits.length > 0 ? `/r/${config.subreddits.join('+')}/search` : '/search';
  const streams: Stream[] = [
    listingStream(`search ${config.subreddits.join('+')}?${config.query}`, searchPath, {
      q: config.query, sort: 'new', type: 'link', ...(config.subreddits.length > 0 && { restrict_sr: '1' }),
    }, () => true),
  ];
  if (config.commentSubreddits.length > 0) {
    const subs = config.commentSubreddits.join('+');
    streams.push(listingStream(`comments ${subs}`, `/r/${subs}/comments`, {}, (thing) => thing.kind === 't1' && commentFilter !== null && commentFilter.test(thing.data.body)));
  }

  for (const post of config.threads) {
    // One page, newest first; `more` stubs are not followed (the next poll sees new comments at the top).
    streams.push({
      key: `thread ${post}`,
      fetchPage: async (_page, signal) => {
        const outcome = await readListing(`/comments/${post}`, new URLSearchParams({ sort: 'new', limit: String(config.pageSize) }), (thing) => thing.kind === 't1', signal);
        return outcome.kind === 'page' ? { ...outcome, nextPageToken: undefined } : outcome;
      },
    });
  }

  return {
    id: config.id,
    platform: 'reddit',
    fetch: (cursor, signal) => sweepStreams(streams, cursor, ctx, config, signal),
    async check() {
      try {
        const res = await get(searchPath, new URLSearchParams({ q: config.query, sort: 'new', limit: '1' }));
        const json = parseJson(res.text);
        if (!json.ok || !listingSchema.safeParse(json.value).success) throw new Error('the answer is not a Reddit listing');
      } catch (error) {
        throw new Error(`Reddit: ${(error as Error).message}`);
      }
      return oauth
        ? `Reddit: app-only OAuth token accepted, search answered by ${config.oauthBaseUrl}`
        : `Reddit: public search reachable at ${config.baseUrl} (no credentials: about ${PUBLIC_PER_MINUTE} requests a minute)`;
    },
  };
}

export const redditSourceFactory: SourceFactory<RedditSourceConfig> = {
  type: 'reddit',
  platform: 'reddit',
  configSchema: redditConfigSchema,
  create: createRedditSource,
  pollIntervalMs(config, info) {
    const perMinute = config.clientId !== undefined ? OAUTH_PER_MINUTE : PUBLIC_PER_MINUTE;
    const requestsPerRun = 1 + (config.commentSubreddits.length > 0 ? 1 : 0) + config.threads.length;
    return Math.max(MIN_INTERVAL_MS, intervalForWindow(60_000, perMinute, info.queriesOfThisType, requestsPerRun));
  },
};
