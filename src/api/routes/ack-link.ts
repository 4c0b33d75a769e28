// /ack: the signed acknowledge link of alert emails and chat messages. The signature is the credential.
// Opening the link (GET) only shows the alert and a button; the button (POST) acknowledges. Mail security scanners
// and chat previews open every link they see, and must not acknowledge a crisis that nobody has read.
import formBody from '@fastify/formbody';
import escapeHtml from 'escape-html';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { entityLocale } from '../../config/entity-locale.js';
import type { Alert } from '../../domain/alert.js';
import type { Locale } from '../../domain/locale.js';
import { linkSecret } from '../../notify/link-secret.js';
import { verifyAction, type SignedAction } from '../../notify/signed-link.js';
import { acknowledgeAlert, getAlert } from '../../store/alert-repository.js';
import { takeCharge } from '../../store/crisis-repository.js';
import { alertHeadline } from '../../notify/alert-story.js';
import { admitCredential } from '../auth.js';
import type { RouteContext } from '../route-context.js';

type PageKind = 'confirm' | 'acknowledged' | 'already' | 'resolved' | 'not-found' | 'expired' | 'invalid' | 'name-needed';

/** The page speaks the alert's entity's language, as the email that linked to it; English before the alert is known. */
const MESSAGES: Record<Locale, Record<PageKind, { title: string; body: string }> & { button: string; dashboard: string; room: string; name: string; by: (who: string) => string }> = {
  en: {
    confirm: { title: 'Take charge of this alert?', body: 'Taking charge tells the team that you are handling it: you become the owner of the crisis.' },
    acknowledged: { title: 'You are in charge', body: 'The team sees on the dashboard and in the crisis room that you are handling it.' },
    already: { title: 'Already taken in charge', body: 'Someone already took charge of this alert.' },
    'name-needed': { title: 'Take charge of this alert?', body: 'Give your name, so that the team knows who is handling it.' },
    resolved: { title: 'Alert resolved', body: 'This alert is resolved: its series is back near its baseline.' },
    'not-found': { title: 'Alert not found', body: 'This alert no longer exists.' },
    expired: { title: 'Link expired', body: 'This link has expired. Acknowledge the alert from the dashboard.' },
    invalid: { title: 'Invalid link', body: 'This link is not valid.' },
    button: 'Take charge',
    dashboard: 'Open the alert on the dashboard',
    room: 'Open the crisis room',
    name: 'Your name',
    by: (who) => `Taken in charge by ${who}.`,
  },
  fr: {
    confirm: { title: 'Prendre en charge cette alerte ?', body: "La prise en charge indique à l'équipe que vous vous en occupez : vous devenez responsable de la crise." },
    acknowledged: { title: 'Vous avez pris en charge', body: "L'équipe voit dans le tableau de bord et dans la salle de crise que vous vous en occupez." },
    already: { title: 'Alerte déjà prise en charge', body: "Quelqu'un a déjà pris cette alerte en charge." },
    'name-needed': { title: 'Prendre en charge cette alerte ?', body: "Donnez votre nom, pour que l'équipe sache qui s'en occupe." },
    resolved: { title: 'Alerte résolue', body: 'Cette alerte est résolue : sa série est revenue près de sa référence.' },
    'not-found': { title: 'Alerte introuvable', body: "Cette alerte n'existe plus." },
    expired: { title: 'Lien expiré', body: "Ce lien a expiré. Prenez l'alerte en charge depuis le tableau de bord." },
    invalid: { title: 'Lien invalide', body: "Ce lien n'est pas valide." },
    button: 'Prendre en charge',
    dashboard: "Ouvrir l'alerte dans le tableau de bord",
    room: 'Ouvrir la salle de crise',
    name: 'Votre nom',
    by: (who) => `Prise en charge par ${who}.`,
  },
};

interface PageParts {
  language?: Locale;
  headline?: string;
  detail?: string;
  /** Who took charge, when known. */
  owner?: string;
  dashboard?: string;
  room?: string;
  /** The signed fields to send back with the confirm button. */
  confirm?: Record<string, string>;
}

function page(reply: FastifyReply, status: number, kind: PageKind, parts: PageParts = {}) {
  const language = parts.language ?? 'en';
  const words = MESSAGES[language];
  const m = words[kind];
  // Every dynamic piece is escaped: the alert's text comes from mentions.
  const form = parts.confirm
    ? `<form method="post" action="/ack">${Object.entries(parts.confirm)
        .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
        .join('')}<p><label for="by">${escapeHtml(words.name)}</label> <input id="by" name="by" required maxlength="120" autocomplete="name"></p><button type="submit">${escapeHtml(words.button)}</button></form>`
    : '';
  const links = [parts.dashboard && [parts.dashboard, words.dashboard], parts.room && [parts.room, words.room]]
    .filter((l): l is string[] => Boolean(l))
    .map(([href, label]) => `<p><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></p>`)
    .join('');
  const html = `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(m.title)} · Vigie</title><link rel="stylesheet" href="/assets/style.css"><link rel="icon" href="data:,"></head>
<body class="ack-page"><main><h1>${escapeHtml(m.title)}</h1>${parts.headline ? `<h2 class="headline">${escapeHtml(parts.headline)}</h2>` : ''}${parts.detail ? `<p class="why">${escapeHtml(parts.detail)}</p>` : ''}<p>${escapeHtml(m.body)}</p>${parts.owner ? `<p class="owner">${escapeHtml(words.by(parts.owner))}</p>` : ''}
${form}${links}</main></body></html>`;
  return reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

const dashboardLink = (id: string) => `/alerts/${encodeURIComponent(id)}`;
const roomLink = (crisisId: string | null | undefined) => (crisisId ? `/crises/${encodeURIComponent(crisisId)}` : undefined);

const signedFields = {
  type: 'object',
  properties: { action: { type: 'string' }, id: { type: 'string' }, expires: { type: 'string' }, sig: { type: 'string' }, by: { type: 'string', maxLength: 200 } },
} as const;

type Signed = Record<string, string>;

export async function ackLinkRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const secret = linkSecret(ctx.config.api, ctx.config.dataDir);

  /** What every page about an alert shows: its sentence, in its entity's language, and a link to the dashboard. */
  const shownOf = (alert: Alert): PageParts => {
    const language = entityLocale(ctx.config, alert.entityId);
    const entityName = ctx.config.entities.find((e) => e.id === alert.entityId)?.name ?? alert.entityId;
    return {
      language,
      headline: alertHeadline(alert, entityName, language),
      detail: alert.why,
      dashboard: dashboardLink(alert.id),
      room: roomLink(alert.crisisId),
      ...(alert.acknowledgedBy ? { owner: alert.acknowledgedBy } : {}),
    };
  };
  /** The page of an alert that is no longer open. */
  const settledPage = (reply: FastifyReply, alert: Alert) => page(reply, 200, alert.status === 'resolved' ? 'resolved' : 'already', shownOf(alert));

  /** The signed acknowledge action of a request, or the error page already sent. */
  function verified(request: FastifyRequest, reply: FastifyReply, fields: Signed): SignedAction | null {
    const now = ctx.now();
    const result = verifyAction(secret, fields, now);
    const valid = result.ok && result.action.action === 'acknowledge';
    // A genuine link that expired is no guess: it shows its page, and counts nothing.
    const expired = !result.ok && result.reason === 'expired';
    const attempt = valid || expired ? '' : JSON.stringify([fields.action, fields.id, fields.expires, fields.sig]);
    const verdict = admitCredential(ctx.limiter, 'ack', request, reply, now, { valid, attempt });
    if (verdict === 'admitted' && result.ok) return result.action;
    if (verdict === 'refused') void page(reply, 403, expired ? 'expired' : 'invalid');
    return null;
  }

  // Encapsulated: HTML forms are accepted here only, never by /api, whose JSON-only bodies keep other sites'
  // forms out.
  await app.register(async (scope) => {
    await scope.register(formBody);

    scope.get<{ Querystring: Signed }>('/ack', {
      schema: { summary: 'The page of a signed acknowledge link: the alert, and a button to acknowledge it', tags: ['alerts'], querystring: signedFields },
    }, async (request, reply) => {
      const action = verified(request, reply, request.query);
      if (!action) return reply;
      const alert = await getAlert(ctx.store.db, action.id);
      if (!alert) return page(reply, 404, 'not-found');
      if (alert.status !== 'open') return settledPage(reply, alert);
      const { action: name, id, expires, sig } = request.query;
      return page(reply, 200, 'confirm', { ...shownOf(alert), confirm: { action: name, id, expires, sig } });
    });

    scope.post<{ Body: Signed }>('/ack', {
      schema: { summary: 'Acknowledge an alert with the signed fields of its link', tags: ['alerts'], body: signedFields },
    }, async (request, reply) => {
      const body = request.body ?? {};
      const action = verified(request, reply, body);
      if (!action) return reply;
      const before = await getAlert(ctx.store.db, action.id);
      if (!before) return page(reply, 404, 'not-found');
      // Acknowledged or resolved before this request (a second click, a colleague): say so, and change nothing.
      if (before.status !== 'open') return settledPage(reply, before);
      // The owner is a person: without a name the form comes back, asking for one.
      const by = (body.by ?? '').replace(/\s+/g, ' ').trim();
      if (!by) {
        const { action: name, id, expires, sig } = body;
        return page(reply, 400, 'name-needed', { ...shownOf(before), confirm: { action: name, id, expires, sig } });
      }
      const now = ctx.now();
      const alert = await acknowledgeAlert(ctx.store.db, action.id, by, now);
      if (!alert) return page(reply, 404, 'not-found');
      if (alert.crisisId) await takeCharge(ctx.store.db, alert.crisisId, by, now);
      await ctx.hub.publish({ alertId: alert.id, entityId: alert.entityId, event: 'acknowledged', severity: alert.severity, at: now });
      return page(reply, 200, 'acknowledged', shownOf(alert));
    });
  });
}
