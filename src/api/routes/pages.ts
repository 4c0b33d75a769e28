// The dashboard: six HTML pages (no data inside; their scripts call the API), the scripts and styles, and ECharts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import escapeHtml from 'escape-html';
import type { FastifyInstance } from 'fastify';
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

  // Validated as an IANA name by the config checks; escaped all the same, it goes inside an attribute.
  const timeZone = escapeHtml(workspaceTimeZone(ctx.config));
  for (const [path, file] of Object.entries(PAGES)) {
    const template = readFileSync(join(PUBLIC_DIR, file), 'utf8');
    app.get<{ Querystring: { lang?: string } }>(path, { schema: { hide: true } }, async (request, reply) => {
      const lang = chooseLanguage(request.query.lang, request.headers['accept-language'], ctx.config.locale);
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('vary', 'accept-language')
        .send(template.replace('<html lang="en">', `<html lang="${lang}" data-time-zone="${timeZone}">`));
    });
  }
}
