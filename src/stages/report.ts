// Report stage: the scheduled PDF report of an entity (entities[].report), printed by Chromium from the dashboard's
// overview and emailed once per entity and period, with the digest's guarantees (lock, record after SMTP accepted).
import type { AppContext } from '../app/context.js';
import { entityLocale } from '../config/entity-locale.js';
import { digestEntity, digestTimezone } from '../digest/build-digest.js';
import { createFormatter } from '../digest/format.js';
import { acquireLock } from '../queue/redis-lock.js';
import { reportEmail } from '../reports/report-email.js';
import { reportPeriod } from '../reports/report-period.js';
import { findSentDigest, recordSentDigest } from '../store/digest-repository.js';
import { SEND_LOCK_TTL_MS, type DigestOutcome } from './digest.js';

/** Chromium reads the private server through a link that works this long. */
const PRINT_LINK_MS = 10 * 60_000;

export async function runReport(ctx: AppContext, job: { entityId: string; scheduledAt: number }): Promise<DigestOutcome> {
  const entity = digestEntity(ctx.config, job.entityId);
  if (!entity.report) return { sent: false, reason: `entity "${entity.id}" has no report in the config` };
  const timeZone = digestTimezone(ctx.config, entity);
  const { key, label, period } = reportPeriod(entity.report.every, job.scheduledAt, timeZone);
  const { db } = ctx.store;
  const already = await findSentDigest(db, entity.id, key);
  if (already) return { sent: false, week: label, reason: `already sent at ${new Date(already.sentAt).toISOString()}` };
  const lock = await acquireLock(ctx.redis, `${ctx.config.redis.prefix}:report-lock:${entity.id}:${label}`, SEND_LOCK_TTL_MS);
  if (!lock) return { sent: false, week: label, reason: 'another run is sending this report right now' };
  try {
    if (await findSentDigest(db, entity.id, key)) return { sent: false, week: label, reason: 'already sent' };
    const locale = entityLocale(ctx.config, entity.id);
    const pdf = await printOverview(ctx, entity.id, period, locale);
    const f = createFormatter(locale, timeZone);
    const email = reportEmail(
      { brand: entity.name, every: entity.report.every, range: f.range(period.from, period.to), dashboardUrl: ctx.config.api.publicUrl || null, fileName: `vigie-${entity.id}-${label}.pdf` },
      locale,
      pdf,
    );
    const recipients = [...entity.report.recipients];
    const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(ctx.config.smtp.from)?.[1] ?? 'vigie.localhost';
    const result = await ctx.mailer.send({ from: ctx.config.smtp.from, to: recipients, ...email, messageId: `<report.${entity.id}.${label}@${domain}>` });
    await recordSentDigest(db, { entityId: entity.id, week: key, sentAt: ctx.now(), recipients, messageId: result.messageId });
    ctx.logger.info({ entity: entity.id, period: label, recipients: recipients.length, bytes: pdf.length }, 'PDF report sent');
    return { sent: true, week: label };
  } finally {
    await lock.release();
  }
}

/**
 * A private dashboard on 127.0.0.1 (any free port) for Chromium to print: a worker process need not serve the API.
 * Loaded on first use: fastify and playwright-core are not for workers that never send a report.
 */
async function printOverview(ctx: AppContext, entityId: string, period: { from: number; to: number }, lang: string): Promise<Buffer> {
  const [{ buildApi }, { renderReportPdf }, { signShare }, { linkSecret }] = await Promise.all([
    import('../api/server.js'), import('../reports/render-report-pdf.js'), import('../api/share-link.js'), import('../notify/link-secret.js'),
  ]);
  const app = await buildApi({ config: ctx.config, store: ctx.store, logger: ctx.logger, now: ctx.now });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const token = signShare(linkSecret(ctx.config.api, ctx.config.dataDir), { entity: entityId, from: period.from, to: period.to, expires: ctx.now() + PRINT_LINK_MS });
    return await renderReportPdf(`http://127.0.0.1:${port}`, token, lang);
  } finally {
    await app.close();
  }
}
