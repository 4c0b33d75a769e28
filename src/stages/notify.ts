// Notify stage: send one alert event to every routed channel, once each, recording every attempt.
import type { AppContext } from '../app/context.js';
import { SsrfBlockedError } from '../notify/ssrf-guard.js';
import { deliveryAttempts } from '../observability/metrics.js';
import { entityLocale } from '../config/entity-locale.js';
import { linkSecret } from '../notify/link-secret.js';
import { routeAlert } from '../notify/routing.js';
import { signAction } from '../notify/signed-link.js';
import type { NotifyJob } from '../queue/names.js';
import { deliveryId, deliveryStatus, getAlert, markNotified, recordDeliveryAttempt } from '../store/alert-repository.js';
import { evidenceMentions } from '../store/mention-queries.js';

/** Acknowledge links in emails work for a week. */
const LINK_LIFETIME_MS = 7 * 24 * 3600 * 1000;

export type NotifyOutcome = { delivered: string[]; skipped: string[] } | { deferUntil: number };

export class DeliveryFailedError extends Error {
  constructor(public readonly failures: { channel: string; error: string }[]) {
    super(`delivery failed on ${failures.map((f) => `${f.channel} (${f.error})`).join(', ')}`);
    this.name = 'DeliveryFailedError';
  }
}

export async function runNotify(ctx: AppContext, job: NotifyJob): Promise<NotifyOutcome> {
  const alert = await getAlert(ctx.store.db, job.alertId);
  if (!alert) return { delivered: [], skipped: [] };
  const channels = ctx.channels;
  const decision = routeAlert(alert, ctx.config.alerts.routes, [...channels.keys()], ctx.config.alerts.quietHours, ctx.now());
  if (decision.deferUntil !== undefined) return { deferUntil: decision.deferUntil };

  const entity = ctx.config.entities.find((e) => e.id === alert.entityId);
  const base = ctx.config.api.publicUrl || `http://${ctx.config.api.host}:${ctx.config.api.port}`;
  const ack = signAction(linkSecret(ctx.config.api, ctx.config.dataDir), { action: 'acknowledge', id: alert.id, expires: ctx.now() + LINK_LIFETIME_MS });
  const message = {
    alert,
    event: job.event,
    entityName: entity?.name ?? alert.entityId,
    evidence: await evidenceMentions(ctx.store.db, alert.evidence.slice(0, 5)),
    alertUrl: `${base}/alerts/${encodeURIComponent(alert.id)}`,
    acknowledgeUrl: `${base}/ack?${ack}`,
    language: entityLocale(ctx.config, alert.entityId),
  };

  const delivered: string[] = [];
  const skipped: string[] = [];
  const failures: { channel: string; error: string }[] = [];
  for (const channelId of decision.channels) {
    const channel = channels.get(channelId);
    if (!channel) continue;
    // A retried job skips the channels that already took this event: each is told once.
    if ((await deliveryStatus(ctx.store.db, deliveryId(alert.id, channelId, job.event))) === 'delivered') {
      skipped.push(channelId);
      continue;
    }
    try {
      await channel.deliver(message);
      await recordDeliveryAttempt(ctx.store.db, { alertId: alert.id, channelId, event: job.event, ok: true }, ctx.now());
      deliveryAttempts.inc({ channel: channelId, result: 'delivered' });
      delivered.push(channelId);
    } catch (error) {
      const text = (error as Error).message ?? String(error);
      await recordDeliveryAttempt(ctx.store.db, { alertId: alert.id, channelId, event: job.event, ok: false, error: text }, ctx.now());
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
  return { delivered, skipped };
}
