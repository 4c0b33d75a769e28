// The disk of the SQLite file fills up mid-import: writes fail with a clear "disk is full" error that the log names,
// the jobs retry with backoff, and once space is back every batch is stored exactly once. Needs root (mounts a tmpfs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMentionFile } from '../../src/stages/import-file.js';
import { writeCrisisFile } from '../helpers/crisis-file.js';
import { requireRedis } from '../helpers/services.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { waitUntil } from '../helpers/wait.js';
import { countPipeline, expectedIdsHash, startChaosPipeline, type ChaosPipeline } from './chaos-pipeline.js';

let dir: string;
let disk: string;
let smtp: SmtpSink;
let pipeline: ChaosPipeline;
const logs: string[] = [];
/** The first score failure logged while the disk was full. */
let failureWhileFull: { err: string } | undefined;

function mount(args: string[]): void {
  const r = spawnSync('mount', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mount ${args.join(' ')} failed (${r.stderr.trim()}): this test must run as root, where it mounts a small tmpfs as a "disk"`);
}

beforeAll(async () => {
  await requireRedis();
  dir = mkdtempSync(join(tmpdir(), 'vigie-chaos-disk-'));
  disk = join(dir, 'disk');
  mkdirSync(disk);
  // Room for the schema and a few batches, not for the whole import.
  mount(['-t', 'tmpfs', '-o', 'size=1500k', 'tmpfs', disk]);
  smtp = await startSmtpSink();
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => logs.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  pipeline = await startChaosPipeline({ dataDir: dir, databaseUrl: `sqlite:${join(disk, 'vigie.db')}`, smtpUrl: smtp.url, logDestination: logStream });
});

afterAll(async () => {
  await pipeline?.stop();
  await smtp?.close();
  spawnSync('umount', [disk]);
  rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite disk full', () => {
  it('fails writes, retries with backoff, and stores everything exactly once when space is back', { timeout: 180_000 }, async () => {
    const { ctx } = pipeline;
    const file = writeCrisisFile(join(dir, 'mentions.jsonl'), { end: Date.UTC(2026, 2, 20, 12), days: 6, perHour: 20, angry: 200 });
    pipeline.startWorkers(['collect', 'score', 'detect', 'notify']);
    await importMentionFile(ctx, file.path);

    const failure = await waitUntil(async () => logs.find((line) => line.includes('"stage":"score"') && line.includes('job failed')), 'a score write refused while the disk is full', 60_000);
    failureWhileFull = JSON.parse(failure) as { err: string };
    expect((await countPipeline(ctx)).mentions).toBeLessThan(file.mentions.length);

    mount(['-o', 'remount,size=200m', disk]);
    const after = await waitUntil(async () => {
      const counts = await countPipeline(ctx);
      const pending = (await ctx.queues.score.getJobCounts('active', 'waiting', 'delayed', 'prioritized')) as Record<string, number>;
      return counts.mentions === file.mentions.length && Object.values(pending).every((n) => n === 0) ? counts : undefined;
    }, 'every batch stored once the disk has room again', 120_000);
    expect(after.mentionIds).toBe(expectedIdsHash(file.mentions));
    expect(after.rollupTotal).toBe(after.mentionEntityLinks);
    expect(await ctx.queues.score.getFailedCount()).toBe(0);
  });

  // SQLite rolls the transaction back itself on SQLITE_FULL; the store's rollback must not hide that cause.
  it('logs the real cause: the database or disk is full', () => {
    expect(failureWhileFull?.err).toMatch(/database or disk is full/);
  });
});
