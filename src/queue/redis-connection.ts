// Opens ioredis connections for BullMQ, with an error that says where we looked and how to start Redis.
import { Redis, type RedisOptions } from 'ioredis';

export class RedisUnavailableError extends Error {
  constructor(where: string, cause: string) {
    super(
      `Redis is not reachable at ${where} (${cause}). Start it with:\n` +
        `  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no\n` +
        `or set REDIS_URL=redis://host:port to a Redis you run elsewhere.`,
    );
    this.name = 'RedisUnavailableError';
  }
}

export interface RedisTarget {
  url?: string;
  /** A unix socket path (the embedded Redis Vigie starts itself). */
  socket?: string;
}

export function describeRedis(target: RedisTarget): string {
  if (target.socket) return `unix:${target.socket}`;
  if (!target.url) return '127.0.0.1:6379';
  const u = new URL(target.url);
  return `${u.hostname}:${u.port || 6379}`; // never the password
}

/** A connection suitable for BullMQ workers (no per-command retry limit: blocking commands must wait). */
export function createRedis(target: RedisTarget, extra: RedisOptions = {}): Redis {
  const options: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false, ...extra };
  if (target.socket) return new Redis({ path: target.socket, ...options });
  if (target.url) return new Redis(target.url, options);
  return new Redis({ host: '127.0.0.1', port: 6379, ...options });
}

/** Resolves when Redis answers PING; rejects with RedisUnavailableError otherwise. */
export async function pingRedis(target: RedisTarget, timeoutMs = 3000): Promise<void> {
  const client = createRedis(target, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null, connectTimeout: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new RedisUnavailableError(describeRedis(target), (error as Error).message || String(error));
  } finally {
    client.disconnect();
  }
}
