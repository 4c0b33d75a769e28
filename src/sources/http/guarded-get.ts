// A GET that follows redirects itself and vets every host it is sent to (SSRF guard at connect time), for feeds whose
// documents name further URLs (rel="next", redirects) that Vigie must not be led by to internal addresses.
import http from 'node:http';
import https from 'node:https';
import { guardedLookup, parseWebhookUrl, SsrfBlockedError, systemResolver, type HostResolver } from '../../notify/ssrf-guard.js';
import { TransientError } from './http-errors.js';
import { safeUrl } from './http-client.js';

export interface GuardedGetOptions {
  /** Whether this URL may lead to a private or loopback address (only the configured host, when the config says so). */
  allowPrivate: (url: URL) => boolean;
  headers?: Record<string, string>;
  /** Per request, connection to last byte. @defaultValue 30000 */
  timeoutMs?: number;
  /** A bigger body is cut off and taken as a failure. @defaultValue 10 MiB */
  maxBytes?: number;
  /** @defaultValue 5 */
  maxRedirects?: number;
  resolve?: HostResolver;
  signal?: AbortSignal;
}

export interface GuardedAnswer {
  status: number;
  headers: Headers;
  /** Raw bytes: the feed's charset decides how they read. */
  body: Buffer;
  /** Where the answer came from, after redirects. */
  url: string;
}

const USER_AGENT = 'vigie/0.1 (+https://github.com/vigie-monitor/vigie)';

function once(url: URL, options: GuardedGetOptions): Promise<GuardedAnswer> {
  const allowPrivate = options.allowPrivate(url);
  parseWebhookUrl(url.href, allowPrivate); // scheme, credentials, IP literals: before any connection
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      if (error instanceof SsrfBlockedError || options.signal?.aborted) return reject(error);
      if (timeout.aborted) return reject(new TransientError(`${safeUrl(url.href)} did not answer within ${timeoutMs} ms`));
      reject(new TransientError(`${safeUrl(url.href)}: ${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`.replace(/\s+/g, ' ')));
    };
    const request = transport.request(url, {
      method: 'GET',
      headers: { 'user-agent': USER_AGENT, ...options.headers },
      lookup: guardedLookup(options.resolve ?? systemResolver, allowPrivate) as never,
      // A pooled socket would skip the lookup, and so the guard.
      agent: false,
      signal,
    }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          request.destroy(new Error(`answer larger than ${maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks), url: url.href });
      });
      response.on('error', fail);
    });
    request.on('error', fail);
    request.end();
  });
}

/** GETs `rawUrl`, following up to maxRedirects redirects, each target vetted like the first URL. */
export async function guardedGet(rawUrl: string, options: GuardedGetOptions): Promise<GuardedAnswer> {
  let url = new URL(rawUrl);
  for (let hop = 0; ; hop++) {
    const answer = await once(url, options);
    const location = answer.headers.get('location');
    if (answer.status < 300 || answer.status >= 400 || location === null) return answer;
    if (hop >= (options.maxRedirects ?? 5)) throw new Error(`${safeUrl(rawUrl)}: more than ${options.maxRedirects ?? 5} redirects`);
    url = new URL(location, url);
  }
}
