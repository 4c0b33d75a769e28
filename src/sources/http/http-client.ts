// One HTTP call to a platform through global fetch, classified for the retry policy.
import type { RateLimitState } from '../source.js';
import type { SourceContext } from '../source-factory.js';
import { HttpStatusError, TooManyRequestsError, TransientError } from './http-errors.js';
import { platformMessage } from './platform-message.js';
import type { RateLimitReader } from './rate-limit-headers.js';
import { withRetries, type RetryPolicy } from './retry-policy.js';

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Raw body: parsing is the connector's job so that a malformed body can be quarantined. */
  text: string;
  rateLimit: RateLimitState;
}

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Per-attempt timeout. @defaultValue 30000 */
  timeoutMs?: number;
}

export interface PlatformHttp {
  request(req: HttpRequest, signal?: AbortSignal): Promise<HttpResponse>;
}

const USER_AGENT = 'vigie/0.1 (+https://github.com/vigie-monitor/vigie)';

/** The URL without its query string: query strings can hold API keys, so errors never show them. */
export function safeUrl(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/**
 * Lets a platform say what a 4xx really means before it is taken as final: YouTube refuses with a
 * 403 when its quota is spent, which is a rate limit (TooManyRequestsError), not a bad request.
 */
export type RefusalClassifier = (status: number, body: string, now: number) => Error | undefined;

async function attempt(req: HttpRequest, readRateLimit: RateLimitReader, now: number, classifyRefusal: RefusalClassifier | undefined, signal?: AbortSignal): Promise<HttpResponse> {
  const timeout = AbortSignal.timeout(req.timeoutMs ?? 30_000);
  let res: Response;
  let text: string;
  try {
    res = await fetch(req.url, {
      method: req.method ?? 'GET',
      headers: { 'user-agent': USER_AGENT, accept: 'application/json', ...req.headers },
      body: req.body,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    text = await res.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    // undici says only "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND, a certificate...).
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause ? ` (${cause.code ?? cause.message})` : '';
    throw new TransientError(`${safeUrl(req.url)}: ${(error as Error).message}${why}`);
  }
  const rateLimit = readRateLimit(res.headers, now);
  if (res.status === 429) throw new TooManyRequestsError(rateLimit.resetAt);
  if (res.status >= 500) throw new TransientError(`${safeUrl(req.url)} answered ${res.status}`, res.status);
  if (res.status >= 400) {
    const refined = classifyRefusal?.(res.status, text, now);
    if (refined) throw refined;
    const said = platformMessage(text);
    throw new HttpStatusError(res.status, `${safeUrl(req.url)} answered ${res.status}${said ? `: ${said}` : ''}`, text);
  }
  return { status: res.status, headers: res.headers, text, rateLimit };
}

/** A client bound to one platform's rate-limit headers and the source's retry policy. */
export function platformHttp(ctx: Pick<SourceContext, 'now' | 'sleep'>, policy: RetryPolicy, readRateLimit: RateLimitReader, classifyRefusal?: RefusalClassifier): PlatformHttp {
  return {
    request: (req, signal) => withRetries(ctx, policy, () => attempt(req, readRateLimit, ctx.now(), classifyRefusal, signal), signal),
  };
}
