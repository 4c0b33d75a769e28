// Finds the Redis to use: redis.cluster, else redis.url, else 127.0.0.1:6379, else a private embedded redis-server.
import type { Logger } from 'pino';
import { redisServerInstalled, startEmbeddedRedis, type EmbeddedRedis } from './embedded-redis.js';
import { parseClusterSeeds } from './cluster-seeds.js';
import { pingRedis, RedisUnavailableError, type RedisTarget } from './redis-connection.js';

export interface ResolvedRedis {
  target: RedisTarget;
  embedded?: EmbeddedRedis;
}

/** The configured Redis, or undefined when none is configured (then 127.0.0.1:6379 or an embedded one). */
export function configuredRedis(redis: { url: string; cluster?: string | string[] }): RedisTarget | undefined {
  if (redis.cluster !== undefined) return { cluster: parseClusterSeeds(redis.cluster) };
  return redis.url ? { url: redis.url } : undefined;
}

export async function resolveRedis(redis: { url: string; cluster?: string | string[] }, dataDir: string, logger: Logger): Promise<ResolvedRedis> {
  const configured = configuredRedis(redis);
  if (configured) {
    await pingRedis(configured);
    return { target: configured };
  }
  try {
    await pingRedis({});
    return { target: {} };
  } catch (error) {
    if (!redisServerInstalled()) {
      throw new RedisUnavailableError('127.0.0.1:6379', `${(error as Error).message.split('\n')[0]}; and redis-server is not installed (apt-get install redis-server)`);
    }
    logger.info({ dataDir }, 'nothing answers on 127.0.0.1:6379: starting a private redis-server under the data folder');
    const embedded = await startEmbeddedRedis(dataDir);
    return { target: embedded.target, embedded };
  }
}
