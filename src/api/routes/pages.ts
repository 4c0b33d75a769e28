// The dashboard: six HTML pages (no data inside; their scripts call the API), the scripts and styles, and ECharts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import escapeHtml from 'escape-html';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { workspaceTimeZone } from '../../config/workspace-time-zone.js';
import { chooseLanguage } from '../language.js';
import type { RouteContext } from '../route-context.js';

export const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));
const ECHARTS_DIST = dirname(createRequire(import.meta.url).resolve('echarts'));

const PAGES: Record<string, string> = {
  '/': 'overview.html',
  '/alerts': 'alerts.html',
  // The link every alert message carries ("Open in Vigie"): the same page, the alert chosen by the path.
  '/alerts/:id': 'alerts.html',
  // The crisis rooms: the list, and one room by its id.
  '/crises': 'crisis.html',
  '/crises/:id': 'crisis.html',
  '/mentions': 'mentions.html',
  '/influencers': 'influencers.html',
  '/business': 'business.html',
  '/labels': 'labels.html',
};

export async function pageRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  await app.register(fastifyStatic, { root: join(PUBLIC_DIR, 'assets'), prefix: '/assets/', index: false, maxAge: '1h' });
  app.get('/vendor/echarts.min.js', { schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', 'public, max-age=86400').sendFile('echarts.min.js', ECHARTS_DIST),
  );

  for (const [path, file] of Object.entries(PAGES)) {
    app.get<{ Querystring: { lang?: string } }>(path, { schema: { hide: true } }, async (request, reply) => sendPage(ctx, request, reply, file));
  }
}

const templates = new Map<string, string>();

/**
 * A dashboard page in the reader's language, with the workspace's time zone (and, for a shared view, its token) on
 * <html>: the page's scripts read them there, as no inline script is allowed.
 */
export function sendPage(
  ctx: RouteContext,
  request: FastifyRequest<{ Querystring: { lang?: string } }>,
  reply: FastifyReply,
  file: string,
  extra: Record<string, string> = {},
): FastifyReply {
  let template = templates.get(file);
  if (template === undefined) templates.set(file, (template = readFileSync(join(PUBLIC_DIR, file), 'utf8')));
  const lang = chooseLanguage(request.query.lang, request.headers['accept-language'], ctx.config.locale);
  // The time zone is validated as an IANA name by the config checks; every value is escaped all the same.
  const attributes = Object.entries({ 'data-time-zone': workspaceTimeZone(ctx.config), ...extra }).map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('');
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('vary', 'accept-language')
    .send(template.replace('<html lang="en">', `<html lang="${lang}"${attributes}>`));
}
