// One JSON POST to a chat or webhook endpoint: SSRF-guarded at connect time, never redirected, bounded in time, secret-free errors.
import http from 'node:http';
import https from 'node:https';
import { guardedLookup, parseWebhookUrl, SsrfBlockedError, systemResolver, type HostResolver } from './ssrf-guard.js';

export interface GuardedPostOptions {
  allowPrivateNetwork: boolean;
  /** Whole exchange, connection to last byte of the answer. @defaultValue 10000 */
  timeoutMs?: number;
  /** DNS resolution (tests map a name to 127.0.0.1). @defaultValue the system resolver */
  resolve?: HostResolver;
}

/** What a Slack, Teams or webhook channel accepts besides its config (tests shorten the timeout and map names to 127.0.0.1). */
export type HttpChannelOptions = Pick<GuardedPostOptions, 'timeoutMs' | 'resolve'>;

/** The part of a channel's config that says where and how far it may send. */
export interface HttpChannelConfig {
  id: string;
  url: string;
  allowPrivateNetwork: boolean;
}

export interface PostAnswer {
  status: number;
  /** The start of the answer's body, enough for an error message. */
  body: string;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 16 * 1024;
const USER_AGENT = 'vigie/0.1 (+https://github.com/vigie-monitor/vigie)';

/**
 * Slack and Teams webhook URLs are credentials in their path (and some webhooks carry a token in the
 * query), so anything logged or stored shows only scheme and host.
 */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}/…`;
  } catch {
    return '[invalid url]';
  }
}

/**
 * Removes every trace of the URL's secret parts from a text that could end up in logs or the database
 * (a far end may echo its URL, or one of its tokens, in an error body): the whole path and query first,
 * then each path segment and query value long enough to be a token.
 */
function scrub(text: string, url: URL): string {
  const tokens = [...url.pathname.split('/'), ...[...url.searchParams.values()], ...url.search.slice(1).split('&').map((p) => p.split('=')[1] ?? '')];
  const secrets = [url.href, url.pathname + url.search, url.pathname, url.search, ...tokens.sort((a, b) => b.length - a.length)].filter((s) => s.length >= 8);
  return secrets.reduce((out, secret) => out.split(secret).join('…'), text);
}

export class DeliveryError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/**
 * POSTs `body` and resolves with the answer whatever its status; rejects on refusal by the SSRF guard,
 * network failure or timeout. Redirects are never followed: node:http does not follow them, and the
 * caller treats a 3xx as a failure, so a redirect cannot lead the request to an internal address.
 */
export function postJson(rawUrl: string, body: string, headers: Record<string, string>, options: GuardedPostOptions): Promise<PostAnswer> {
  const url = parseWebhookUrl(rawUrl, options.allowPrivateNetwork);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const where = redactUrl(rawUrl);
  const transport = url.protocol === 'https:' ? https : http;
  const signal = AbortSignal.timeout(timeoutMs);

  return new Promise<PostAnswer>((resolve, reject) => {
    const fail = (error: Error) => {
      if (error instanceof SsrfBlockedError) return reject(error);
      if (signal.aborted) return reject(new DeliveryError(`${where} did not answer within ${timeoutMs} ms`));
      const code = (error as NodeJS.ErrnoException).code;
      reject(new DeliveryError(`${where}: ${scrub(code ? `${code} ${error.message}` : error.message, url)}`));
    };
    const request = transport.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'user-agent': USER_AGENT, ...headers },
        lookup: guardedLookup(options.resolve ?? systemResolver, options.allowPrivateNetwork) as never,
        // A pooled socket would skip the lookup, and so the guard, for a host another channel opened.
        agent: false,
        signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_ANSWER_BYTES) }));
        response.on('error', fail);
      },
    );
    request.on('error', fail);
    // Covers a far end that stalls half-way through its answer, after the response callback ran.
    const onTimeout = () => fail(new Error('timed out'));
    signal.addEventListener('abort', onTimeout, { once: true });
    request.on('close', () => signal.removeEventListener('abort', onTimeout));
    request.end(body);
  });
}

/** Throws unless the far end accepted the message (2xx); the error names the status, never the URL's secret parts. */
export function assertAccepted(answer: PostAnswer, rawUrl: string): void {
  if (answer.status >= 200 && answer.status < 300) return;
  const url = new URL(rawUrl);
  const hint = answer.status >= 300 && answer.status < 400 ? ' (redirects are not followed)' : '';
  // Scrubbed before it is cut, so that a token straddling the cut cannot leave half of itself behind.
  const detail = scrub(answer.body.replace(/\s+/g, ' ').trim(), url).slice(0, 200);
  throw new DeliveryError(`${redactUrl(rawUrl)} answered ${answer.status}${hint}${detail ? `: ${detail}` : ''}`, answer.status);
}
