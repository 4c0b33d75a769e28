// GET /api/reports.pdf: the overview of an entity over a period as a PDF, printed by Chromium from the dashboard itself.
import type { FastifyInstance } from 'fastify';
import { workspaceTimeZone } from '../../config/workspace-time-zone.js';
import { spreadsheetDateTime } from '../../domain/zoned-time.js';
import { renderReportPdf } from '../../reports/render-report-pdf.js';
import { fileNamePart } from '../csv.js';
import { chooseLanguage } from '../language.js';
import { BadRequestError, entityFromQuery, parseTime } from '../query-params.js';
import type { RouteContext } from '../route-context.js';
import { signShare } from '../share-link.js';
import { shareSecret } from './share.js';

/** The printing browser reads the page through a link that works for this long only. */
const PRINT_LINK_MS = 5 * 60_000;

export async function reportRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get<{ Querystring: { entity?: string; from?: string; to?: string; lang?: string } }>('/reports.pdf', {
    schema: {
      summary: "The overview of an entity over a period as a PDF (Chromium prints the dashboard's own page)",
      tags: ['reports'],
      querystring: {
        type: 'object',
        required: ['from', 'to'],
        properties: {
          entity: { type: 'string' },
          from: { type: 'string', description: 'ISO date/time or epoch ms (inclusive).' },
          to: { type: 'string', description: 'ISO date/time or epoch ms (exclusive).' },
          lang: { type: 'string', enum: ['en', 'fr'] },
        },
      },
    },
  }, async (request, reply) => {
    const entity = entityFromQuery(ctx.config, request.query.entity);
    const from = parseTime(request.query.from, 'from')!;
    const to = parseTime(request.query.to, 'to')!;
    if (!(to > from)) throw new BadRequestError('to: expected a time after from');
    const address = app.server.address();
    if (!address || typeof address !== 'object') throw new BadRequestError('reports need the API to be listening', 503);
    // Chromium reads this very server on loopback, whatever address people use.
    const host = address.family === 'IPv6' ? `[${address.address === '::' ? '::1' : address.address}]` : address.address === '0.0.0.0' ? '127.0.0.1' : address.address;
    const token = signShare(shareSecret(ctx), { entity: entity.id, from, to, expires: ctx.now() + PRINT_LINK_MS });
    const lang = chooseLanguage(request.query.lang, request.headers['accept-language'], ctx.config.locale);
    const pdf = await renderReportPdf(`http://${host}:${address.port}`, token, lang);
    const day = (t: number) => spreadsheetDateTime(t, workspaceTimeZone(ctx.config)).slice(0, 10);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="vigie-${fileNamePart(entity.id)}-${day(from)}-to-${day(to - 1)}.pdf"`)
      .send(pdf);
  });
}
