// Redis on the embedded default: a private redis-server on a socket under the data folder, and a clear error when none answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redisServerInstalled, startEmbeddedRedis } from '../../../src/queue/embedded-redis.js';
import { createRedis, pingRedis, RedisUnavailableError } from '../../../src/queue/redis-connection.js';

describe('finding Redis', () => {
  it('says where it looked and how to start Redis when nothing answers', async () => {
    const error = await pingRedis({ url: 'redis://127.0.0.1:1' }, 1000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect((error as Error).message).toMatch(/^Redis is not reachable at 127\.0\.0\.1:1 \(/);
    expect((error as Error).message).toContain('redis-server --daemonize yes');
    expect((error as Error).message).toContain('REDIS_URL=');
  });

  it('never shows the password of a Redis URL', async () => {
    const error = await pingRedis({ url: 'redis://:s3cr3t-pass@127.0.0.1:1' }, 1000).catch((e: unknown) => e);
    expect((error as Error).message).not.toContain('s3cr3t-pass');
  });

  it.runIf(redisServerInstalled())('starts a private redis-server on a socket under the data folder and stops it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-redis-'));
    try {
      const embedded = await startEmbeddedRedis(dir);
      expect(embedded.target.socket).toBe(join(dir, 'redis.sock'));
      const client = createRedis(embedded.target);
      expect(await client.set('k', 'v')).toBe('OK');
      expect(await client.get('k')).toBe('v');
      client.disconnect();
      await embedded.stop();
      await expect(pingRedis(embedded.target, 500)).rejects.toBeInstanceOf(RedisUnavailableError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
