// kill -9 of a score worker process in the middle of a batch: the stalled job is taken again by another worker and
// the batch is stored exactly once (same ids, rollups counted once, nothing quarantined, nothing failed).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMentionFile } from '../../src/stages/import-file.js';
import { countQuarantined } from '../../src/store/quarantine-repository.js';
import { writeCrisisFile } from '../helpers/crisis-file.js';
import { requireRedis } from '../helpers/services.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { waitUntil } from '../helpers/wait.js';
import { countPipeline, expectedIdsHash, startChaosPipeline, type ChaosPipeline } from './chaos-pipeline.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let dir: string;
let smtp: SmtpSink;
let pipeline: ChaosPipeline;
let child: ChildProcess | undefined;

beforeAll(async () => {
  await requireRedis();
  dir = mkdtempSync(join(tmpdir(), 'vigie-chaos-kill-'));
  smtp = await startSmtpSink();
  pipeline = await startChaosPipeline({ dataDir: dir, databaseUrl: `sqlite:${join(dir, 'vigie.db')}`, smtpUrl: smtp.url });
});

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  await pipeline?.stop();
  await smtp?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `vigie worker score` in its own process group, so that SIGKILL reaches node itself and not only npx. */
function spawnScoreWorker(configPath: string): ChildProcess {
  return spawn('npx', ['tsx', 'src/cli.ts', 'worker', 'score', '-c', configPath], {
    cwd: ROOT, detached: true, stdio: 'ignore', env: { ...process.env, LOG_LEVEL: 'silent' },
  });
}

describe('a worker process killed with SIGKILL mid-batch', () => {
  it('leaves a stalled job that another worker stores exactly once', { timeout: 180_000 }, async () => {
    const { ctx } = pipeline;
    const file = writeCrisisFile(join(dir, 'mentions.jsonl'), { end: Date.UTC(2026, 2, 20, 12), days: 6, perHour: 20, angry: 200 });
    pipeline.startWorkers(['collect']);
    child = spawnScoreWorker(pipeline.configPath);
    const summary = await importMentionFile(ctx, file.path);
    expect(summary.queued).toBe(file.mentions.length);

    await waitUntil(async () => (await ctx.queues.score.getActiveCount()) > 0, 'the worker process to take a score batch', 60_000);
    const before = await countPipeline(ctx);
    process.kill(-child.pid!, 'SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    // Killed in the middle: a batch was active and not everything was stored yet.
    expect(before.mentions).toBeLessThan(file.mentions.length);

    pipeline.startWorkers(['score', 'detect', 'notify']);
    const after = await waitUntil(async () => {
      const counts = await countPipeline(ctx);
      const pending = (await ctx.queues.score.getJobCounts('active', 'waiting', 'delayed', 'prioritized')) as Record<string, number>;
      return counts.mentions === file.mentions.length && Object.values(pending).every((n) => n === 0) ? counts : undefined;
    }, 'every batch to be stored after the stalled job was taken again', 120_000);

    expect(after.mentionIds).toBe(expectedIdsHash(file.mentions));
    expect(after.rollupTotal).toBe(after.mentionEntityLinks);
    expect(await countQuarantined(ctx.store.db)).toBe(0);
    expect(await ctx.queues.score.getFailedCount()).toBe(0);
  });
});
