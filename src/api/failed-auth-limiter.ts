// Counts wrong credentials per route family and client address, and blocks a client that tries too many (guessing).
import { createHash } from 'node:crypto';

/** Routes that take different credentials, or the same token from different tools, each with its own count. */
export type RouteFamily = 'api' | 'operator' | 'ack';

export interface FailedAuthLimiterOptions {
  /** Distinct wrong credentials allowed in one window before the client is blocked. @defaultValue 10 */
  maxFailures?: number;
  /** @defaultValue 15 minutes */
  windowMs?: number;
  /** Clients remembered at most (oldest forgotten first), so a flood of addresses cannot exhaust memory. @defaultValue 10000 */
  maxClients?: number;
}

export interface FailedAuthLimiter {
  /** Milliseconds until the client's wrong credentials of this family are considered again, or 0 when it is not blocked. */
  blockedFor(family: RouteFamily, client: string, now: number): number;
  /**
   * Counts a wrong credential. Each distinct credential counts once per window: an expired link opened ten times, or a
   * scraper still sending last year's token, is one mistake repeated, not a guessing run.
   */
  recordFailure(family: RouteFamily, client: string, credential: string, now: number): void;
}

/** A short digest: the credentials themselves are never kept, even wrong ones (they may be a mistyped real token). */
const fingerprint = (credential: string) => createHash('sha256').update(credential).digest('base64url').slice(0, 16);

export function createFailedAuthLimiter(options: FailedAuthLimiterOptions = {}): FailedAuthLimiter {
  const maxFailures = options.maxFailures ?? 10;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const maxClients = options.maxClients ?? 10_000;
  const windows = new Map<string, { start: number; credentials: Set<string> }>();
  const keyOf = (family: RouteFamily, client: string) => `${family} ${client}`;
  const current = (key: string, now: number) => {
    const w = windows.get(key);
    if (w && now - w.start < windowMs) return w;
    windows.delete(key);
    return undefined;
  };
  return {
    blockedFor(family, client, now) {
      const w = current(keyOf(family, client), now);
      return w && w.credentials.size >= maxFailures ? w.start + windowMs - now : 0;
    },
    recordFailure(family, client, credential, now) {
      const key = keyOf(family, client);
      const w = current(key, now);
      if (w) {
        if (w.credentials.size < maxFailures) w.credentials.add(fingerprint(credential));
        return;
      }
      if (windows.size >= maxClients) windows.delete(windows.keys().next().value!);
      windows.set(key, { start: now, credentials: new Set([fingerprint(credential)]) });
    },
  };
}
