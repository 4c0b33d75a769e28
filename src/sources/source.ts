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
