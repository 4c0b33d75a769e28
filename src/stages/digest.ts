// Digest stage: build, draw and send a brand's weekly digest to its recipients, once per brand and ISO week.
//
// Exactly once, and never recorded before the SMTP server accepted it:
// 1. a digest already recorded in the `digests` table for (entity, week) is never sent again;
// 2. a Redis lock per (entity, week) keeps two concurrent runs from both sending (the loser returns sent: false);
// 3. the row is written only after the SMTP server accepted the message.
// A crash (or a database failure) between 3's send and its write leaves no row: the retried job sends again. We chose
// that over the reverse (recording first, which loses the digest forever if the send then fails): a rare duplicate
// beats a Monday without the digest. The duplicate carries the same deterministic Message-ID, which mail systems such
// as Gmail use to fold it into the first copy.
import type { AppContext } from '../app/context.js';
import type { VigieConfig } from '../config/load-config.js';
import { entityLocale } from '../config/entity-locale.js';
import { buildDigest, digestEntity, digestTimezone } from '../digest/build-digest.js';
import { formatIsoWeek, lastCompletedWeek, parseIsoWeek } from '../digest/iso-week.js';
import { acquireLock } from '../queue/redis-lock.js';
import { findSentDigest, recordSentDigest } from '../store/digest-repository.js';

export interface DigestRequest {
  entityId: string;
  /** ISO week like '2026-W47' in the entity's time zone; default: the week that ended last. */
  week?: string;
}

export interface DigestOutcome {
  sent: boolean;
  week?: string;
  reason?: string;
}

/** Longer than a build plus the mailer's worst case (10 s connect + 10 s greeting + 30 s socket), with room to spare. */
export const SEND_LOCK_TTL_MS = 10 * 60_000;

/** The week a digest run at instant t reports: the last full ISO week in the entity's time zone. */
export function digestWeekAt(config: VigieConfig, entityId: string, t: number): string {
  return formatIsoWeek(lastCompletedWeek(t, digestTimezone(config, digestEntity(config, entityId))));
}

/** Message-ID of a digest: the same for every attempt, so a resent copy is recognisably the same message. */
export function digestMessageId(from: string, entityId: string, week: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'vigie.localhost';
  return `<digest.${entityId}.${week}@${domain}>`;
}

export async function runDigest(ctx: AppContext, job: DigestRequest): Promise<DigestOutcome> {
  const { db } = ctx.store;
  const entity = digestEntity(ctx.config, job.entityId);
  const week = formatIsoWeek(parseIsoWeek(job.week ?? digestWeekAt(ctx.config, entity.id, ctx.now())));
  if (!entity.digest) return { sent: false, week, reason: `entity "${entity.id}" has no digest recipients in the config` };

  const already = await findSentDigest(db, entity.id, week);
  if (already) return { sent: false, week, reason: `already sent at ${new Date(already.sentAt).toISOString()}` };

  const lock = await acquireLock(ctx.redis, `${ctx.config.redis.prefix}:digest-lock:${entity.id}:${week}`, SEND_LOCK_TTL_MS);
  if (!lock) return { sent: false, week, reason: 'another run is sending this digest right now' };
  try {
    // The run that held the lock before us may have sent and recorded it in the meantime.
    const recorded = await findSentDigest(db, entity.id, week);
    if (recorded) return { sent: false, week, reason: `already sent at ${new Date(recorded.sentAt).toISOString()}` };

    // The digest's reads (a week of rollups, top mentions) may go to the read replica; its record stays on the primary.
    const content = await buildDigest(ctx.readStore.db, ctx.config, entity.id, week);
    // Loaded on first use: ECharts and resvg weigh about 60 MB, which a process that never sends a digest (a score
    // worker) should not carry.
    const { renderDigest } = await import('../digest/render-digest.js');
    const email = renderDigest(content, entityLocale(ctx.config, entity.id));
    const recipients = [...entity.digest.recipients];
    const result = await ctx.mailer.send({
      from: ctx.config.smtp.from,
      to: recipients,
      subject: email.subject,
      html: email.html,
      text: email.text,
      attachments: email.attachments,
      messageId: digestMessageId(ctx.config.smtp.from, entity.id, week),
    });
    await recordSentDigest(db, { entityId: entity.id, week, sentAt: ctx.now(), recipients, messageId: result.messageId });
    ctx.logger.info({ entity: entity.id, week, recipients: recipients.length, destination: result.destination }, 'weekly digest sent');
    return { sent: true, week };
  } finally {
    await lock.release();
  }
}
