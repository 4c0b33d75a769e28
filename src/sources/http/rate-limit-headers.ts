// Reads each platform's rate-limit headers into one RateLimitState (reset as epoch ms).
import type { RateLimitState } from '../source.js';

type HeaderGetter = { get(name: string): string | null };

function num(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function state(limit: number | undefined, remaining: number | undefined, resetAt: number | undefined): RateLimitState {
  const result: RateLimitState = {};
  if (limit !== undefined) result.limit = limit;
  if (remaining !== undefined) result.remaining = remaining;
  if (resetAt !== undefined) result.resetAt = resetAt;
  return result;
}

/** Retry-After: delay in seconds or an HTTP date. */
export function retryAfterAt(headers: HeaderGetter, now: number): number | undefined {
  const raw = headers.get('retry-after');
  if (raw === null) return undefined;
  const seconds = num(raw);
  if (seconds !== undefined) return now + seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : date;
}

/** X and Bluesky: reset is an epoch in seconds. */
export function epochSecondsRateLimit(prefix: 'x-rate-limit' | 'ratelimit') {
  return (headers: HeaderGetter, now: number): RateLimitState => {
    const reset = num(headers.get(`${prefix}-reset`));
    return state(num(headers.get(`${prefix}-limit`)), num(headers.get(`${prefix}-remaining`)), reset !== undefined ? reset * 1000 : retryAfterAt(headers, now));
  };
}

/** Reddit: x-ratelimit-reset is the number of seconds until the window resets; remaining may be fractional. */
export function redditRateLimit(headers: HeaderGetter, now: number): RateLimitState {
  const used = num(headers.get('x-ratelimit-used'));
  const remaining = num(headers.get('x-ratelimit-remaining'));
  const reset = num(headers.get('x-ratelimit-reset'));
  const limit = used !== undefined && remaining !== undefined ? used + remaining : undefined;
  return state(limit, remaining !== undefined ? Math.floor(remaining) : undefined, reset !== undefined ? now + reset * 1000 : retryAfterAt(headers, now));
}

/** Mastodon: X-RateLimit-Reset is an ISO-8601 timestamp. */
export function mastodonRateLimit(headers: HeaderGetter, now: number): RateLimitState {
  const raw = headers.get('x-ratelimit-reset');
  const reset = raw ? Date.parse(raw) : Number.NaN;
  return state(num(headers.get('x-ratelimit-limit')), num(headers.get('x-ratelimit-remaining')), Number.isNaN(reset) ? retryAfterAt(headers, now) : reset);
}

/** Platforms that only send Retry-After on a 429 (YouTube, Algolia, feeds). */
export function retryAfterOnly(headers: HeaderGetter, now: number): RateLimitState {
  return state(undefined, undefined, retryAfterAt(headers, now));
}

export type RateLimitReader = (headers: HeaderGetter, now: number) => RateLimitState;
