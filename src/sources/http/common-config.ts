// Config fields every connector shares: identity, paging bounds and the retry policy.
import { z } from 'zod';
import type { RetryPolicy } from './retry-policy.js';

export const commonSourceFields = {
  id: z.string().min(1),
  entities: z.array(z.string().min(1)).optional(),
  /** Pages read per run at most; the rest waits for the next run (no gap: the cursor remembers). */
  maxPages: z.number().int().positive().default(5),
  /** Retries of a 5xx / network failure and of a 429, after the first attempt. */
  maxRetries: z.number().int().min(0).default(3),
  /** First backoff before a retry; doubles on each retry. */
  backoffMs: z.number().int().min(0).default(500),
  /** Longest in-process wait for a rate-limit reset; longer resets throw RateLimitedError to the queue. */
  maxWaitMs: z.number().int().min(0).default(60_000),
};

/** A base URL without its trailing slash, so paths join cleanly. */
export const baseUrlField = (defaultUrl: string) =>
  z.string().url().default(defaultUrl).transform((url) => url.replace(/\/+$/, ''));

export function retryPolicyOf(config: { maxRetries: number; backoffMs: number; maxWaitMs: number }): RetryPolicy {
  return { maxRetries: config.maxRetries, backoffMs: config.backoffMs, maxWaitMs: config.maxWaitMs };
}

/** The minimum interval for `requests` calls per run shared by `queries` sources under a limit of `limit` per `windowMs`. */
export function intervalForWindow(windowMs: number, limit: number, queries: number, requestsPerRun = 1): number {
  return Math.ceil((windowMs * Math.max(1, queries) * requestsPerRun) / Math.max(1, limit));
}
