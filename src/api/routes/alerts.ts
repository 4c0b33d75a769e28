// Alerts: list, detail (timeline, why, evidence, deliveries), acknowledge and resolve; changes are announced for live dashboards.
import type { FastifyInstance } from 'fastify';
import type { Alert } from '../../domain/alert.js';
import { acknowledgeAlert, getAlert, listAlerts, listDeliveries, resolveAlert } from '../../store/alert-repository.js';
import { evidenceMentions } from '../../store/mention-queries.js';
import { resolveCrisisIfQuiet, takeCharge } from '../../store/crisis-repository.js';
import { alertHeadline, alertStory } from '../../notify/alert-story.js';
import { firstActionStep, playbookSteps } from '../../notify/playbook.js';
import { entityTimeZone } from '../../config/entity-time-zone.js';
import { entityLocale } from '../../config/entity-locale.js';
import { BadRequestError, entityFromQuery } from '../query-params.js';
import type { RouteContext } from '../route-context.js';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 200 } } } as const;

/** The alert's life as dated steps, oldest first. */
export function alertTimeline(a: Alert): { event: string; at: number }[] {
  const steps: [string, number | null][] = [
    ['onset', a.onsetAt],
    ['detected', a.detectedAt],
    ['notified', a.notifiedAt],
    ['firstResponse', a.firstResponseAt],
    ['acknowledged', a.acknowledgedAt],
    ['lastFired', a.lastFiredAt !== a.detectedAt ? a.lastFiredAt : null],
    ['resolved', a.resolvedAt],
  ];
  return steps.filter((s): s is [string, number] => s[1] !== null).map(([event, at]) => ({ event, at })).sort((x, y) => x.at - y.at);
}

export async function alertRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const names = new Map(ctx.config.entities.map((e) => [e.id, e.name]));
  // The headline is the one every message of the alert carries, in its entity's language; the delay says how early the
  // crisis was caught, from its estimated onset to the alert (the digest states the same delay).
  const withName = (a: Alert) => {
    const entityName = names.get(a.entityId) ?? a.entityId;
    return { ...a, entityName, headline: alertHeadline(a, entityName, entityLocale(ctx.config, a.entityId)), detectionDelayMs: Math.max(0, a.detectedAt - a.onsetAt) };
  };
  const found = (a: Alert | undefined, id: string) => {
    if (!a) throw new BadRequestError(`no alert has the id "${id.slice(0, 60)}"`, 404);
    return a;
  };

  app.get<{ Querystring: { entity?: string; status?: 'open' | 'acknowledged' | 'resolved'; limit?: number } }>('/alerts', {
    schema: {
      summary: 'Alerts, newest first',
      tags: ['alerts'],
      querystring: {
        type: 'object',
        properties: {
          entity: { type: 'string' },
          status: { type: 'string', enum: ['open', 'acknowledged', 'resolved'] },
          limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
        },
      },
    },
  }, async (request) => {
    const entityId = request.query.entity ? entityFromQuery(ctx.config, request.query.entity).id : undefined;
    const alerts = await listAlerts(ctx.store.db, { entityId, status: request.query.status, limit: request.query.limit });
    return { alerts: alerts.map(withName) };
  });

  app.get<{ Params: { id: string } }>('/alerts/:id', {
    schema: { summary: 'One alert with its timeline, evidence mentions and deliveries', tags: ['alerts'], params: idParams },
  }, async (request) => {
    const alert = found(await getAlert(ctx.store.db, request.params.id), request.params.id);
    const [evidence, deliveries] = await Promise.all([evidenceMentions(ctx.store.db, alert.evidence, alert.entityId), listDeliveries(ctx.store.db, alert.id)]);
    const named = withName(alert);
    const language = entityLocale(ctx.config, alert.entityId);
    // The words of the alert's messages, so that the page tells the same story as the email.
    const story = alertStory({
      alert,
      event: alert.status === 'resolved' ? 'resolved' : 'opened',
      entityName: named.entityName,
      evidence: evidence.slice(0, 5),
      language,
      timeZone: entityTimeZone(ctx.config, alert.entityId),
      firstStep: firstActionStep(playbookSteps(ctx.config.alerts.playbook, language)),
    });
    return {
      alert: named,
      story: { language, timeZone: entityTimeZone(ctx.config, alert.entityId), headline: story.headline, whatHappened: story.whatHappened, sinceWhen: story.sinceWhen, howBig: story.howBig, whoDrives: story.whoDrives, nextStep: story.nextStep },
      timeline: alertTimeline(alert),
      // Each post's tone for the alert's entity, with the names its stance badge needs.
      evidence: evidence.map((m) => ({ ...m, entityName: named.entityName, versusName: m.versus ? names.get(m.versus) ?? m.versus : null })),
      deliveries: deliveries.map((d) => ({
        channel: d.channel_id,
        event: d.event,
        status: d.status,
        attempts: d.attempts,
        lastError: d.last_error,
        createdAt: Number(d.created_at),
        deliveredAt: d.delivered_at === null ? null : Number(d.delivered_at),
      })),
    };
  });

  app.post<{ Params: { id: string }; Body: { by?: string } | undefined }>('/alerts/:id/acknowledge', {
    schema: {
      summary: 'Acknowledge an open alert',
      tags: ['alerts'],
      params: idParams,
      body: { type: 'object', nullable: true, properties: { by: { type: 'string', maxLength: 200, description: 'Who acknowledges (shown in the timeline).' } } },
    },
  }, async (request) => {
    const now = ctx.now();
    const by = request.body?.by?.trim() || 'dashboard';
    const alert = found(await acknowledgeAlert(ctx.store.db, request.params.id, by, now), request.params.id);
    // Taking charge of an alert is taking charge of its crisis: the first named person owns the room.
    if (alert.crisisId) await takeCharge(ctx.store.db, alert.crisisId, request.body?.by?.trim() ?? '', now);
    await ctx.hub.publish({ alertId: alert.id, entityId: alert.entityId, event: 'acknowledged', severity: alert.severity, at: now });
    return { alert: withName(alert) };
  });

  app.post<{ Params: { id: string } }>('/alerts/:id/resolve', {
    schema: { summary: 'Resolve an alert', tags: ['alerts'], params: idParams },
  }, async (request) => {
    const now = ctx.now();
    const alert = found(await resolveAlert(ctx.store.db, request.params.id, now), request.params.id);
    if (alert.crisisId) await resolveCrisisIfQuiet(ctx.store.db, alert.crisisId, now);
    await ctx.hub.publish({ alertId: alert.id, entityId: alert.entityId, event: 'resolved', severity: alert.severity, at: now });
    return { alert: withName(alert) };
  });
}
