// Mastodon connector: hashtag timelines (public) and status search (token) on the configured instances, since_id cursor.
import { z } from 'zod';
import { boundedString } from './bounded-string.js';
import type { MentionInput } from '../domain/mention.js';
import type { Source } from './source.js';
import type { SourceContext, SourceFactory } from './source-factory.js';
import { commonSourceFields, intervalForWindow, retryPolicyOf } from './http/common-config.js';
import { resolveSecret } from './http/credentials.js';
import { htmlToText } from './http/html-text.js';
import { platformHttp, type PlatformHttp } from './http/http-client.js';
import { convertItems, describeZodError, malformedPage, parseJson, type Collected } from './http/item-validation.js';
import { mastodonRateLimit } from './http/rate-limit-headers.js';
import { numericKey } from './http/stream-cursor.js';
import { sweepStreams, type PageOutcome, type PageQuery, type Stream } from './http/sweep.js';

/** Mastodon's default API limit: 300 requests per 5 minutes per account or IP. */
const WINDOW_MS = 5 * 60 * 1000;
const WINDOW_LIMIT = 300;
const MIN_INTERVAL_MS = 60_000;

export const mastodonConfigSchema = z.object({
  ...commonSourceFields,
  type: z.literal('mastodon'),
  /** Instance base URLs, e.g. https://mastodon.social. */
  instances: z.array(z.string().url().transform((url) => url.replace(/\/+$/, ''))).min(1),
  /** Hashtags (without #) read from each instance's public tag timeline. */
  hashtags: z.array(z.string().regex(/^[\p{L}\p{N}_]+$/u)).default([]),
  /** Full-text status search; needs an access token and only finds posts that opted in. */
  query: z.string().min(1).optional(),
  /** Env var name or `${ENV}` string of an access token (optional for hashtags). */
  accessToken: z.string().optional(),
  /** The instance the access token belongs to (one of `instances`); the first one by default. No other host is sent it. */
  tokenInstance: z.string().url().transform((url) => url.replace(/\/+$/, '')).optional(),
  pageSize: z.number().int().min(1).max(40).default(40),
}).strict().refine((c) => c.hashtags.length > 0 || c.query !== undefined, { message: 'give hashtags or a query' })
  .refine((c) => c.tokenInstance === undefined || c.instances.includes(c.tokenInstance), { message: 'tokenInstance must be one of instances', path: ['tokenInstance'] });
export type MastodonSourceConfig = z.infer<typeof mastodonConfigSchema>;

const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  acct: z.string(),
  display_name: z.string().optional(),
  url: z.string().optional(),
  note: z.string().optional(),
  bot: z.boolean().optional(),
  followers_count: z.number().int().min(0),
  following_count: z.number().int().min(0).optional(),
});

const statusSchema = z.object({
  id: z.string().regex(/^\d+$/),
  uri: boundedString(1),
  url: z.string().nullish(),
  created_at: z.iso.datetime({ offset: true }),
  content: z.string(),
  spoiler_text: z.string().default(''),
  language: z.string().nullish(),
  in_reply_to_id: z.string().nullish(),
  in_reply_to_account_id: z.string().nullish(),
  mentions: z.array(z.object({ id: z.string(), username: z.string(), acct: z.string() })).default([]),
  replies_count: z.number().int().min(0),
  reblogs_count: z.number().int().min(0),
  favourites_count: z.number().int().min(0),
  reblog: z.object({ uri: z.string() }).nullish(),
  account: accountSchema,
  /** Mastodon 4.4+: how often the status was quoted, and the status it quotes (a Quote, or a ShallowQuote with an id only). */
  quotes_count: z.number().int().min(0).optional(),
  quote: z.object({
    state: z.string(),
    quoted_status: z.object({ uri: z.string() }).passthrough().nullish(),
    quoted_status_id: z.string().nullish(),
  }).passthrough().nullish(),
  card: z.object({ url: z.string() }).passthrough().nullish(),
});

type Status = z.infer<typeof statusSchema>;

/** What one page tells about its instance, to name the statuses its replies answer. */
interface ReplyContext {
  /** The instance the page was read from (its base URL). */
  instance: string;
  /** URI of each status on the page, by the instance's local id. */
  uriById: Map<string, string>;
  /**
   * Origin of the instance's own status URIs, once a local status on the page shows they follow
   * Mastodon's `<origin>/users/<username>/statuses/<id>` (GoToSocial does too; Pleroma does not).
   */
  localOrigin?: string;
}

const isLocal = (acct: string) => !acct.includes('@');

function replyContextOf(instance: string, raw: readonly unknown[]): ReplyContext {
  const context: ReplyContext = { instance, uriById: new Map() };
  for (const entry of raw) {
    const parsed = statusSchema.safeParse(entry);
    if (!parsed.success) continue;
    const status = parsed.data;
    context.uriById.set(status.id, status.uri);
    if (context.localOrigin === undefined && isLocal(status.account.acct)) {
      const origin = URL.canParse(status.uri) ? new URL(status.uri).origin : '';
      if (status.uri === `${origin}/users/${status.account.username}/statuses/${status.id}`) context.localOrigin = origin;
    }
  }
  return context;
}

/**
 * The URI of the status this one answers, when it can be known without a request. in_reply_to_id
 * is the instance's local id: a parent on the same page gives its URI; a parent written on this
 * instance has a URI made of its author's username and that same id. A remote parent off the page
 * is left unnamed: its URI holds its home server's id, which only a lookup would reveal.
 */
function parentUri(status: Status, context: ReplyContext): string | undefined {
  const parentId = status.in_reply_to_id;
  if (!parentId) return undefined;
  const onPage = context.uriById.get(parentId);
  if (onPage) return onPage;
  const parentAuthor = status.in_reply_to_account_id === status.account.id
    ? status.account
    : status.mentions.find((m) => m.id === status.in_reply_to_account_id);
  if (context.localOrigin !== undefined && parentAuthor && isLocal(parentAuthor.acct)) {
    return `${context.localOrigin}/users/${parentAuthor.username}/statuses/${parentId}`;
  }
  // A remote parent's URI holds its home server's id, which only a lookup would reveal. The reply is still a reply:
  // it is recorded with the address this instance serves the parent at.
  return `${context.instance}/api/v1/statuses/${parentId}`;
}

/** Where a status links to: its anchors that are not mentions or hashtags, and its preview card. */
function linksOf(status: Status): string[] {
  const links = new Set<string>();
  for (const anchor of status.content.matchAll(/<a\b([^>]*)>/gi)) {
    const attributes = anchor[1];
    if (/class="[^"]*\b(mention|hashtag|u-url)\b/i.test(attributes)) continue;
    const href = /\bhref="([^"]+)"/i.exec(attributes)?.[1];
    if (href && /^https?:\/\//i.test(href)) links.add(href.replace(/&amp;/g, '&'));
  }
  if (status.card?.url) links.add(status.card.url);
  return [...links];
}

function toMention(status: Status, instanceHost: string, context: ReplyContext): MentionInput {
  const content = htmlToText(status.content);
  const text = status.spoiler_text ? `${htmlToText(status.spoiler_text)}\n\n${content}` : content;
  // acct is bare for the instance's own users; qualify it so handles are unique across instances.
  const handle = status.account.acct.includes('@') ? status.account.acct : `${status.account.acct}@${instanceHost}`;
  const mention: MentionInput = {
    platform: 'mastodon',
    // The URI is the same on every instance; ids are local, so a post seen twice is stored once.
    externalId: status.uri,
    url: status.url ?? status.uri,
    text,
    publishedAt: new Date(status.created_at).toISOString(),
    author: {
      platform: 'mastodon',
      externalId: status.account.url ?? handle,
      handle,
      followers: status.account.followers_count,
      ...(status.account.display_name && { displayName: status.account.display_name }),
      ...(status.account.following_count !== undefined && { following: status.account.following_count }),
      ...(status.account.note && { description: htmlToText(status.account.note) }),
    },
    engagement: { likes: status.favourites_count, reshares: status.reblogs_count, replies: status.replies_count, quotes: status.quotes_count ?? 0 },
  };
  const quoted = status.quote?.quoted_status?.uri;
  if (quoted) mention.quoteOf = quoted;
  const links = linksOf(status);
  if (links.length > 0) mention.links = links;
  if (status.language) mention.langHint = status.language;
  if (status.reblog) mention.reshareOf = status.reblog.uri;
  const replyTo = parentUri(status, context);
  if (replyTo) mention.replyTo = replyTo;
  return mention;
}

/** The max_id of the Link header's rel="next" URL, Mastodon's way of paging back in time. */
function nextMaxId(link: string | null): string | undefined {
  const next = link?.split(',').find((part) => /rel="next"/.test(part));
  const url = next ? /<([^>]+)>/.exec(next)?.[1] : undefined;
  return url ? (new URL(url).searchParams.get('max_id') ?? undefined) : undefined;
}

function createMastodonSource(config: MastodonSourceConfig, ctx: SourceContext): Source {
  const http = platformHttp(ctx, retryPolicyOf(config), mastodonRateLimit);
  const where = { platform: 'mastodon', sourceId: config.id };
  // The token belongs to one account on one instance: it goes there only, never to another host's public timeline.
  const homeInstance = config.tokenInstance ?? config.instances[0];
  const authHeaders = (instance: string): Record<string, string> => {
    const token = instance === homeInstance ? resolveSecret(config.accessToken, ctx.env) : undefined;
    return token ? { authorization: `Bearer ${token}` } : {};
  };

  async function readPage(client: PlatformHttp, url: string, instance: string, pickStatuses: (body: unknown) => unknown[] | null, nextToken: (headers: Headers, raw: unknown[]) => string | undefined, signal?: AbortSignal): Promise<PageOutcome> {
    const res = await client.request({ url, headers: authHeaders(instance) }, signal);
    const json = parseJson(res.text);
    if (!json.ok) return malformedPage(where, res.text, json.error, res.rateLimit);
    const raw = pickStatuses(json.value);
    if (raw === null) return malformedPage(where, json.value, 'not a list of statuses', res.rateLimit);
    const host = new URL(instance).host;
    const context = replyContextOf(instance, raw);
    const { items, quarantined } = convertItems(raw, statusSchema, (status): Collected => ({ key: numericKey(status.id), id: status.id, mention: toMention(status, host, context) }), where);
    const next = nextToken(res.headers, raw);
    return { kind: 'page', items, quarantined, rawCount: raw.length, rateLimit: res.rateLimit, ...(next !== undefined && { nextPageToken: next }) };
  }

  function tagStream(instance: string, tag: string): Stream {
    return {
      key: `${instance}#${tag}`,
      fetchPage(page: PageQuery, signal) {
        const params = new URLSearchParams({ limit: String(config.pageSize) });
        if (page.floor) params.set('since_id', BigInt(page.floor.key).toString());
        const maxId = page.pageToken ?? (page.below ? BigInt(page.below.key).toString() : undefined);
        if (maxId) params.set('max_id', maxId);
        const url = `${instance}/api/v1/timelines/tag/${encodeURIComponent(tag)}?${params}`;
        return readPage(http, url, instance, (body) => (Array.isArray(body) ? body : null), (headers) => nextMaxId(headers.get('link')), signal);
      },
    };
  }

  function searchStream(instance: string, query: string): Stream {
    const statusesOf = (body: unknown) => {
      const parsed = z.object({ statuses: z.array(z.unknown()) }).safeParse(body);
      return parsed.success ? parsed.data.statuses : null;
    };
    return {
      key: `${instance}?${query}`,
      fetchPage(page: PageQuery, signal) {
        const params = new URLSearchParams({ q: query, type: 'statuses', resolve: 'false', limit: String(config.pageSize) });
        const maxId = page.pageToken ?? (page.below ? BigInt(page.below.key).toString() : undefined);
        if (maxId) params.set('max_id', maxId);
        // Search has no since_id: the sweep stops at the first status already collected.
        const url = `${instance}/api/v2/search?${params}`;
        return readPage(http, url, instance, statusesOf, (_headers, raw) => {
          const last = raw.at(-1) as { id?: unknown } | undefined;
          return raw.length >= config.pageSize && typeof last?.id === 'string' ? last.id : undefined;
        }, signal);
      },
    };
  }

  const streams = config.instances.flatMap((instance) => [
    ...config.hashtags.map((tag) => tagStream(instance, tag)),
    // Status search needs the token: with one, it runs on the token's instance only.
    ...(config.query && (config.accessToken === undefined || instance === homeInstance) ? [searchStream(instance, config.query)] : []),
  ]);

  return {
    id: config.id,
    platform: 'mastodon',
    fetch: (cursor, signal) => sweepStreams(streams, cursor, ctx, config, signal),
    async check() {
      const answers: string[] = [];
      for (const instance of config.instances) {
        const withToken = instance === homeInstance && resolveSecret(config.accessToken, ctx.env) !== undefined;
        if (config.accessToken && !withToken) throw new Error(`Mastodon: access token ${config.accessToken} is not set in the environment`);
        try {
          const res = await http.request({ url: `${instance}${withToken ? '/api/v1/apps/verify_credentials' : '/api/v1/instance'}`, headers: authHeaders(instance) });
          const json = parseJson(res.text);
          if (!json.ok) throw new Error('answer is not JSON');
        } catch (error) {
          throw new Error(`Mastodon ${instance}: ${(error as Error).message}`);
        }
        answers.push(`${instance} ${withToken ? 'accepted the access token' : 'is reachable (public timelines)'}`);
      }
      return `Mastodon: ${answers.join('; ')}`;
    },
  };
}

export const mastodonSourceFactory: SourceFactory<MastodonSourceConfig> = {
  type: 'mastodon',
  platform: 'mastodon',
  configSchema: mastodonConfigSchema,
  create: createMastodonSource,
  pollIntervalMs: (config, info) => {
    const requestsPerRun = config.hashtags.length + (config.query ? 1 : 0);
    return Math.max(MIN_INTERVAL_MS, intervalForWindow(WINDOW_MS, WINDOW_LIMIT, info.queriesOfThisType, requestsPerRun));
  },
};
