// Runs a command's few Redis calls on a short-lived connection that fails at once when Redis is not there.
import type { VigieConfig } from '../config/load-config.js';
import { createRedis, type RedisClient } from '../queue/redis-connection.js';
import { configuredRedis } from '../queue/resolve-redis.js';

export async function withRedis<T>(config: VigieConfig, use: (redis: RedisClient) => Promise<T>): Promise<T> {
  const redis = createRedis(configuredRedis(config.redis) ?? {}, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}
