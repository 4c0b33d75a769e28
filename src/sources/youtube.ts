// YouTube connector (Data API v3, API key): comment threads on the brand's channel and video search for the terms, within the daily quota.
import { z } from 'zod';
import { boundedString } from './bounded-string.js';
import type { MentionInput } from '../domain/mention.js';
import type { Source } from './source.js';
import type { SourceContext, SourceFactory } from './source-factory.js';
import { baseUrlField, commonSourceFields, intervalForWindow, retryPolicyOf } from './http/common-config.js';
import { requireSecret } from './http/credentials.js';
import { decodeEntities } from './http/html-text.js';
import { HttpStatusError, TooManyRequestsError } from './http/http-errors.js';
import { platformHttp } from './http/http-client.js';
import { convertItems, describeZodError, malformedPage, parseJson, type Collected } from './http/item-validation.js';
import { nextPacificMidnight } from './http/pacific-midnight.js';
import { retryAfterOnly } from './http/rate-limit-headers.js';
import { timeKey } from './http/stream-cursor.js';
import { sweepStreams, type PageOutcome, type PageQuery, type Stream } from './http/sweep.js';
import { DAY_MS } from '../domain/time-buckets.js';

const MIN_INTERVAL_MS = 60_000;
/** Quota units per call: search.list costs 100, commentThreads.list 1. */
const SEARCH_COST = 100;
const COMMENT_THREADS_COST = 1;

export const youtubeConfigSchema = z.object({
  ...commonSourceFields,
  type: z.literal('youtube'),
  /** The brand's channel (UC…): comments on all its videos are collected. */
  channelId: z.string().regex(/^UC[\w-]{22}$/, 'a channel id (UC followed by 22 characters)').optional(),
  /** Video search for the terms (costs 100 quota units per page). */
  query: z.string().min(1).max(500).optional(),
  /** Env var name or `${ENV}` string of a Data API v3 key. */
  apiKey: z.string().default('YOUTUBE_API_KEY'),
  baseUrl: baseUrlField('https://www.googleapis.com/youtube/v3'),
  /** maxResults per page (search allows up to 50). */
  pageSize: z.number().int().min(1).max(50).default(50),
  /** The project's daily quota in units (10,000 unless Google granted more); shared by every YouTube source. */
  dailyQuota: z.number().int().positive().default(10_000),
}).strict().refine((c) => c.channelId !== undefined || c.query !== undefined, { message: 'give a channelId, a query, or both' });
export type YouTubeSourceConfig = z.infer<typeof youtubeConfigSchema>;

const isoTime = z.string().refine((t) => !Number.isNaN(Date.parse(t)), 'an ISO-8601 datetime');

const commentThreadSchema = z.object({
  id: boundedString(1),
  snippet: z.object({
    videoId: boundedString(1),
    totalReplyCount: z.number().int().min(0).default(0),
    topLevelComment: z.object({
      id: boundedString(1),
      snippet: z.object({
        textDisplay: z.string(),
        textOriginal: z.string().optional(),
        authorDisplayName: z.string(),
        authorChannelId: z.object({ value: z.string() }).optional(),
        likeCount: z.number().int().min(0).default(0),
        publishedAt: isoTime,
      }),
    }),
  }),
});

const searchResultSchema = z.object({
  id: z.object({ kind: z.literal('youtube#video'), videoId: boundedString(1) }),
  snippet: z.object({
    publishedAt: isoTime,
    channelId: boundedString(1),
    title: z.string(),
    description: z.string().default(''),
    channelTitle: z.string(),
  }),
});

const listSchema = z.object({ items: z.array(z.unknown()), nextPageToken: z.string().optional() });
const errorSchema = z.object({ error: z.object({ errors: z.array(z.object({ reason: z.string() })).default([]) }) });

/** The `reason` of a Google API error body ("quotaExceeded", "invalidPageToken"...), if it has one. */
export function googleErrorReasons(body: string | undefined): string[] {
  const json = parseJson(body ?? '');
  const parsed = json.ok ? errorSchema.safeParse(json.value) : null;
  return parsed?.success ? parsed.data.error.errors.map((e) => e.reason) : [];
}

/**
 * YouTube refuses with 403 when a quota is spent. The daily quota comes back at midnight Pacific
 * time, so the job waits until then; the short per-user rate limit is retried with backoff.
 */
function classifyQuotaRefusal(status: number, body: string, now: number): Error | undefined {
  if (status !== 403) return undefined;
  const reasons = googleErrorReasons(body);
  if (reasons.some((r) => r === 'quotaExceeded' || r === 'dailyLimitExceeded')) return new TooManyRequestsError(nextPacificMidnight(now));
  if (reasons.some((r) => r === 'rateLimitExceeded' || r === 'userRateLimitExceeded')) return new TooManyRequestsError(undefined);
  return undefined;
}

function commentToMention(thread: z.infer<typeof commentThreadSchema>): MentionInput {
  const comment = thread.snippet.topLevelComment;
  const author = comment.snippet.authorChannelId?.value ?? comment.snippet.authorDisplayName;
  return {
    platform: 'youtube',
    externalId: comment.id,
    url: `https://www.youtube.com/watch?v=${encodeURIComponent(thread.snippet.videoId)}&lc=${encodeURIComponent(comment.id)}`,
    // textOriginal is only guaranteed to the comment's author; textDisplay is asked for as plain text.
    text: comment.snippet.textOriginal ?? comment.snippet.textDisplay,
    publishedAt: new Date(comment.snippet.publishedAt).toISOString(),
    // Subscriber counts would need a channels.list call per page; left at 0.
    author: { platform: 'youtube', externalId: author, handle: comment.snippet.authorDisplayName, followers: 0 },
    // A comment thread answers the video it sits under (video ids are the externalIds of search results).
    replyTo: thread.snippet.videoId,
    engagement: { likes: comment.snippet.likeCount, reshares: 0, replies: thread.snippet.totalReplyCount, quotes: 0 },
  };
}

function videoToMention(result: z.infer<typeof searchResultSchema>): MentionInput {
  // search.list returns titles and descriptions HTML-escaped ("Acme&#39;s").
  const title = decodeEntities(result.snippet.title);
  const description = decodeEntities(result.snippet.description);
  return {
    platform: 'youtube',
    externalId: result.id.videoId,
    url: `https://www.youtube.com/watch?v=${encodeURIComponent(result.id.videoId)}`,
    text: [title, description].filter((part) => part.trim() !== '').join('\n\n'),
    publishedAt: new Date(result.snippet.publishedAt).toISOString(),
    author: { platform: 'youtube', externalId: result.snippet.channelId, handle: decodeEntities(result.snippet.channelTitle), followers: 0 },
    // Views and likes need videos.list; search results carry none.
    engagement: { likes: 0, reshares: 0, replies: 0, quotes: 0 },
  };
}

function createYouTubeSource(config: YouTubeSourceConfig, ctx: SourceContext): Source {
  const http = platformHttp(ctx, retryPolicyOf(config), retryAfterOnly, classifyQuotaRefusal);
  const where = { platform: 'youtube', sourceId: config.id };

  async function list<T>(resource: string, params: URLSearchParams, schema: z.ZodType<T>, convert: (item: T) => Collected, signal?: AbortSignal): Promise<PageOutcome> {
    params.set('key', requireSecret(config.apiKey, ctx.env, 'YouTube API key'));
    const res = await http.request({ url: `${config.baseUrl}/${resource}?${params}` }, signal);
    const json = parseJson(res.text);
    if (!json.ok) return malformedPage(where, res.text, json.error, res.rateLimit);
    const envelope = listSchema.safeParse(json.value);
    if (!envelope.success) return malformedPage(where, json.value, describeZodError(envelope.error), res.rateLimit);
    const { items, quarantined } = convertItems(envelope.data.items, schema, convert, where);
    return { kind: 'page', items, quarantined, rawCount: envelope.data.items.length, rateLimit: res.rateLimit, ...(envelope.data.nextPageToken && { nextPageToken: envelope.data.nextPageToken }) };
  }

  /**
   * commentThreads has no time filter, so a cut-short sweep keeps YouTube's page token to resume
   * from. A token YouTube no longer accepts restarts the listing from the top: the sweep skips what
   * it already has, so that costs pages but loses nothing.
   */
  function commentsStream(channelId: string): Stream {
    return {
      key: `comments ${channelId}`,
      tokensSurviveRuns: true,
      async fetchPage(page: PageQuery, signal) {
        const read = (pageToken?: string) => {
          const params = new URLSearchParams({ part: 'snippet', allThreadsRelatedToChannelId: channelId, order: 'time', textFormat: 'plainText', maxResults: String(config.pageSize) });
          if (pageToken) params.set('pageToken', pageToken);
          return list('commentThreads', params, commentThreadSchema, (thread): Collected => ({
            key: timeKey(thread.snippet.topLevelComment.snippet.publishedAt), id: thread.snippet.topLevelComment.id, mention: commentToMention(thread),
          }), signal);
        };
        try {
          return await read(page.pageToken);
        } catch (error) {
          const stale = page.pageToken !== undefined && error instanceof HttpStatusError && googleErrorReasons(error.body).includes('invalidPageToken');
          if (!stale) throw error;
          return read();
        }
      },
    };
  }

  function searchStream(query: string): Stream {
    return {
      key: `search ${query}`,
      fetchPage(page: PageQuery, signal) {
        const params = new URLSearchParams({ part: 'snippet', type: 'video', q: query, order: 'date', maxResults: String(config.pageSize) });
        // Both bounds are inclusive, to the second: videos sharing a mark's second are told apart by id in the sweep.
        if (page.floor) params.set('publishedAfter', page.floor.key);
        if (page.below) params.set('publishedBefore', page.below.key);
        if (page.pageToken) params.set('pageToken', page.pageToken);
        return list('search', params, searchResultSchema, (result): Collected => ({
          key: timeKey(result.snippet.publishedAt), id: result.id.videoId, mention: videoToMention(result),
        }), signal);
      },
    };
  }

  const streams = [
    ...(config.channelId ? [commentsStream(config.channelId)] : []),
    ...(config.query ? [searchStream(config.query)] : []),
  ];

  return {
    id: config.id,
    platform: 'youtube',
    fetch: (cursor, signal) => sweepStreams(streams, cursor, ctx, config, signal),
    async check() {
      try {
        const key = requireSecret(config.apiKey, ctx.env, 'YouTube API key');
        // One quota unit either way: the channel proves it exists, the language list proves the key.
        const url = config.channelId
          ? `${config.baseUrl}/channels?${new URLSearchParams({ part: 'id', id: config.channelId, key })}`
          : `${config.baseUrl}/i18nLanguages?${new URLSearchParams({ part: 'snippet', key })}`;
        const json = parseJson((await http.request({ url })).text);
        const parsed = json.ok ? listSchema.safeParse(json.value) : null;
        if (!parsed?.success) throw new Error('the answer is not a YouTube list');
        if (config.channelId && parsed.data.items.length === 0) throw new Error(`channel ${config.channelId} does not exist`);
      } catch (error) {
        throw new Error(`YouTube: ${(error as Error).message}`);
      }
      return `YouTube: API key accepted by ${config.baseUrl}${config.channelId ? `, channel ${config.channelId} found` : ''}`;
    },
  };
}

export const youtubeSourceFactory: SourceFactory<YouTubeSourceConfig> = {
  type: 'youtube',
  platform: 'youtube',
  configSchema: youtubeConfigSchema,
  create: createYouTubeSource,
  pollIntervalMs(config, info) {
    // One page per stream and run is the expected cost; the quota is per Google project, per Pacific day.
    const unitsPerRun = (config.query ? SEARCH_COST : 0) + (config.channelId ? COMMENT_THREADS_COST : 0);
    return Math.max(MIN_INTERVAL_MS, intervalForWindow(DAY_MS, config.dailyQuota, info.queriesOfThisType, unitsPerRun));
  },
};
