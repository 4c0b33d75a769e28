// Hacker News connector: stories and comments from the Algolia search API, newest first, created_at_i cursor.
import { z } from 'zod';
import { boundedString } from './bounded-string.js';
import type { MentionInput } from '../domain/mention.js';
import type { Source } from './source.js';
import type { SourceContext, SourceFactory } from './source-factory.js';
import { baseUrlField, commonSourceFields, intervalForWindow, retryPolicyOf } from './http/common-config.js';
import { htmlToText } from './http/html-text.js';
import { platformHttp } from './http/http-client.js';
import { convertItems, describeZodError, malformedPage, parseJson, type Collected } from './http/item-validation.js';
import { retryAfterOnly } from './http/rate-limit-headers.js';
import { timeKey } from './http/stream-cursor.js';
import { sweepStreams, type PageOutcome, type PageQuery } from './http/sweep.js';

/** Algolia allows 10,000 requests per hour per IP; a news site does not need polling faster than a minute. */
const HOURLY_LIMIT = 10_000;
const MIN_INTERVAL_MS = 60_000;

export const hackerNewsConfigSchema = z.object({
  ...commonSourceFields,
  type: z.literal('hackernews'),
  query: z.string().min(1),
  /** Algolia tag filter: stories and comments by default. */
  tags: z.string().default('(story,comment)'),
  baseUrl: baseUrlField('https://hn.algolia.com'),
  pageSize: z.number().int().min(1).max(1000).default(100),
}).strict();
export type HackerNewsSourceConfig = z.infer<typeof hackerNewsConfigSchema>;

const hitSchema = z.object({
  objectID: z.string().regex(/^\d+$/),
  created_at_i: z.number().int().positive(),
  author: boundedString(1),
  title: z.string().nullish(),
  url: z.string().nullish(),
  story_text: z.string().nullish(),
  comment_text: z.string().nullish(),
  points: z.number().int().nullish(),
  num_comments: z.number().int().nullish(),
  parent_id: z.number().int().nullish(),
  _tags: z.array(z.string()).default([]),
});

const pageSchema = z.object({
  hits: z.array(z.unknown()),
  page: z.number().int().min(0),
  nbPages: z.number().int().min(0),
});

function toMention(hit: z.infer<typeof hitSchema>): MentionInput {
  const isComment = hit._tags.includes('comment') || (hit.comment_text ?? '') !== '';
  const body = htmlToText(isComment ? (hit.comment_text ?? '') : (hit.story_text ?? ''));
  // A link story's external url is what it is about: kept in the text (where a reader sees it) and in links.
  const external = !isComment && hit.url && URL.canParse(hit.url) ? hit.url : undefined;
  const text = isComment ? body : [hit.title ?? '', body, external ?? ''].filter((part) => part !== '').join('\n\n');
  if (text === '') throw new Error('hit has neither title nor text');
  const mention: MentionInput = {
    platform: 'hackernews',
    externalId: hit.objectID,
    url: `https://news.ycombinator.com/item?id=${hit.objectID}`,
    text,
    publishedAt: new Date(hit.created_at_i * 1000).toISOString(),
    author: { platform: 'hackernews', externalId: hit.author, handle: hit.author, followers: 0 },
    engagement: { likes: hit.points ?? 0, reshares: 0, replies: hit.num_comments ?? 0, quotes: 0 },
  };
  if (isComment && hit.parent_id) mention.replyTo = String(hit.parent_id);
  if (external) mention.links = [external];
  return mention;
}

function createHackerNewsSource(config: HackerNewsSourceConfig, ctx: SourceContext): Source {
  const http = platformHttp(ctx, retryPolicyOf(config), retryAfterOnly);
  const where = { platform: 'hackernews', sourceId: config.id };

  async function fetchPage(page: PageQuery, signal?: AbortSignal): Promise<PageOutcome> {
    const params = new URLSearchParams({ query: config.query, tags: config.tags, hitsPerPage: String(config.pageSize), page: page.pageToken ?? '0' });
    // Inclusive bounds: hits in the same second as a mark are told apart by id in the sweep.
    const filters: string[] = [];
    if (page.floor) filters.push(`created_at_i>=${Date.parse(page.floor.key) / 1000}`);
    if (page.below) filters.push(`created_at_i<=${Date.parse(page.below.key) / 1000}`);
    if (filters.length > 0) params.set('numericFilters', filters.join(','));
    const res = await http.request({ url: `${config.baseUrl}/api/v1/search_by_date?${params}` }, signal);
    const json = parseJson(res.text);
    if (!json.ok) return malformedPage(where, res.text, json.error, res.rateLimit);
    const envelope = pageSchema.safeParse(json.value);
    if (!envelope.success) return malformedPage(where, json.value, describeZodError(envelope.error), res.rateLimit);
    const { items, quarantined } = convertItems(envelope.data.hits, hitSchema, (hit): Collected => ({
      key: timeKey(hit.created_at_i * 1000), id: hit.objectID, mention: toMention(hit),
    }), where);
    const next = envelope.data.page + 1 < envelope.data.nbPages ? String(envelope.data.page + 1) : undefined;
    return { kind: 'page', items, quarantined, rawCount: envelope.data.hits.length, rateLimit: res.rateLimit, ...(next !== undefined && { nextPageToken: next }) };
  }

  return {
    id: config.id,
    platform: 'hackernews',
    fetch: (cursor, signal) => sweepStreams([{ key: `${config.tags} ${config.query}`, fetchPage }], cursor, ctx, config, signal),
    async check() {
      const res = await http.request({ url: `${config.baseUrl}/api/v1/search?query=${encodeURIComponent(config.query)}&hitsPerPage=0` });
      const json = parseJson(res.text);
      if (!json.ok || !pageSchema.safeParse(json.value).success) throw new Error(`Hacker News: ${config.baseUrl} did not answer like Algolia search`);
      return `Hacker News: Algolia search reachable at ${config.baseUrl} (no credentials needed)`;
    },
  };
}

export const hackerNewsSourceFactory: SourceFactory<HackerNewsSourceConfig> = {
  type: 'hackernews',
  platform: 'hackernews',
  configSchema: hackerNewsConfigSchema,
  create: createHackerNewsSource,
  pollIntervalMs: (_config, info) => Math.max(MIN_INTERVAL_MS, intervalForWindow(3_600_000, HOURLY_LIMIT, info.queriesOfThisType)),
};
