// Bearer-token check for /api routes: constant-time comparison, failures counted per client and blocked when too many.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FailedAuthLimiter } from './failed-auth-limiter.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares through fixed-length digests so neither the content nor the length of the token leaks through timing. */
export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : '';
}

/** Answers 429 when the client is blocked; returns true when the request may go on. */
export function checkNotBlocked(limiter: FailedAuthLimiter, request: FastifyRequest, reply: FastifyReply, now: number): boolean {
  const wait = limiter.blockedFor(request.ip, now);
  if (wait <= 0) return true;
  void reply
    .code(429)
    .header('retry-after', String(Math.ceil(wait / 1000)))
    .send({ error: 'too many failed attempts; try again later' });
  return false;
}

export function tokenGuard(token: string, limiter: FailedAuthLimiter, now: () => number) {
  return async function requireToken(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!checkNotBlocked(limiter, request, reply, now())) return reply;
    const given = bearerToken(request.headers.authorization);
    if (given && tokenMatches(given, token)) return;
    // Only a presented token is a guess; a page that has not asked for the token yet must not lock its user out.
    if (given) limiter.recordFailure(request.ip, now());
    request.log.warn({ ip: request.ip, path: request.routeOptions.url }, 'rejected API request without a valid token');
    return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'a valid API token is required (Authorization: Bearer <token>)' });
  };
}
