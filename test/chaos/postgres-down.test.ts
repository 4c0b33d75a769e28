// PostgreSQL stopped under load: jobs wait and retry with backoff, no job that stores completes while the database is
// down (nothing acknowledged before it is stored), and every batch is stored exactly once when it is back. Both ways a
// batch is stored: through the score queue, and within the collect job (the default where one process runs both).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../src/api/server.js';
import { diagnose } from '../../src/commands/doctor.js';
import { importMentionFile } from '../../src/stages/import-file.js';
import { writeCrisisFile } from '../helpers/crisis-file.js';
import { startPrivatePostgres, type PrivatePostgres } from '../helpers/private-services.js';
import { requireRedis } from '../helpers/services.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { waitUntil } from '../helpers/wait.js';
import { countPipeline, expectedIdsHash, startChaosPipeline, type ChaosPipeline } from './chaos-pipeline.js';

/** The 30 seconds; VIGIE_CHAOS_PG_DOWN_MS changes it. */
const PG_DOWN_MS = Number(process.env.VIGIE_CHAOS_PG_DOWN_MS ?? 30_000);
/** Long enough for a job that committed before the stop to be marked completed; far shorter than any retry. */
const IN_FLIGHT_SETTLE_MS = 2_000;

let dir: string | undefined;
let smtp: SmtpSink | undefined;
let postgres: PrivatePostgres | undefined;
let pipeline: ChaosPipeline | undefined;

beforeAll(async () => {
  await requireRedis();
});

afterEach(async () => {
  await postgres?.start().catch(() => undefined);
  await pipeline?.stop();
  await postgres?.destroy();
  await smtp?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = smtp = postgres = pipeline = undefined;
});

describe.each([
  { path: 'through the score queue', scoreInCollect: false, storing: 'score' },
  { path: 'within the collect job', scoreInCollect: true, storing: 'collect' },
] as const)('PostgreSQL stopped under load, batches stored $path', ({ scoreInCollect, storing }) => {
  it('retries with backoff, acknowledges nothing while down, and stores every batch once', { timeout: 240_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-chaos-pg-'));
    postgres = await startPrivatePostgres();
    smtp = await startSmtpSink();
    const logs: string[] = [];
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => logs.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    pipeline = await startChaosPipeline({ dataDir: dir, databaseUrl: postgres.url, smtpUrl: smtp.url, logDestination: logStream, scoreInCollect });
    const { ctx } = pipeline;
    const storingQueue = ctx.queues[storing];
    const file = writeCrisisFile(join(dir, 'mentions.jsonl'), { end: Date.UTC(2026, 2, 20, 12), days: 6, perHour: 20, angry: 200 });
    pipeline.startWorkers(['collect', 'score', 'detect', 'notify']);
    await importMentionFile(ctx, file.path);
    await waitUntil(async () => (await countPipeline(ctx)).mentions > 0, 'the first batches stored', 60_000);

    await postgres.stop();
    // A job whose transaction committed just before the stop still reports its completion to Redis a moment
    // later (pg_ctl blocks the event loop while it stops the server), so the count is taken once those settled.
    await new Promise((r) => setTimeout(r, IN_FLIGHT_SETTLE_MS));
    const completedAtStop = await storingQueue.getCompletedCount();
    // The outage is visible: `vigie doctor` and /health/ready name the database.
    expect((await diagnose(ctx.config)).find((c) => c.name === 'database')?.ok).toBe(false);
    const api = await buildApi({ config: ctx.config, store: ctx.store, logger: ctx.logger, redis: ctx.redis, redisPrefix: pipeline.prefix });
    try {
      const health = await api.inject({ method: 'GET', url: '/health/ready' });
      expect(health.statusCode).toBe(503);
      expect(health.json().checks.database).toMatch(/^failed/);
    } finally {
      await api.close();
    }
    await new Promise((r) => setTimeout(r, PG_DOWN_MS - IN_FLIGHT_SETTLE_MS));
    // No job completes while the database is down.
    expect(await storingQueue.getCompletedCount()).toBe(completedAtStop);
    expect(logs.some((line) => line.includes('job failed (will retry if attempts remain)'))).toBe(true);
    await postgres.start();

    const after = await waitUntil(async () => {
      const counts = await countPipeline(ctx);
      const pending = await Promise.all([ctx.queues.collect, ctx.queues.score].map((q) => q.getJobCounts('active', 'waiting', 'delayed', 'prioritized')));
      return counts.mentions === file.mentions.length && pending.every((p) => Object.values(p).every((n) => n === 0)) ? counts : undefined;
    }, 'every batch stored after PostgreSQL is back', 150_000);
    expect(after.mentionIds).toBe(expectedIdsHash(file.mentions));
    expect(after.rollupTotal).toBe(after.mentionEntityLinks);
    expect(await ctx.queues.collect.getFailedCount()).toBe(0);
    expect(await ctx.queues.score.getFailedCount()).toBe(0);
  });
});
