// GET /ack: the signed acknowledge link from alert emails. The signature is the credential; the answer is a small page.
import escapeHtml from 'escape-html';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { linkSecret } from '../../notify/link-secret.js';
import { verifyAction } from '../../notify/signed-link.js';
import { acknowledgeAlert } from '../../store/alert-repository.js';
import { checkNotBlocked } from '../auth.js';
import type { RouteContext } from '../route-context.js';

const MESSAGES = {
  acknowledged: { title: 'Alert acknowledged', body: 'The alert is marked as acknowledged. The team sees it on the dashboard.' },
  'not-found': { title: 'Alert not found', body: 'This alert no longer exists.' },
  expired: { title: 'Link expired', body: 'This link has expired. Acknowledge the alert from the dashboard.' },
  invalid: { title: 'Invalid link', body: 'This link is not valid.' },
} as const;

function page(reply: FastifyReply, status: number, kind: keyof typeof MESSAGES, detail = '', dashboard = '') {
  const m = MESSAGES[kind];
  // Every dynamic piece is escaped: the alert's text comes from mentions.
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(m.title)} · Vigie</title><link rel="stylesheet" href="/assets/style.css"></head>
<body class="ack-page"><main><h1>${escapeHtml(m.title)}</h1><p>${escapeHtml(m.body)}</p>${detail ? `<p class="why">${escapeHtml(detail)}</p>` : ''}
${dashboard ? `<p><a href="${escapeHtml(dashboard)}">Open the alert on the dashboard</a></p>` : ''}</main></body></html>`;
  return reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

export async function ackLinkRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const secret = linkSecret(ctx.config.api, ctx.config.dataDir);
  app.get<{ Querystring: Record<string, string> }>('/ack', {
    schema: {
      summary: 'Acknowledge an alert from the signed link of an email',
      tags: ['alerts'],
      querystring: {
        type: 'object',
        properties: { action: { type: 'string' }, id: { type: 'string' }, expires: { type: 'string' }, sig: { type: 'string' } },
      },
    },
  }, async (request, reply) => {
    const now = ctx.now();
    if (!checkNotBlocked(ctx.limiter, request, reply, now)) return reply;
    const verified = verifyAction(secret, request.query, now);
    if (!verified.ok || verified.action.action !== 'acknowledge') {
      ctx.limiter.recordFailure(request.ip, now);
      return page(reply, 403, verified.ok || verified.reason !== 'expired' ? 'invalid' : 'expired');
    }
    const alert = await acknowledgeAlert(ctx.store.db, verified.action.id, 'email link', now);
    if (!alert) return page(reply, 404, 'not-found');
    await ctx.hub.publish({ alertId: alert.id, entityId: alert.entityId, event: 'acknowledged', severity: alert.severity, at: now });
    return page(reply, 200, 'acknowledged', alert.why, `/alerts?id=${encodeURIComponent(alert.id)}`);
  });
}
