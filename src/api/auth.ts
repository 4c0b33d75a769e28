// Credential checks: the bearer-token guard of /api, constant-time comparison, and the failed-attempt lockout they share.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FailedAuthLimiter, RouteFamily } from './failed-auth-limiter.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares through fixed-length digests so neither the content nor the length of the token leaks through timing. */
export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : '';
}

/** Bearer for tools (Prometheus), or HTTP Basic with the token as password so that a browser can open operator pages. */
export function presentedToken(request: FastifyRequest): string {
  const bearer = bearerToken(request.headers.authorization);
  if (bearer) return bearer;
  const basic = /^Basic\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!basic) return '';
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}

export interface CredentialCheck {
  /** Whether the presented credential is right. */
  valid: boolean;
  /** What to count when it is wrong; empty when nothing was presented or it is no guess (a genuine but expired link). */
  attempt: string;
}

/**
 * Lets a request with a right credential go on, whatever its client did before: a lockout must never shut out the
 * token holder (an expired link opened ten times once locked the valid token out of /api and /metrics). A wrong one
 * is counted in its route family; once the client has tried too many there, it is answered 429 here ('answered').
 * On 'refused' the caller answers.
 */
export function admitCredential(
  limiter: FailedAuthLimiter,
  family: RouteFamily,
  request: FastifyRequest,
  reply: FastifyReply,
  now: number,
  check: CredentialCheck,
): 'admitted' | 'refused' | 'answered' {
  if (check.valid) return 'admitted';
  if (!check.attempt) return 'refused';
  const wait = limiter.blockedFor(family, request.ip, now);
  if (wait > 0) {
    void reply
      .code(429)
      .header('retry-after', String(Math.ceil(wait / 1000)))
      .send({ error: 'too many failed attempts; try again later' });
    return 'answered';
  }
  limiter.recordFailure(family, request.ip, check.attempt, now);
  return 'refused';
}

/** A presented token checked against the configured one; no token at all is no guess (a page that has not asked yet). */
export const tokenCheck = (given: string, token: string): CredentialCheck => ({ valid: given !== '' && tokenMatches(given, token), attempt: given });

export function tokenGuard(token: string, limiter: FailedAuthLimiter, now: () => number) {
  return async function requireToken(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const verdict = admitCredential(limiter, 'api', request, reply, now(), tokenCheck(bearerToken(request.headers.authorization), token));
    if (verdict === 'admitted') return;
    if (verdict === 'answered') return reply;
    request.log.warn({ ip: request.ip, path: request.routeOptions.url }, 'rejected API request without a valid token');
    return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'a valid API token is required (Authorization: Bearer <token>)' });
  };
}
