// Counts failed credential attempts per client address and blocks a client that fails too often (token guessing).

export interface FailedAuthLimiterOptions {
  /** Failures allowed in one window before the client is blocked. @defaultValue 10 */
  maxFailures?: number;
  /** @defaultValue 15 minutes */
  windowMs?: number;
  /** Clients remembered at most (oldest forgotten first), so a flood of addresses cannot exhaust memory. @defaultValue 10000 */
  maxClients?: number;
}

export interface FailedAuthLimiter {
  /** Milliseconds until the client may try again, or 0 when it is not blocked. */
  blockedFor(client: string, now: number): number;
  recordFailure(client: string, now: number): void;
}

export function createFailedAuthLimiter(options: FailedAuthLimiterOptions = {}): FailedAuthLimiter {
  const maxFailures = options.maxFailures ?? 10;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const maxClients = options.maxClients ?? 10_000;
  const windows = new Map<string, { start: number; failures: number }>();
  const current = (client: string, now: number) => {
    const w = windows.get(client);
    if (w && now - w.start < windowMs) return w;
    windows.delete(client);
    return undefined;
  };
  return {
    blockedFor(client, now) {
      const w = current(client, now);
      return w && w.failures >= maxFailures ? w.start + windowMs - now : 0;
    },
    recordFailure(client, now) {
      const w = current(client, now);
      if (w) {
        w.failures += 1;
        return;
      }
      if (windows.size >= maxClients) windows.delete(windows.keys().next().value!);
      windows.set(client, { start: now, failures: 1 });
    },
  };
}
