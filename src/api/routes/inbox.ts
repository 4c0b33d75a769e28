// GET /api/inbox: negative mentions nobody from the brand has answered yet, most influential first (the community manager's to-do list).
import type { FastifyInstance } from 'fastify';
import { authorScore } from '../../analytics/influencer-ranking.js';
import { responseInbox } from '../../store/response-queries.js';
import { entityFromQuery, entityQuerySchema, periodFromQuery, periodQuerySchema } from '../query-params.js';
import type { RouteContext } from '../route-context.js';

export async function inboxRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get<{ Querystring: { entity?: string; from?: string; to?: string; minInfluence?: number; limit?: number } }>('/inbox', {
    schema: {
      summary: 'Unanswered negative mentions above an influence threshold, most influential first',
      tags: ['alerts'],
      querystring: {
        type: 'object',
        properties: {
          ...entityQuerySchema,
          ...periodQuerySchema,
          minInfluence: { type: 'number', minimum: 0, maximum: 100, default: 30 },
          limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
        },
      },
    },
  }, async (request) => {
    const entity = entityFromQuery(ctx.config, request.query.entity);
    const period = await periodFromQuery(ctx.store, request.query, ctx.now());
    const items = await responseInbox(ctx.store.db, { entityId: entity.id, since: period.from, minInfluence: request.query.minInfluence ?? 30, limit: request.query.limit ?? 50 });
    // The author's influence is the Influencers page's score; `influence` is the post's own (author and earned engagement).
    return { entity: entity.id, period, items: items.map(({ authorStats, ...item }) => ({ ...item, authorInfluence: authorScore(authorStats).score })) };
  });
}
