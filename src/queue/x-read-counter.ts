// Counts the X posts read this UTC month, in Redis, so the monthly budget is spread and doctor can show what is left.
import type { RedisClient } from './redis-connection.js';

const monthKey = (prefix: string, now: number) => `${prefix}:x-reads:${new Date(now).toISOString().slice(0, 7)}`;
/** A month's counter outlives its month by a few days, then Redis forgets it. */
const KEEP_SECONDS = 40 * 24 * 3600;

export async function addXReads(redis: RedisClient, prefix: string, count: number, now: number): Promise<void> {
  if (count <= 0) return;
  const key = monthKey(prefix, now);
  await redis.multi().incrby(key, count).expire(key, KEEP_SECONDS).exec();
}

export async function xReadsThisMonth(redis: RedisClient, prefix: string, now: number): Promise<number> {
  return Number((await redis.get(monthKey(prefix, now))) ?? 0);
}
