// Bluesky connector: app.bsky.feed.searchPosts (sort=latest) with an app-password session when configured, since/until and cursor.
import { z } from 'zod';
import { boundedString } from './bounded-string.js';
import type { MentionInput } from '../domain/mention.js';
import type { Source } from './source.js';
import type { SourceContext, SourceFactory } from './source-factory.js';
import { jwtExpiry, tokenCache } from './http/access-token.js';
import { baseUrlField, commonSourceFields, intervalForWindow, retryPolicyOf } from './http/common-config.js';
import { requireSecret } from './http/credentials.js';
import { HttpStatusError } from './http/http-errors.js';
import { platformHttp, type HttpResponse } from './http/http-client.js';
import { platformMessage } from './http/platform-message.js';
import { convertItems, describeZodError, malformedPage, parseJson, type Collected } from './http/item-validation.js';
import { epochSecondsRateLimit } from './http/rate-limit-headers.js';
import { timeKey } from './http/stream-cursor.js';
import { oneLineError, statusOf } from './http/stream-failure.js';
import { sweepStreams, type PageOutcome, type PageQuery } from './http/sweep.js';

/** The AppView allows 3000 requests per 5 minutes per IP (the same through a PDS). */
const WINDOW_MS = 5 * 60 * 1000;
const WINDOW_LIMIT = 3000;
const MIN_INTERVAL_MS = 60_000;
/** app.bsky.actor.getProfiles takes at most 25 actors. */
const PROFILES_PER_CALL = 25;
/** Access tokens live about two hours; used when the token's own expiry cannot be read. */
const SESSION_FALLBACK_MS = 90 * 60 * 1000;

export const blueskyConfigSchema = z.object({
  ...commonSourceFields,
  type: z.literal('bluesky'),
  /** Search query (Lucene-like: phrases in quotes, `-word` to exclude). */
  query: z.string().min(1).max(512),
  /** Only posts in this language (the `lang` filter of searchPosts). */
  lang: z.string().min(2).optional(),
  /** Handle or DID of the account whose app password is used. */
  identifier: z.string().min(1).optional(),
  /** Env var name or `${ENV}` string of an app password (Settings → App passwords). */
  appPassword: z.string().optional(),
  /** The account's PDS: where the session is made and authenticated calls go. */
  serviceUrl: baseUrlField('https://bsky.social'),
  /** The public AppView, used without credentials (it may refuse search to anonymous callers). */
  publicUrl: baseUrlField('https://public.api.bsky.app'),
  pageSize: z.number().int().min(1).max(100).default(100),
  /** Look up the authors' follower counts with app.bsky.actor.getProfiles (one call per 25 authors). */
  authorFollowers: z.boolean().default(true),
}).strict().refine((c) => (c.identifier === undefined) === (c.appPassword === undefined), { message: 'give both identifier and appPassword, or neither' });
export type BlueskySourceConfig = z.infer<typeof blueskyConfigSchema>;

const strongRef = z.object({ uri: z.string(), cid: z.string().optional() });

const postViewSchema = z.object({
  uri: z.string().regex(/^at:\/\/[^/]+\/app\.bsky\.feed\.post\/[^/]+$/),
  author: z.object({ did: z.string().startsWith('did:'), handle: boundedString(1), displayName: z.string().optional() }),
  record: z.object({
    text: z.string(),
    createdAt: z.string().refine((t) => !Number.isNaN(Date.parse(t)), 'an ISO-8601 datetime'),
    langs: z.array(z.string()).optional(),
    reply: z.object({ parent: strongRef, root: strongRef }).optional(),
    embed: z.object({
      $type: z.string(),
      record: z.union([strongRef, z.object({ record: strongRef })]).optional(),
    }).passthrough().optional(),
  }).passthrough(),
  indexedAt: z.string().refine((t) => !Number.isNaN(Date.parse(t)), 'an ISO-8601 datetime'),
  replyCount: z.number().int().min(0).default(0),
  repostCount: z.number().int().min(0).default(0),
  likeCount: z.number().int().min(0).default(0),
  quoteCount: z.number().int().min(0).default(0),
});
type PostView = z.infer<typeof postViewSchema>;

const searchSchema = z.object({ posts: z.array(z.unknown()), cursor: z.string().optional() });
const profilesSchema = z.object({ profiles: z.array(z.object({ did: z.string(), followersCount: z.number().int().min(0).optional(), followsCount: z.number().int().min(0).optional(), description: z.string().optional() })) });
type Profile = z.infer<typeof profilesSchema>['profiles'][number];
const sessionSchema = z.object({ accessJwt: boundedString(1), refreshJwt: boundedString(1) });

/**
 * The time searchPosts sorts and filters by ("sortAt"): the earlier of the post's own createdAt and
 * when the AppView indexed it, so a client with its clock ahead cannot date a post in the future.
 */
function sortAt(post: PostView): number {
  return Math.min(Date.parse(post.record.createdAt), Date.parse(post.indexedAt));
}

/** The quoted post of a record embed (plain or with media); lists and feeds can be quoted too, they are not posts. */
function quotedPost(post: PostView): string | undefined {
  const embedded = post.record.embed?.record;
  const uri = embedded === undefined ? undefined : 'record' in embedded ? embedded.record.uri : embedded.uri;
  return uri && /\/app\.bsky\.feed\.post\//.test(uri) ? uri : undefined;
}

/** Where a post links to: its link facets (the text shows them shortened) and an external embed (a link card). */
function linksOf(record: Record<string, unknown>): string[] {
  const links = new Set<string>();
  const facets = Array.isArray(record.facets) ? record.facets : [];
  for (const facet of facets as Array<{ features?: unknown }>) {
    for (const feature of Array.isArray(facet?.features) ? (facet.features as Array<Record<string, unknown>>) : []) {
      if (feature?.$type === 'app.bsky.richtext.facet#link' && typeof feature.uri === 'string') links.add(feature.uri);
    }
  }
  const external = (record.embed as { external?: { uri?: unknown } } | undefined)?.external?.uri;
  if (typeof external === 'string') links.add(external);
  return [...links];
}

function toMention(post: PostView, profiles: Map<string, Profile>): MentionInput {
  const profile = profiles.get(post.author.did);
  const mention: MentionInput = {
    platform: 'bluesky',
    externalId: post.uri,
    url: `https://bsky.app/profile/${post.author.handle}/post/${post.uri.split('/').at(-1)}`,
    text: post.record.text,
    publishedAt: new Date(sortAt(post)).toISOString(),
    author: {
      platform: 'bluesky',
      externalId: post.author.did,
      handle: post.author.handle,
      followers: profile?.followersCount ?? 0,
      ...(post.author.displayName && { displayName: post.author.displayName }),
      ...(profile?.followsCount !== undefined && { following: profile.followsCount }),
      ...(profile?.description && { description: profile.description }),
    },
    engagement: { likes: post.likeCount, reshares: post.repostCount, replies: post.replyCount, quotes: post.quoteCount },
  };
  if (post.record.langs?.[0]) mention.langHint = post.record.langs[0];
  if (post.record.reply) mention.replyTo = post.record.reply.parent.uri;
  const quoted = quotedPost(post);
  if (quoted) mention.quoteOf = quoted;
  const links = linksOf(post.record);
  if (links.length > 0) mention.links = links;
  return mention;
}

const ANONYMOUS_PAGING_HINT = 'Bluesky public search refuses paging without an app password: only the first page of each poll is read; configure identifier and appPassword to read every page';

const isRefusal = (error: unknown): error is HttpStatusError => error instanceof HttpStatusError && (error.status === 401 || error.status === 403);

/** An expired access token comes back as 400 ExpiredToken, a revoked one as 401. */
function isRefusedToken(error: unknown): boolean {
  if (!(error instanceof HttpStatusError)) return false;
  return error.status === 401 || (error.status === 400 && /"error"\s*:\s*"(ExpiredToken|InvalidToken)"/.test(error.body ?? ''));
}

function createBlueskySource(config: BlueskySourceConfig, ctx: SourceContext): Source {
  const http = platformHttp(ctx, retryPolicyOf(config), epochSecondsRateLimit('ratelimit'));
  const where = { platform: 'bluesky', sourceId: config.id };
  const authenticated = config.identifier !== undefined;
  const xrpc = `${authenticated ? config.serviceUrl : config.publicUrl}/xrpc`;
  let refreshJwt: string | undefined;
  let warnedAboutPaging = false;

  async function openSession(method: 'createSession' | 'refreshSession', signal?: AbortSignal) {
    const res = await http.request(method === 'createSession'
      ? {
          url: `${config.serviceUrl}/xrpc/com.atproto.server.createSession`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ identifier: config.identifier, password: requireSecret(config.appPassword, ctx.env, 'Bluesky app password') }),
        }
      : { url: `${config.serviceUrl}/xrpc/com.atproto.server.refreshSession`, method: 'POST', headers: { authorization: `Bearer ${refreshJwt}` } }, signal);
    const json = parseJson(res.text);
    const session = json.ok ? sessionSchema.safeParse(json.value) : null;
    if (!session?.success) throw new Error(`Bluesky ${method} answered without tokens`);
    refreshJwt = session.data.refreshJwt;
    return { token: session.data.accessJwt, expiresAt: jwtExpiry(session.data.accessJwt) ?? ctx.now() + SESSION_FALLBACK_MS };
  }

  // createSession is limited to 30 per 5 minutes per account: refresh the session rather than open new ones.
  const session = tokenCache(ctx.now, async (signal) => {
    if (refreshJwt !== undefined) {
      try {
        return await openSession('refreshSession', signal);
      } catch (error) {
        if (!(error instanceof HttpStatusError)) throw error;
        refreshJwt = undefined;
      }
    }
    return openSession('createSession', signal);
  }, isRefusedToken);

  function get(method: string, params: URLSearchParams, signal?: AbortSignal): Promise<HttpResponse> {
    const url = `${xrpc}/${method}?${params}`;
    if (!authenticated) return http.request({ url }, signal);
    return session.withToken((token) => http.request({ url, headers: { authorization: `Bearer ${token}` } }, signal), signal);
  }

  /** Follower counts of the page's authors; a refusal costs the counts, never the page. */
  async function profilesOf(posts: unknown[], signal?: AbortSignal): Promise<Map<string, Profile>> {
    const profiles = new Map<string, Profile>();
    if (!config.authorFollowers) return profiles;
    const dids = [...new Set(posts.map((p) => postViewSchema.safeParse(p)).filter((p) => p.success).map((p) => p.data.author.did))];
    for (let i = 0; i < dids.length; i += PROFILES_PER_CALL) {
      const params = new URLSearchParams(dids.slice(i, i + PROFILES_PER_CALL).map((did) => ['actors', did]));
      try {
        const json = parseJson((await get('app.bsky.actor.getProfiles', params, signal)).text);
        const parsed = json.ok ? profilesSchema.safeParse(json.value) : null;
        for (const profile of parsed?.success ? parsed.data.profiles : []) profiles.set(profile.did, profile);
      } catch (error) {
        // A refusal, a 5xx that outlasted the retries or a rate limit: the page is worth more than its counts.
        if (signal?.aborted) throw error;
        ctx.logger.warn({ status: statusOf(error), err: oneLineError(error) }, 'Bluesky getProfiles failed: follower counts left at 0');
      }
    }
    return profiles;
  }

  async function fetchPage(page: PageQuery, signal?: AbortSignal): Promise<PageOutcome> {
    const params = new URLSearchParams({ q: config.query, sort: 'latest', limit: String(config.pageSize) });
    if (config.lang) params.set('lang', config.lang);
    // since is inclusive and until exclusive: posts sharing the marks' millisecond are told apart by uri in the sweep.
    if (page.floor) params.set('since', page.floor.key);
    if (page.below) params.set('until', new Date(Date.parse(page.below.key) + 1).toISOString());
    if (page.pageToken) params.set('cursor', page.pageToken);
    let res: HttpResponse;
    try {
      res = await get('app.bsky.feed.searchPosts', params, signal);
    } catch (error) {
      if (!(page.pageToken !== undefined && !authenticated && isRefusal(error))) throw error;
      // The public AppView refuses `cursor` paging to anonymous callers (an HTML 403, bluesky-social/atproto#2838):
      // keep what page 1 gave and end the sweep there, rather than lose it and ask again forever.
      if (!warnedAboutPaging) {
        warnedAboutPaging = true;
        ctx.logger.warn({ sourceId: config.id, status: (error as HttpStatusError).status }, ANONYMOUS_PAGING_HINT);
      }
      return { kind: 'page', items: [], quarantined: [], rawCount: 0 };
    }
    const json = parseJson(res.text);
    if (!json.ok) return malformedPage(where, res.text, json.error, res.rateLimit);
    const envelope = searchSchema.safeParse(json.value);
    if (!envelope.success) return malformedPage(where, json.value, describeZodError(envelope.error), res.rateLimit);
    const profiles = await profilesOf(envelope.data.posts, signal);
    const { items, quarantined } = convertItems(envelope.data.posts, postViewSchema, (post): Collected => ({
      key: timeKey(sortAt(post)), id: post.uri, mention: toMention(post, profiles),
    }), where);
    return {
      kind: 'page', items, quarantined, rawCount: envelope.data.posts.length, rateLimit: res.rateLimit,
      ...(envelope.data.cursor !== undefined && { nextPageToken: envelope.data.cursor }),
    };
  }

  return {
    id: config.id,
    platform: 'bluesky',
    fetch: (cursor, signal) => sweepStreams([{ key: `${config.lang ?? '*'} ${config.query}`, fetchPage }], cursor, ctx, config, signal),
    async check() {
      /** Whether the AppView lets an anonymous caller read a second page; it has refused since 2024 (atproto#2838). */
      const anonymousPaging = async (): Promise<string> => {
        try {
          const first = parseJson((await get('app.bsky.feed.searchPosts', new URLSearchParams({ q: config.query, limit: '1' }))).text);
          const cursor = first.ok ? searchSchema.safeParse(first.value) : null;
          if (!cursor?.success || cursor.data.cursor === undefined) return 'one page of results, no paging needed now';
          await get('app.bsky.feed.searchPosts', new URLSearchParams({ q: config.query, limit: '1', cursor: cursor.data.cursor }));
          return 'paging works';
        } catch (error) {
          if (!isRefusal(error)) throw error;
          return `paging refused (${platformMessage(error.body) || error.status}): only the first ${config.pageSize} posts of each poll are read; configure identifier and appPassword to read every page`;
        }
      };
      try {
        const json = parseJson((await get('app.bsky.feed.searchPosts', new URLSearchParams({ q: config.query, limit: '1' }))).text);
        if (!json.ok || !searchSchema.safeParse(json.value).success) throw new Error('the answer is not a searchPosts result');
      } catch (error) {
        const hint = !authenticated && error instanceof HttpStatusError && (error.status === 401 || error.status === 403)
          ? ' (the public AppView refuses anonymous search: configure identifier and appPassword)' : '';
        throw new Error(`Bluesky: ${(error as Error).message}${hint}`);
      }
      return authenticated
        ? `Bluesky: app password session for ${config.identifier} accepted by ${config.serviceUrl}`
        : `Bluesky: public search reachable at ${config.publicUrl} (no credentials: ${await anonymousPaging()})`;
    },
  };
}

export const blueskySourceFactory: SourceFactory<BlueskySourceConfig> = {
  type: 'bluesky',
  platform: 'bluesky',
  configSchema: blueskyConfigSchema,
  create: createBlueskySource,
  pollIntervalMs(config, info) {
    // A page of 100 posts has up to 100 authors: four getProfiles calls at worst.
    const requestsPerRun = 1 + (config.authorFollowers ? Math.ceil(config.pageSize / PROFILES_PER_CALL) : 0);
    return Math.max(MIN_INTERVAL_MS, intervalForWindow(WINDOW_MS, WINDOW_LIMIT, info.queriesOfThisType, requestsPerRun));
  },
};
