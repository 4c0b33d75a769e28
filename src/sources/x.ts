// X / Twitter connector: v2 recent search through twitter-api-v2, since_id cursor, rate limits and the monthly read budget.
import { Agent as HttpAgent } from 'node:http';
import { ApiPartialResponseError, ApiRequestError, ApiResponseError, TwitterApi, type TwitterApiReadOnly } from 'twitter-api-v2';
import { z } from 'zod';
import type { FetchResult, RateLimitState, Source } from './source.js';
import type { SourceContext, SourceFactory } from './source-factory.js';
import { baseUrlField, commonSourceFields, intervalForWindow, retryPolicyOf } from './http/common-config.js';
import { requireSecret } from './http/credentials.js';
import { HttpStatusError, TooManyRequestsError, TransientError } from './http/http-errors.js';
import { convertItems, describeZodError, quarantineOf, type Collected } from './http/item-validation.js';
import { withRetries } from './http/retry-policy.js';
import { numericKey } from './http/stream-cursor.js';
import { sweepStreams, type PageOutcome, type PageQuery, type Stream } from './http/sweep.js';
import { budgetPollIntervalMs } from './x-budget.js';
import { includesOf, pageSchema, tweetSchema, tweetToMention } from './x-normalise.js';

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export const xConfigSchema = z.object({
  ...commonSourceFields,
  type: z.literal('x'),
  /** A v2 search query with its operators and exclusions, e.g. `(acme OR "acme bank") -jobs`. */
  query: z.string().min(1).max(4096),
  /** Append `-is:retweet` so reshares do not count as mentions (and do not eat the read budget). */
  excludeRetweets: z.boolean().default(true),
  /** Env var name or `${ENV}` string of the app's bearer token. */
  bearerToken: z.string().default('X_BEARER_TOKEN'),
  baseUrl: baseUrlField('https://api.x.com'),
  /** max_results per page (X allows 10-100). */
  pageSize: z.number().int().min(10).max(100).default(100),
  /** The app's recent-search limit per 15 minutes (450 on Pro, 60 on Basic). */
  windowLimit: z.number().int().positive().default(450),
  /** Posts the plan allows reading per month; omitted = no monthly cap. */
  monthlyReadBudget: z.number().int().positive().optional(),
  /** Posts one poll is expected to read, to spread the monthly budget. */
  expectedPostsPerPoll: z.number().positive().default(20),
  calmPace: z.number().positive().max(1).default(0.8),
  crisisPace: z.number().positive().default(3),
}).strict();
export type XSourceConfig = z.infer<typeof xConfigSchema>;

/** The query actually sent: the configured one plus the exclusions the config asks for. */
export function effectiveXQuery(config: Pick<XSourceConfig, 'query' | 'excludeRetweets'>): string {
  const query = config.query.trim();
  if (!config.excludeRetweets || /(^|\s)-is:retweet\b/.test(query)) return query;
  // X binds a trailing operator to the last term only: "(acme) OR (acme bank) -is:retweet" still lets the
  // retweets of "acme" in. Parenthesised whole, the exclusion covers every alternative.
  return `(${query}) -is:retweet`;
}

function rateLimitOf(limit: { limit: number; remaining: number; reset: number } | undefined): RateLimitState | undefined {
  return limit ? { limit: limit.limit, remaining: limit.remaining, resetAt: limit.reset * 1000 } : undefined;
}

/** Maps twitter-api-v2's errors onto the shared retry vocabulary. */
function classify(error: unknown): unknown {
  if (error instanceof ApiResponseError) {
    if (error.code === 429) return new TooManyRequestsError(error.rateLimit ? error.rateLimit.reset * 1000 : undefined);
    if (error.code >= 500) return new TransientError(`X answered ${error.code}`, error.code);
    const detail = xErrorMessage(error.data);
    return new HttpStatusError(error.code, `X answered ${error.code}${detail ? `: ${detail}` : ''}`, JSON.stringify(error.data ?? null));
  }
  if (error instanceof ApiRequestError) return new TransientError(`X request failed: ${error.requestError?.message ?? error.message}`);
  return error;
}

/** X's own words: `errors[].message` names the parameter at fault (since_id...), `detail` is generic. */
function xErrorMessage(data: unknown): string {
  const body = (data ?? {}) as { errors?: Array<{ message?: unknown }>; detail?: unknown; title?: unknown };
  const messages = (Array.isArray(body.errors) ? body.errors : []).map((e) => e?.message).filter((m): m is string => typeof m === 'string');
  const text = messages.length > 0 ? messages.join('; ') : typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : '';
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** X refuses a since_id older than its 7-day search window with a 400 that names since_id. */
function isStaleSinceId(error: unknown): boolean {
  return error instanceof HttpStatusError && error.status === 400 && /since_id/.test(error.body ?? '');
}

/** Recent search covers the last 7 days; a minute less so the start is still inside when X reads it. */
const SEARCH_WINDOW_MS = 7 * 24 * 3600 * 1000 - 60_000;

/** Posts each fetch read, for the monthly cap; keyed by its result (or error) so that concurrent fetches never mix. */
const postsReadByFetch = new WeakMap<object, number>();

/**
 * How many posts an X fetch read from the API: the tweets of every page plus the referenced tweets
 * expanded into `includes` (counted too, to stay on the safe side of the cap). Takes what `fetch` returned,
 * or what it threw after some pages: those pages count against the cap too. 0 for anything else.
 * Add it to the month's counter right after `fetch` returns or throws.
 */
export function xPostsRead(outcome: FetchResult | unknown): number {
  return outcome !== null && typeof outcome === 'object' ? (postsReadByFetch.get(outcome) ?? 0) : 0;
}

/** A quarantined tweet whose id is readable still moves the cursor past it: a page of bad tweets is not read again at every poll. */
function passedOver(raw: unknown): { key: string; id: string } | undefined {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && /^\d+$/.test(id) ? { key: numericKey(id), id } : undefined;
}

function idOf(key: string): string {
  return BigInt(key).toString();
}

function xClient(config: XSourceConfig, ctx: SourceContext): TwitterApiReadOnly {
  const token = requireSecret(config.bearerToken, ctx.env, 'X bearer token');
  // twitter-api-v2 sends through node:https; a plain-HTTP base URL (the local fake) needs an http agent.
  const settings = config.baseUrl.startsWith('http:') ? { httpAgent: new HttpAgent({ keepAlive: false }) } : {};
  return new TwitterApi(token, settings).readOnly;
}

function createXSource(config: XSourceConfig, ctx: SourceContext): Source {
  const policy = retryPolicyOf(config);
  const prefix = `${config.baseUrl}/2/`;
  const where = { platform: 'x', sourceId: config.id };
  const query = effectiveXQuery(config);

  async function fetchPage(client: TwitterApiReadOnly, page: PageQuery, countRead: (posts: number) => void): Promise<PageOutcome> {
    const params: Record<string, string | number> = {
      query,
      max_results: config.pageSize,
      'tweet.fields': 'created_at,lang,public_metrics,referenced_tweets,author_id,conversation_id,entities,note_tweet',
      expansions: 'author_id,referenced_tweets.id',
      'user.fields': 'username,name,verified,description,public_metrics',
    };
    if (page.floor) params.since_id = idOf(page.floor.key);
    if (page.below) params.until_id = idOf(page.below.key);
    if (page.pageToken) params.next_token = page.pageToken;
    const search = () => withRetries(ctx, policy, async () => {
      try {
        return await client.v2.get('tweets/search/recent', params, { fullResponse: true, prefix });
      } catch (error) {
        throw classify(error);
      }
    });
    let response;
    try {
      try {
        response = await search();
      } catch (error) {
        if (!isStaleSinceId(error) || params.since_id === undefined) throw error;
        // The last run is more than 7 days old: what lies between is out of reach. Take the whole window
        // (the cursor then moves on) instead of asking the same refused question at every poll.
        ctx.logger.warn({ sourceId: config.id, sinceId: params.since_id, err: (error as Error).message }, 'X since_id older than the 7-day search window: collecting from the window start; posts in between are lost');
        delete params.since_id;
        params.start_time = new Date(ctx.now() - SEARCH_WINDOW_MS).toISOString();
        response = await search();
      }
    } catch (error) {
      if (error instanceof ApiPartialResponseError) {
        return { kind: 'malformed', quarantined: quarantineOf('x', config.id, error.rawContent, `malformed body: ${error.responseError.message}`) };
      }
      throw error;
    }
    const rateLimit = rateLimitOf(response.rateLimit);
    const envelope = pageSchema.safeParse(response.data);
    if (!envelope.success) {
      return { kind: 'malformed', quarantined: quarantineOf('x', config.id, response.data, describeZodError(envelope.error)), ...(rateLimit && { rateLimit }) };
    }
    const includes = includesOf(envelope.data);
    const raw = envelope.data.data ?? [];
    countRead(raw.length + (envelope.data.includes?.tweets?.length ?? 0));
    const { items, quarantined } = convertItems(raw, tweetSchema, (tweet): Collected => ({ key: numericKey(tweet.id), id: tweet.id, mention: tweetToMention(tweet, includes) }), where, passedOver);
    return {
      kind: 'page', items, quarantined, rawCount: raw.length,
      ...(envelope.data.meta.next_token !== undefined && { nextPageToken: envelope.data.meta.next_token }),
      ...(rateLimit && { rateLimit }),
    };
  }

  return {
    id: config.id,
    platform: 'x',
    async fetch(cursor, signal) {
      const client = xClient(config, ctx);
      let postsRead = 0;
      const stream: Stream = { key: query, fetchPage: (page) => fetchPage(client, page, (posts) => { postsRead += posts; }) };
      try {
        const result = await sweepStreams([stream], cursor, ctx, config, signal);
        postsReadByFetch.set(result, postsRead);
        return result;
      } catch (error) {
        // Pages read before the failure were paid for all the same.
        if (error !== null && typeof error === 'object') postsReadByFetch.set(error, postsRead);
        throw error;
      }
    },
    async check() {
      const client = xClient(config, ctx);
      // A user lookup proves the token without spending the monthly post-read budget.
      try {
        await withRetries(ctx, policy, async () => {
          try {
            return await client.v2.get('users/by/username/XDevelopers', {}, { prefix });
          } catch (error) {
            throw classify(error);
          }
        });
      } catch (error) {
        throw new Error(`X: ${(error as Error).message}`);
      }
      return `X: bearer token accepted by ${config.baseUrl}`;
    },
  };
}

export const xSourceFactory: SourceFactory<XSourceConfig> = {
  type: 'x',
  platform: 'x',
  configSchema: xConfigSchema,
  create: createXSource,
  pollIntervalMs(config, info) {
    const windowInterval = intervalForWindow(FIFTEEN_MINUTES, config.windowLimit, info.queriesOfThisType);
    if (config.monthlyReadBudget === undefined) return windowInterval;
    const budgetInterval = budgetPollIntervalMs({
      monthlyReadBudget: config.monthlyReadBudget,
      postsPerPoll: config.expectedPostsPerPoll,
      queries: info.queriesOfThisType,
      crisisOpen: info.crisisOpen,
      calmPace: config.calmPace,
      crisisPace: config.crisisPace,
      now: Date.now(),
    });
    return Math.max(windowInterval, budgetInterval);
  },
};
