// The whole pipeline on real services: a file imported through Redis becomes stored, scored mentions, one alert and one email.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMentionFile } from '../../../src/stages/import-file.js';
import { countQuarantined } from '../../../src/store/quarantine-repository.js';
import { writeCrisisFile } from '../../helpers/crisis-file.js';
import { startTestPipeline, type TestPipeline } from '../../helpers/pipeline.js';
import { DIALECTS } from '../../helpers/services.js';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.js';
import { waitUntil } from '../../helpers/wait.js';

describe.each(DIALECTS)('pipeline on %s', (dialect) => {
  let smtp: SmtpSink;
  let pipeline: TestPipeline;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-pipeline-'));
    smtp = await startSmtpSink();
    pipeline = await startTestPipeline(dialect, { smtpUrl: smtp.url, dataDir: dir });
  });
  afterAll(async () => {
    await pipeline?.stop();
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports, scores, stores once, raises one alert and emails it', async () => {
    const { db } = pipeline.ctx.store;
    const file = writeCrisisFile(join(dir, 'mentions.jsonl'), { end: Date.parse('2026-11-20T15:00:00Z') });
    appendFileSync(file.path, '{"this is": "not a mention"}\n{broken json\n');
    const total = file.calmCount + file.angryCount;

    const summary = await importMentionFile(pipeline.ctx, file.path, 'test-import');
    expect(summary.queued).toBe(total);
    expect(summary.quarantined).toBe(2);
    expect(await countQuarantined(db)).toBe(2);

    const count = async () => Number((await db.selectFrom('mentions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    await waitUntil(async () => (await count()) === total, `${total} stored mentions`, 60_000);

    const angry = await db.selectFrom('mentions').select(['lang', 'sentiment_label', 'risk_flags']).where('external_id', 'like', 'angry-%').execute();
    expect(angry.filter((m) => m.sentiment_label === 'negative').length).toBeGreaterThan(angry.length * 0.7);
    expect(angry.filter((m) => m.risk_flags !== '[]').length).toBeGreaterThan(angry.length * 0.5);
    expect(new Set(angry.map((m) => m.lang))).toEqual(new Set(['en', 'fr']));

    const rollup = await db.selectFrom('rollups_hourly').select((eb) => eb.fn.sum<number>('total').as('n')).where('entity_id', '=', 'acme').executeTakeFirstOrThrow();
    expect(Number(rollup.n)).toBe(total);

    const email = await smtp.waitFor((m) => /Acme/.test(m.subject ?? ''), 60_000);
    expect(email.to && 'text' in email.to ? email.to.text : '').toContain('cm@acme.test');
    expect(email.html).toContain('Take charge');
    expect(email.text).toMatch(/Top mentions/);

    // The SMTP server accepts the message a moment before the worker records the delivery.
    const alerts = await waitUntil(async () => {
      const rows = await db.selectFrom('alerts').selectAll().where('entity_id', '=', 'acme').execute();
      return rows.length > 0 && rows.every((a) => a.notified_at !== null) && rows;
    }, 'the alert marked notified');
    expect(alerts).toHaveLength(1);
    const deliveries = await db.selectFrom('alert_deliveries').selectAll().where('alert_id', '=', alerts[0].id).execute();
    expect(deliveries.map((d) => d.status)).toContain('delivered');

    // The same file again: nothing new is stored, no second alert, no second email for it.
    const emailsBefore = smtp.messages.length;
    await importMentionFile(pipeline.ctx, file.path, 'test-import-again');
    await waitUntil(async () => (await pipeline.ctx.queues.score.getJobCounts('waiting', 'active', 'delayed')).waiting === 0, 'score queue drained');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await count()).toBe(total);
    expect(await db.selectFrom('alerts').selectAll().where('entity_id', '=', 'acme').execute()).toHaveLength(1);
    expect(smtp.messages.filter((m) => /^\[Vigie\] \w+ alert ·/.test(m.subject ?? '')).length).toBe(smtp.messages.slice(0, emailsBefore).filter((m) => /^\[Vigie\] \w+ alert ·/.test(m.subject ?? '')).length);
  });
});
