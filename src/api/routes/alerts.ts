// Alerts: list, detail (timeline, why, evidence, deliveries), acknowledge and resolve; changes are announced for live dashboards.
import type { FastifyInstance } from 'fastify';
import type { Alert } from '../../domain/alert.js';
import { acknowledgeAlert, getAlert, listAlerts, listDeliveries, resolveAlert } from '../../store/alert-repository.js';
import { evidenceMentions } from '../../store/mention-queries.js';
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
  // How early the crisis was caught: from its estimated onset to the alert (the digest states the same delay).
  const withName = (a: Alert) => ({ ...a, entityName: names.get(a.entityId) ?? a.entityId, detectionDelayMs: Math.max(0, a.detectedAt - a.onsetAt) });
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
    const [evidence, deliveries] = await Promise.all([evidenceMentions(ctx.store.db, alert.evidence), listDeliveries(ctx.store.db, alert.id)]);
    return {
      alert: withName(alert),
      timeline: alertTimeline(alert),
      evidence,
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
    const alert = found(await acknowledgeAlert(ctx.store.db, request.params.id, request.body?.by?.trim() || 'dashboard', now), request.params.id);
    await ctx.hub.publish({ alertId: alert.id, entityId: alert.entityId, event: 'acknowledged', severity: alert.severity, at: now });
    return { alert: withName(alert) };
  });

  app.post<{ Params: { id: string } }>('/alerts/:id/resolve', {
    schema: { summary: 'Resolve an alert', tags: ['alerts'], params: idParams },
  }, async (request) => {
    const now = ctx.now();
    const alert = found(await resolveAlert(ctx.store.db, request.params.id, now), request.params.id);
    await ctx.hub.publish({ alertId: alert.id, entityId: alert.entityId, event: 'resolved', severity: alert.severity, at: now });
    return { alert: withName(alert) };
  });
}
