// The scheduled PDF report: the digest queue's 'report' job prints the overview of the last full week with Chromium
// and emails it as a PDF once, in the entity's language; its scheduler is upserted beside the digest's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestSchedules } from '../../../src/queue/digest-schedulers.js';
import { runReport } from '../../../src/stages/report.js';
import { startTestPipeline, type TestPipeline } from '../../helpers/pipeline.js';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.js';

describe('scheduled PDF report', () => {
  let smtp: SmtpSink;
  let pipeline: TestPipeline;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-report-'));
    smtp = await startSmtpSink();
    pipeline = await startTestPipeline('sqlite', {
      smtpUrl: smtp.url,
      dataDir: dir,
      yaml: (base) =>
        base.replace(
          '  - { id: acme, name: Acme, kind: brand, terms: [Acme, "@acme", "#AcmeFail"], ownHandles: { file: [acme] } }',
          '  - { id: acme, name: Acme, kind: brand, locale: fr, timezone: Europe/Paris, terms: [Acme], report: { every: week, recipients: [pr@acme.test] } }',
        ),
    });
  });
  afterAll(async () => {
    await pipeline?.stop();
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is scheduled on Mondays at 08:00 in the entity time zone', () => {
    expect(digestSchedules(pipeline.ctx.config)).toContainEqual({ id: 'digest-report-acme', entityId: 'acme', pattern: '0 8 * * 1', tz: 'Europe/Paris', report: true });
  });

  it('emails the last full week as a PDF once, in French', async () => {
    const scheduledAt = Date.UTC(2026, 10, 23, 7);
    const first = await runReport(pipeline.ctx, { entityId: 'acme', scheduledAt });
    expect(first).toEqual({ sent: true, week: '2026-W47' });
    const mail = await smtp.waitFor((m) => m.subject?.includes('rapport hebdomadaire') ?? false);
    expect(mail.subject).toBe('Acme – rapport hebdomadaire, 16 nov. – 22 nov. 2026');
    expect(mail.text).toContain('http://vigie.test');
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.filename).toBe('vigie-acme-2026-W47.pdf');
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await runReport(pipeline.ctx, { entityId: 'acme', scheduledAt })).sent).toBe(false);
    expect(smtp.messages.filter((m) => m.subject === mail.subject)).toHaveLength(1);
    // Chromium's start and print take a few seconds alone, several times that on a loaded 2-core runner.
  }, 120_000);
});
