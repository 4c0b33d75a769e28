// kill -9 of a worker process in the middle of a batch: the stalled job is taken again by another worker and the
// batch is stored exactly once (same ids, rollups counted once, nothing quarantined, nothing failed). Both ways a
// batch is stored: by a score worker reading the score queue, and by a `collect score` worker that scores and stores
// within the collect job (the default where one process runs both stages), where the stalled job is a collect job.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Stage } from '../../src/queue/names.js';
import { importMentionFile } from '../../src/stages/import-file.js';
import { countQuarantined } from '../../src/store/quarantine-repository.js';
import { writeCrisisFile } from '../helpers/crisis-file.js';
import { requireRedis } from '../helpers/services.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { waitUntil } from '../helpers/wait.js';
import { countPipeline, expectedIdsHash, startChaosPipeline, type ChaosPipeline } from './chaos-pipeline.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let dir: string | undefined;
let smtp: SmtpSink | undefined;
let pipeline: ChaosPipeline | undefined;
let child: ChildProcess | undefined;

beforeAll(async () => {
  await requireRedis();
});

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  await pipeline?.stop();
  await smtp?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  child = pipeline = smtp = dir = undefined;
});

/** `vigie worker <stages>` in its own process group, so that SIGKILL reaches node itself and not only npx. */
function spawnWorker(configPath: string, stages: readonly Stage[]): ChildProcess {
  return spawn('npx', ['tsx', 'src/cli.ts', 'worker', ...stages, '-c', configPath], {
    cwd: ROOT, detached: true, stdio: 'ignore', env: { ...process.env, LOG_LEVEL: 'silent' },
  });
}

const PATHS = [
  { name: 'a score worker (score queue)', scoreInCollect: false, here: ['collect'], killed: ['score'], storing: 'score', perHour: 20 },
  // Four times the mentions: without the second queue hop the process could store them all before it is killed.
  { name: 'a collect + score worker (scored within the collect job)', scoreInCollect: true, here: [], killed: ['collect', 'score'], storing: 'collect', perHour: 80 },
] as const satisfies readonly { name: string; scoreInCollect: boolean; here: readonly Stage[]; killed: readonly Stage[]; storing: 'score' | 'collect'; perHour: number }[];

describe.each(PATHS)('$name killed with SIGKILL mid-batch', (path) => {
  it('leaves a stalled job that another worker stores exactly once', { timeout: 180_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-chaos-kill-'));
    smtp = await startSmtpSink();
    pipeline = await startChaosPipeline({ dataDir: dir, databaseUrl: `sqlite:${join(dir, 'vigie.db')}`, smtpUrl: smtp.url, scoreInCollect: path.scoreInCollect });
    const { ctx } = pipeline;
    const storingQueue = ctx.queues[path.storing];
    const file = writeCrisisFile(join(dir, 'mentions.jsonl'), { end: Date.UTC(2026, 2, 20, 12), days: 6, perHour: path.perHour, angry: 200 });
    if (path.here.length) pipeline.startWorkers(path.here);
    const worker = (child = spawnWorker(pipeline.configPath, path.killed));
    const summary = await importMentionFile(ctx, file.path);
    expect(summary.queued).toBe(file.mentions.length);

    await waitUntil(async () => (await storingQueue.getActiveCount()) > 0, 'the worker process to take a batch', 60_000, 5);
    const before = await countPipeline(ctx);
    process.kill(-worker.pid!, 'SIGKILL');
    await new Promise((resolve) => worker.once('exit', resolve));
    // Killed in the middle: a batch was active and not everything was stored yet.
    expect(before.mentions).toBeLessThan(file.mentions.length);

    pipeline.startWorkers(path.scoreInCollect ? ['collect', 'score', 'detect', 'notify'] : ['score', 'detect', 'notify']);
    const after = await waitUntil(async () => {
      const counts = await countPipeline(ctx);
      const pending = await Promise.all([ctx.queues.collect, ctx.queues.score].map((q) => q.getJobCounts('active', 'waiting', 'delayed', 'prioritized')));
      return counts.mentions === file.mentions.length && pending.every((p) => Object.values(p).every((n) => n === 0)) ? counts : undefined;
    }, 'every batch to be stored after the stalled job was taken again', 120_000);

    expect(after.mentionIds).toBe(expectedIdsHash(file.mentions));
    expect(after.rollupTotal).toBe(after.mentionEntityLinks);
    expect(await countQuarantined(ctx.store.db)).toBe(0);
    expect(await ctx.queues.collect.getFailedCount()).toBe(0);
    expect(await ctx.queues.score.getFailedCount()).toBe(0);
  });
});
