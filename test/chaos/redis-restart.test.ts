// Redis restarted while jobs are queued and in flight: workers reconnect by themselves, every batch is stored
// exactly once, and the job schedulers are still there afterwards. Both ways a batch is stored: through the score
// queue, and within the collect job (the default where one process runs both stages).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../src/api/server.js';
import { diagnose } from '../../src/commands/doctor.js';
import { upsertMaintenanceSchedulers } from '../../src/queue/schedulers.js';
import { importMentionFile } from '../../src/stages/import-file.js';
import { writeCrisisFile } from '../helpers/crisis-file.js';
import { startPrivateRedis, type PrivateRedis } from '../helpers/private-services.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { waitUntil } from '../helpers/wait.js';
import { countPipeline, expectedIdsHash, startChaosPipeline, type ChaosPipeline } from './chaos-pipeline.js';

let dir: string;
let smtp: SmtpSink;
let redis: PrivateRedis;
let pipeline: ChaosPipeline;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-chaos-redis-'));
  redis = await startPrivateRedis();
  smtp = await startSmtpSink();
  pipeline = await startChaosPipeline({ dataDir: dir, databaseUrl: `sqlite:${join(dir, 'vigie.db')}`, smtpUrl: smtp.url, redisUrl: redis.url });
});

afterAll(async () => {
  await redis?.start().catch(() => undefined);
  await pipeline?.stop();
  await redis?.destroy();
  await smtp?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Restarts Redis while batches are in flight, then checks that every one was stored exactly once. */
async function restartUnderLoad(pipeline: ChaosPipeline, dir: string): Promise<void> {
    const { ctx } = pipeline;
    await upsertMaintenanceSchedulers(ctx);
    const schedulersBefore = (await ctx.queues.maintain.getJobSchedulers()).map((s) => s.key).sort();
    expect(schedulersBefore.length).toBeGreaterThan(0);

    const file = writeCrisisFile(join(dir, 'mentions.jsonl'), { end: Date.UTC(2026, 2, 20, 12), days: 6, perHour: 80, angry: 200 });
    // The whole load (11,720 mentions) is queued before the workers start, and Redis stops as soon as they have stored
    // a first batch (looked for every few milliseconds): with the workers running during the import, or with a quarter
    // of the load, a fast machine had sometimes stored everything before the first look for a batch in flight.
    await importMentionFile(ctx, file.path);
    pipeline.startWorkers(['collect', 'score', 'detect', 'notify']);
    const stored = async () => Number((await ctx.store.db.selectFrom('mentions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    await waitUntil(async () => (await stored()) > 0, 'the first batch stored', 60_000, 5);
    await redis.stop();
    const storedAtStop = await stored();
    let doctorSawRedis: boolean | undefined;
    try {
      // The outage is visible in `vigie doctor` and /health/ready (case below).
      doctorSawRedis = (await diagnose(ctx.config)).find((c) => c.name === 'redis')?.ok;
      await new Promise((r) => setTimeout(r, 3000));
    } finally {
      await redis.start();
    }
    expect(storedAtStop, 'Redis stopped after the whole load was stored: the restart would test nothing').toBeLessThan(file.mentions.length);
    expect(doctorSawRedis).toBe(false);

    const after = await waitUntil(async () => {
      const counts = await countPipeline(ctx);
      const pending = await Promise.all([ctx.queues.collect, ctx.queues.score].map((q) => q.getJobCounts('active', 'waiting', 'delayed', 'prioritized')));
      return counts.mentions === file.mentions.length && pending.every((p) => Object.values(p).every((n) => n === 0)) ? counts : undefined;
    }, 'every batch stored after the restart', 120_000);
    expect(after.mentionIds).toBe(expectedIdsHash(file.mentions));
    expect(after.rollupTotal).toBe(after.mentionEntityLinks);
    expect(await ctx.queues.collect.getFailedCount()).toBe(0);
    expect(await ctx.queues.score.getFailedCount()).toBe(0);
    expect((await ctx.queues.maintain.getJobSchedulers()).map((s) => s.key).sort()).toEqual(schedulersBefore);
}

describe('Redis restarted under load', () => {
  it('loses no job, stores every batch once, and keeps the schedulers', { timeout: 180_000 }, async () => {
    await restartUnderLoad(pipeline, dir);
  });

  it('does the same when batches are scored and stored within the collect job', { timeout: 180_000 }, async () => {
    const inlineDir = mkdtempSync(join(tmpdir(), 'vigie-chaos-redis-inline-'));
    const inline = await startChaosPipeline({ dataDir: inlineDir, databaseUrl: `sqlite:${join(inlineDir, 'vigie.db')}`, smtpUrl: smtp.url, redisUrl: redis.url, scoreInCollect: true });
    try {
      await restartUnderLoad(inline, inlineDir);
    } finally {
      await inline.stop();
      rmSync(inlineDir, { recursive: true, force: true });
    }
  });

  // The shared connection queues commands while it reconnects (maxRetriesPerRequest: null): the check must not wait for it.
  it('/health/ready answers 503 naming Redis within 5 s while Redis is down', { timeout: 60_000 }, async () => {
    const { ctx } = pipeline;
    const api = await buildApi({ config: ctx.config, store: ctx.store, logger: ctx.logger, redis: ctx.redis, redisPrefix: pipeline.prefix });
    await redis.stop();
    try {
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('/health/ready did not answer within 5 s while Redis was down')), 5000));
      const health = await Promise.race([api.inject({ method: 'GET', url: '/health/ready' }), timeout]);
      expect(health.statusCode).toBe(503);
      expect(health.json().checks.redis).toMatch(/^failed/);
    } finally {
      await redis.start();
      await api.close();
    }
  });
});
