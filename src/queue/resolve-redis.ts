// Finds the Redis to use: REDIS_URL, else 127.0.0.1:6379, else a private embedded redis-server.
import type { Logger } from 'pino';
import { redisServerInstalled, startEmbeddedRedis, type EmbeddedRedis } from './embedded-redis.js';
import { pingRedis, RedisUnavailableError, type RedisTarget } from './redis-connection.js';

export interface ResolvedRedis {
  target: RedisTarget;
  embedded?: EmbeddedRedis;
}

export async function resolveRedis(url: string, dataDir: string, logger: Logger): Promise<ResolvedRedis> {
  if (url) {
    await pingRedis({ url });
    return { target: { url } };
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
