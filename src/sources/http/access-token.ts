// Keeps a platform access token (Reddit app-only OAuth, Bluesky session) until it expires, and renews it once when refused.
import { HttpStatusError } from './http-errors.js';

export interface TokenGrant {
  token: string;
  /** Epoch ms after which the token must not be used. */
  expiresAt: number;
}

export interface TokenCache {
  /** The current token, obtained first if there is none or it is about to expire. */
  get(signal?: AbortSignal): Promise<string>;
  /**
   * Runs `call` with the token; when the platform refuses it as expired or revoked, obtains a new
   * one and runs `call` once more (a second refusal is final: the credentials are wrong).
   */
  withToken<T>(call: (token: string) => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/** A 401 by default; platforms that answer an expired token differently pass their own test. */
export const isUnauthorized = (error: unknown): boolean => error instanceof HttpStatusError && error.status === 401;

/** Renew this long before the announced expiry, so a call never starts with a token about to lapse. */
const EXPIRY_MARGIN_MS = 60_000;

export function tokenCache(
  now: () => number,
  obtain: (signal?: AbortSignal) => Promise<TokenGrant>,
  isRefused: (error: unknown) => boolean = isUnauthorized,
): TokenCache {
  let grant: TokenGrant | null = null;
  let pending: Promise<TokenGrant> | null = null;

  async function fresh(signal?: AbortSignal): Promise<TokenGrant> {
    // Streams of one source share the token: one request for it, however many ask at once.
    pending ??= obtain(signal).finally(() => {
      pending = null;
    });
    grant = await pending;
    return grant;
  }

  async function get(signal?: AbortSignal): Promise<string> {
    if (grant === null || grant.expiresAt - EXPIRY_MARGIN_MS <= now()) return (await fresh(signal)).token;
    return grant.token;
  }

  return {
    get,
    async withToken(call, signal) {
      const token = await get(signal);
      try {
        return await call(token);
      } catch (error) {
        if (!isRefused(error)) throw error;
        grant = null;
        return call(await get(signal));
      }
    },
  };
}

/** The `exp` claim of a JWT as epoch ms, without verifying it (the platform does that). */
export function jwtExpiry(jwt: string): number | undefined {
  const payload = jwt.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
