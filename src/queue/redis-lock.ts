// A short Redis lock: two runs of the same digest (a retried and a duplicated job) never send it at the same time, and
// two alerts of one entity family are never told at the same time (each must see what the other told).
import { randomBytes } from 'node:crypto';
import type { RedisClient } from './redis-connection.js';

export interface RedisLock {
  /** Releases the lock if this holder still owns it (an expired lock taken over by another run is left alone). */
  release(): Promise<void>;
}

const RELEASE_IF_OWNER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Null when another run holds it. The TTL must outlast the work it guards, SMTP and HTTP timeouts included. */
export async function acquireLock(redis: RedisClient, key: string, ttlMs: number): Promise<RedisLock | null> {
  const token = randomBytes(12).toString('hex');
  const taken = await redis.set(key, token, 'PX', ttlMs, 'NX');
  if (taken !== 'OK') return null;
  return {
    async release() {
      await redis.eval(RELEASE_IF_OWNER, 1, key, token);
    },
  };
}

/**
 * Tries every `pollMs` for up to `maxWaitMs`; null if the lock is still held then. For locks held a few milliseconds
 * at a time, where waiting in place costs less than putting the job back in the queue.
 */
export async function acquireLockWithin(redis: RedisClient, key: string, ttlMs: number, maxWaitMs: number, pollMs = 20): Promise<RedisLock | null> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const lock = await acquireLock(redis, key, ttlMs);
    if (lock !== null || Date.now() >= deadline) return lock;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
