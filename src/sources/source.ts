// The one interface every platform connector implements.
import type { MentionInput } from '../domain/mention.js';

/** A payload item that could not be parsed: kept with its error, never allowed to crash a worker. */
export interface QuarantinedItem {
  platform: string;
  sourceId: string;
  /** The raw item (or page fragment) as received, serialised. */
  payload: string;
  error: string;
}

/** Rate-limit state as the platform reported it. */
export interface RateLimitState {
  limit?: number;
  remaining?: number;
  /** When the window resets, epoch ms. */
  resetAt?: number;
}

/** A stream of a source (a query, a feed, an instance's hashtag) that failed while the others went on. */
export interface StreamFailure {
  /** The stream's name in the source's cursor (the query, the feed URL, `instance#tag`...). */
  stream: string;
  /** What went wrong, in one line, with the platform's own words when it gave any. */
  message: string;
  /** The HTTP status the platform answered, when it answered one. */
  status?: number;
}

export interface FetchResult {
  mentions: MentionInput[];
  quarantined: QuarantinedItem[];
  /** Opaque cursor to pass to the next fetch so that it returns only newer items. Null: unchanged. */
  nextCursor: string | null;
  rateLimit?: RateLimitState;
  /**
   * The data time this fetch is complete up to (epoch ms). Live connectors leave it out (the clock
   * is used); the replay source gives its virtual clock, so detection runs in scenario time.
   */
  asOf?: number;
  /**
   * Streams that failed this run; the others' mentions and cursors are in this result. A source
   * whose every stream fails throws instead, so the caller's retry and rate-limit handling apply.
   */
  failures?: StreamFailure[];
}

/** Thrown when the platform says "too many requests": the caller waits until `resetAt`. */
export class RateLimitedError extends Error {
  constructor(public readonly resetAt: number, message = 'rate limited') {
    super(message);
    this.name = 'RateLimitedError';
  }
}

export interface Source {
  /** Config id of this source (e.g. "x-acme"). */
  readonly id: string;
  readonly platform: string;
  /**
   * Fetch what is new since `cursor` (null on the first run) for this source's query.
   * Transient failures (5xx, network) are retried inside with backoff; a 429 that outlasts
   * the retries throws RateLimitedError; malformed items land in `quarantined`.
   */
  fetch(cursor: string | null, signal?: AbortSignal): Promise<FetchResult>;
  /** Checks credentials and reachability; resolves to a human sentence, throws with what is wrong. */
  check?(): Promise<string>;
}
