// The SMTP server is down when a crisis alert fires: the alert is not marked notified while it is down, retries
// are logged, and when the server is back the email is delivered exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMentionFile } from '../../src/stages/import-file.js';
import { writeCrisisFile } from '../helpers/crisis-file.js';
import { requireRedis } from '../helpers/services.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { waitUntil } from '../helpers/wait.js';
import { countPipeline, startChaosPipeline, type ChaosPipeline } from './chaos-pipeline.js';

/**
 * The issue says two minutes; the retry schedule (1 s, 2 s, 4 s ... doubling) behaves the same for any outage
 * shorter than its last step, so the default is compressed to 20 s. VIGIE_CHAOS_SMTP_DOWN_MS=120000 runs the full one.
 */
const SMTP_DOWN_MS = Number(process.env.VIGIE_CHAOS_SMTP_DOWN_MS ?? 20_000);

let dir: string;
let smtp: SmtpSink;
let pipeline: ChaosPipeline;
const logs: string[] = [];

beforeAll(async () => {
  await requireRedis();
  dir = mkdtempSync(join(tmpdir(), 'vigie-chaos-smtp-'));
  smtp = await startSmtpSink();
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => logs.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  pipeline = await startChaosPipeline({ dataDir: dir, databaseUrl: `sqlite:${join(dir, 'vigie.db')}`, smtpUrl: smtp.url, logDestination: logStream });
});

afterAll(async () => {
  await pipeline?.stop();
  await smtp?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SMTP down when an alert fires', () => {
  it('delivers the alert email once when SMTP is back, and never marks it notified before', { timeout: 240_000 }, async () => {
    const { ctx } = pipeline;
    const port = smtp.port;
    await smtp.close();
    const file = writeCrisisFile(join(dir, 'crisis.jsonl'), { end: Date.UTC(2026, 2, 20, 12) });
    pipeline.startWorkers(['collect', 'score', 'detect', 'notify']);
    await importMentionFile(ctx, file.path);

    const failedDelivery = await waitUntil(async () => {
      const rows = await ctx.store.db.selectFrom('alert_deliveries').selectAll().where('delivered_at', 'is', null).where('attempts', '>=', 1).execute();
      return rows[0];
    }, 'a failed delivery attempt while SMTP is down', 120_000);
    const downSince = Date.now();
    while (Date.now() - downSince < SMTP_DOWN_MS) {
      const alert = await ctx.store.db.selectFrom('alerts').select(['notified_at']).where('id', '=', failedDelivery.alert_id).executeTakeFirstOrThrow();
      expect(alert.notified_at).toBeNull();
      await new Promise((r) => setTimeout(r, 1000));
    }
    const during = await countPipeline(ctx);
    expect(during.delivered).toBe(0);
    expect(logs.some((line) => line.includes('alert delivery failed; will retry'))).toBe(true);

    const backAt = Date.now();
    smtp = await startSmtpSink(port);
    await smtp.waitFor(() => true, 120_000);
    const after = await waitUntil(async () => {
      const counts = await countPipeline(ctx);
      const pending = (await ctx.queues.notify.getJobCounts('active', 'waiting', 'delayed')) as Record<string, number>;
      return counts.delivered === counts.deliveries && Object.values(pending).every((n) => n === 0) ? counts : undefined;
    }, 'every delivery to be done', 120_000);
    // Give a duplicate the time to show up if there were one.
    await new Promise((r) => setTimeout(r, 2000));
    expect(smtp.messages.length).toBe(after.delivered);
    const alert = await ctx.store.db.selectFrom('alerts').select(['notified_at']).where('id', '=', failedDelivery.alert_id).executeTakeFirstOrThrow();
    expect(Number(alert.notified_at)).toBeGreaterThanOrEqual(backAt);
  });
});
