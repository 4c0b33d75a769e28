// Notify stage: send one alert event to every routed channel, once each, recording every attempt.
import type { AppContext } from '../app/context.js';
import { SsrfBlockedError } from '../notify/ssrf-guard.js';
import { deliveryAttempts } from '../observability/metrics.js';
import { entityLocale } from '../config/entity-locale.js';
import { entityTimeZone } from '../config/entity-time-zone.js';
import { firstActionStep, playbookSteps } from '../notify/playbook.js';
import { linkSecret } from '../notify/link-secret.js';
import { routeAlert } from '../notify/routing.js';
import { evidenceTags } from '../store/tag-repository.js';
import { signAction } from '../notify/signed-link.js';
import type { NotifyJob } from '../queue/names.js';
import { acquireLockWithin, type RedisLock } from '../queue/redis-lock.js';
import { coveringAlert, type RelatedAlert } from '../notify/crisis-cover.js';
import { entityFamily, rootEntity } from '../config/entity-family.js';
import { SEVERITY_RANK, type Alert } from '../domain/alert.js';
import { activeAlerts, deliveryId, deliveryStatus, getAlert, listDeliveries, markNotified, recordDeliveryAttempt, toldChannels } from '../store/alert-repository.js';
import { evidenceMentions, mentionsLinkedPerEntity } from '../store/mention-queries.js';

/** Acknowledge links in emails work for a week. */
const LINK_LIFETIME_MS = 7 * 24 * 3600 * 1000;
/** Outlasts one job's deliveries, SMTP and HTTP timeouts included; a crashed holder blocks its family no longer. */
const FAMILY_LOCK_TTL_MS = 120_000;
/**
 * A job that finds its family's lock taken waits in place for up to FAMILY_LOCK_WAIT_MS (another alert's deliveries
 * take milliseconds; a brand under fire raises many alerts at once, and a trip through the delayed set would add
 * seconds), then, if a slow channel still holds it, goes back to the queue for FAMILY_LOCK_RETRY_MS (delayed, not
 * failed: no attempt is used).
 */
const FAMILY_LOCK_WAIT_MS = 2_000;
const FAMILY_LOCK_RETRY_MS = 500;

/** skipped: channels that already took this event; covered: channels already told of the crisis by a related alert. */
export type NotifyOutcome = { delivered: string[]; skipped: string[]; covered: string[] } | { deferUntil: number };

export class DeliveryFailedError extends Error {
  constructor(public readonly failures: { channel: string; error: string }[]) {
    super(`delivery failed on ${failures.map((f) => `${f.channel} (${f.error})`).join(', ')}`);
    this.name = 'DeliveryFailedError';
  }
}

export async function runNotify(ctx: AppContext, job: NotifyJob): Promise<NotifyOutcome> {
  const alert = await getAlert(ctx.store.db, job.alertId);
  if (!alert) return { delivered: [], skipped: [], covered: [] };
  // An escalation that a later one overtook (medium, then high, then critical before this job ran) is told by that one.
  if (job.event === 'escalated' && SEVERITY_RANK[alert.severity] > SEVERITY_RANK[job.severity]) return { delivered: [], skipped: [], covered: [] };
  const channels = ctx.channels;
  const competitor = ctx.config.entities.find((e) => e.id === alert.entityId)?.kind === 'competitor';
  // Tags are read only when a route asks for them: most deployments route by entity and severity alone.
  const tags = ctx.config.alerts.routes.some((r) => r.tags) ? await evidenceTags(ctx.store.db, alert.evidence) : [];
  const decision = routeAlert({ ...alert, competitor, tags }, ctx.config.alerts.routes, [...channels.keys()], ctx.config.alerts.quietHours, ctx.now());
  if (decision.deferUntil !== undefined) return { deferUntil: decision.deferUntil };

  // Alerts of one family are told one at a time, so that each sees what the others told (crisisCover below).
  const family = entityFamily(ctx.config, alert.entityId);
  let lock: RedisLock | null = null;
  if (family.length > 0) {
    lock = await acquireLockWithin(ctx.redis, `${ctx.config.redis.prefix}:notify-lock:${rootEntity(ctx.config, alert.entityId)}`, FAMILY_LOCK_TTL_MS, FAMILY_LOCK_WAIT_MS);
    if (lock === null) return { deferUntil: ctx.now() + FAMILY_LOCK_RETRY_MS };
  }
  try {
    return await deliverAll(ctx, job, alert, decision.channels, new Set(family));
  } finally {
    await lock?.release();
  }
}

async function deliverAll(ctx: AppContext, job: NotifyJob, alert: Alert, routed: readonly string[], family: ReadonlySet<string>): Promise<NotifyOutcome> {
  const { channels } = ctx;
  const entity = ctx.config.entities.find((e) => e.id === alert.entityId);
  const base = ctx.config.api.publicUrl || `http://${ctx.config.api.host}:${ctx.config.api.port}`;
  const language = entityLocale(ctx.config, alert.entityId);
  const ack = signAction(linkSecret(ctx.config.api, ctx.config.dataDir), { action: 'acknowledge', id: alert.id, expires: ctx.now() + LINK_LIFETIME_MS });
  const message = {
    alert,
    event: job.event,
    entityName: entity?.name ?? alert.entityId,
    evidence: await evidenceMentions(ctx.store.db, alert.evidence.slice(0, 5)),
    alertUrl: `${base}/alerts/${encodeURIComponent(alert.id)}`,
    crisisUrl: alert.crisisId ? `${base}/crises/${encodeURIComponent(alert.crisisId)}` : '',
    acknowledgeUrl: `${base}/ack?${ack}`,
    language,
    timeZone: entityTimeZone(ctx.config, alert.entityId),
    firstStep: firstActionStep(playbookSteps(ctx.config.alerts.playbook, language)),
  };

  const delivered: string[] = [];
  const skipped: string[] = [];
  const covered: string[] = [];
  const failures: { channel: string; error: string }[] = [];
  const coverFor = await crisisCover(ctx, alert, job.event, family);
  const attempt = { alertId: alert.id, event: job.event, severity: alert.severity };
  for (const channelId of routed) {
    const channel = channels.get(channelId);
    if (!channel) continue;
    // A retried job skips the channels that already took this event: each is told once.
    const status = await deliveryStatus(ctx.store.db, deliveryId(alert.id, channelId, job.event, alert.severity));
    if (status === 'delivered' || status === 'covered') {
      skipped.push(channelId);
      continue;
    }
    const cover = coverFor(channelId);
    if (cover !== undefined) {
      await recordDeliveryAttempt(ctx.store.db, { ...attempt, channelId, status: 'covered', note: cover }, ctx.now());
      ctx.logger.info({ alertId: alert.id, channel: channelId, event: job.event }, `not sent: ${cover}`);
      covered.push(channelId);
      continue;
    }
    try {
      await channel.deliver(message);
      await recordDeliveryAttempt(ctx.store.db, { ...attempt, channelId, status: 'delivered' }, ctx.now());
      deliveryAttempts.inc({ channel: channelId, result: 'delivered' });
      delivered.push(channelId);
    } catch (error) {
      const text = (error as Error).message ?? String(error);
      await recordDeliveryAttempt(ctx.store.db, { ...attempt, channelId, status: 'failed', note: text }, ctx.now());
      deliveryAttempts.inc({ channel: channelId, result: error instanceof SsrfBlockedError ? 'refused' : 'failed' });
      // A target the SSRF guard refuses will be refused again: recorded, not retried.
      if (error instanceof SsrfBlockedError) {
        ctx.logger.error({ alertId: alert.id, channel: channelId, err: text }, 'alert channel target refused; fix the channel config');
        continue;
      }
      failures.push({ channel: channelId, error: text });
      ctx.logger.warn({ alertId: alert.id, channel: channelId, err: text }, 'alert delivery failed; will retry');
    }
  }
  if (delivered.length > 0) await markNotified(ctx.store.db, alert.id, ctx.now());
  if (failures.length > 0) throw new DeliveryFailedError(failures);
  return { delivered, skipped, covered };
}

/**
 * Per channel, why this event need not be sent there (undefined: send it). A crisis often touches several entities
 * of one family (a product's defect is its brand's and its CEO's crisis too): a channel already told of an active
 * alert of a related entity whose mentions are most of this alert's evidence, at this severity or higher, is not
 * told again (crisis-cover.ts). An alert covered on a channel is not announced resolved there either.
 */
async function crisisCover(ctx: AppContext, alert: Alert, event: NotifyJob['event'], family: ReadonlySet<string>): Promise<(channelId: string) => string | undefined> {
  const { db } = ctx.store;
  if (event === 'resolved') {
    const deliveries = await listDeliveries(db, alert.id);
    const told = new Set(deliveries.filter((d) => d.status === 'delivered').map((d) => d.channel_id));
    const coveredOnly = new Set(deliveries.filter((d) => d.status === 'covered' && !told.has(d.channel_id)).map((d) => d.channel_id));
    return (channelId) => (coveredOnly.has(channelId) ? 'this channel was told of the crisis through a related alert, not of this one' : undefined);
  }
  if (family.size === 0 || alert.evidence.length === 0) return () => undefined;
  // Oldest first: the alert that first told of the crisis is the one named.
  const others = (await activeAlerts(db)).filter((a) => a.id !== alert.id && family.has(a.entityId)).reverse();
  if (others.length === 0) return () => undefined;
  const [told, linked] = await Promise.all([
    toldChannels(db, others.map((a) => a.id)),
    mentionsLinkedPerEntity(db, alert.evidence, [...new Set(others.map((a) => a.entityId))]),
  ]);
  const related: RelatedAlert[] = others.map((a) => ({ id: a.id, entityId: a.entityId, severity: a.severity, toldChannels: told.get(a.id) ?? new Map() }));
  const nameOf = (entityId: string) => ctx.config.entities.find((e) => e.id === entityId)?.name ?? entityId;
  return (channelId) => {
    const cover = coveringAlert({ severity: alert.severity, evidenceCount: alert.evidence.length }, related, linked, channelId);
    return cover && `part of the crisis of alert ${cover.id} (${nameOf(cover.entityId)}, ${cover.severity}), already told on this channel`;
  };
}
