// Shareable read-only dashboard views: POST /api/shares makes a signed, expiring link to one entity over one period;
// GET /share/<token> opens the overview for it, and the page's API calls carry the token (see share-link.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { linkSecret } from '../../notify/link-secret.js';
import { entityFromQuery, parseTime, BadRequestError } from '../query-params.js';
import type { RouteContext } from '../route-context.js';
import { shareAllows, signShare, verifyShare } from '../share-link.js';
import { sendPage } from './pages.js';

const DAY_MS = 86_400_000;
/** A shared view lasts a week unless asked otherwise, at most 90 days. */
const DEFAULT_SHARE_DAYS = 7;
const MAX_SHARE_DAYS = 90;

export const shareSecret = (ctx: RouteContext) => linkSecret(ctx.config.api, ctx.config.dataDir);

/** Where people open the dashboard: the configured public address, else the address this request came to. */
export function publicBase(ctx: RouteContext, request: FastifyRequest): string {
  return (ctx.config.api.publicUrl || `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}

/**
 * In front of the token guard: a request carrying `Authorization: Share <token>` is admitted when the link is genuine,
 * unexpired and the request is one its view makes; otherwise it is refused here, never passed on as a token guess.
 */
export function shareCredential(ctx: RouteContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<'admitted' | 'none' | FastifyReply> => {
    const match = /^Share\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match) return 'none';
    const check = verifyShare(shareSecret(ctx), match[1], ctx.now());
    if (!check.ok) return reply.code(401).send({ error: check.reason === 'expired' ? 'this shared link has expired' : 'this shared link is not valid' });
    if (!shareAllows(check.grant, request.method, request.routeOptions.url, request.query as Record<string, unknown>)) {
      return reply.code(403).send({ error: 'a shared link only shows its own entity and period' });
    }
    return 'admitted';
  };
}

export async function shareRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get<{ Params: { token: string }; Querystring: { lang?: string } }>('/share/:token', { schema: { hide: true } }, async (request, reply) => {
    const check = verifyShare(shareSecret(ctx), request.params.token, ctx.now());
    if (!check.ok) {
      return reply
        .code(check.reason === 'expired' ? 410 : 404)
        .header('content-type', 'text/plain; charset=utf-8')
        .send(check.reason === 'expired' ? 'This shared Vigie view has expired. Ask for a new link.' : 'No shared Vigie view at this address.');
    }
    // Shared pages are not for search engines or referrers.
    reply.header('x-robots-tag', 'noindex');
    return sendPage(ctx, request, reply, 'overview.html', { 'data-share': request.params.token });
  });
}

/** Under /api, behind the token: only the token holder shares. */
export async function shareApiRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.post<{ Body: { entity?: string; from?: string; to?: string; days?: number } }>('/shares', {
    schema: {
      summary: 'A signed, expiring, read-only link to the overview of one entity over one period',
      tags: ['reports'],
      body: {
        type: 'object',
        required: ['entity', 'from', 'to'],
        properties: {
          entity: { type: 'string' },
          from: { type: 'string', description: 'ISO date/time or epoch ms (inclusive).' },
          to: { type: 'string', description: 'ISO date/time or epoch ms (exclusive).' },
          days: { type: 'integer', minimum: 1, maximum: MAX_SHARE_DAYS, default: DEFAULT_SHARE_DAYS, description: 'How long the link works.' },
        },
      },
    },
  }, async (request) => {
    const entity = entityFromQuery(ctx.config, request.body.entity);
    const from = parseTime(request.body.from, 'from')!;
    const to = parseTime(request.body.to, 'to')!;
    if (!(to > from)) throw new BadRequestError('to: expected a time after from');
    const expires = ctx.now() + (request.body.days ?? DEFAULT_SHARE_DAYS) * DAY_MS;
    const token = signShare(shareSecret(ctx), { entity: entity.id, from, to, expires });
    return { url: `${publicBase(ctx, request)}/share/${token}`, expires };
  });
}
