// Retries transient failures with exponential backoff and waits out rate limits, within bounds.
import { RateLimitedError } from '../source.js';
import type { SourceContext } from '../source-factory.js';
import { TooManyRequestsError, TransientError } from './http-errors.js';

export interface RetryPolicy {
  /** Further attempts after the first, for 5xx / network errors and for 429s. @defaultValue 3 */
  maxRetries: number;
  /** First backoff; doubles on each retry. @defaultValue 500 */
  backoffMs: number;
  /** Longest rate-limit wait done in-process; beyond it RateLimitedError goes to the queue. @defaultValue 60000 */
  maxWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, backoffMs: 500, maxWaitMs: 60_000 };

/** Backoff before retry number `retry` (0-based): backoffMs, 2x, 4x... capped at maxWaitMs. */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  return Math.min(policy.backoffMs * 2 ** retry, policy.maxWaitMs);
}

/**
 * Runs `attempt` until it succeeds. TransientError → backoff and retry; TooManyRequestsError →
 * sleep until its reset when that is within maxWaitMs, else throw RateLimitedError so the job is
 * delayed rather than a worker blocked. Any other error is final.
 */
export async function withRetries<T>(
  ctx: Pick<SourceContext, 'now' | 'sleep'>,
  policy: RetryPolicy,
  attempt: () => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof TooManyRequestsError) {
        const resetAt = error.resetAt ?? ctx.now() + backoffDelay(policy, retry);
        const wait = Math.max(0, resetAt - ctx.now());
        if (wait > policy.maxWaitMs || retry >= policy.maxRetries) throw new RateLimitedError(resetAt);
        await ctx.sleep(wait, signal);
        continue;
      }
      if (error instanceof TransientError && retry < policy.maxRetries) {
        await ctx.sleep(backoffDelay(policy, retry), signal);
        continue;
      }
      throw error;
    }
  }
}
