// GET /api/sources: each configured source and whether its last poll failed, with the platform's words (the dashboard's banner).
import type { FastifyInstance } from 'fastify';
import { failingSources } from '../../store/cursor-repository.js';
import type { RouteContext } from '../route-context.js';

export async function sourceRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get('/sources', {
    schema: {
      summary: 'Configured sources and the ones failing, with what the platform said',
      tags: ['sources'],
      response: {
        200: {
          type: 'object',
          properties: {
            sources: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  type: { type: 'string' },
                  status: { type: 'string', enum: ['ok', 'failing'] },
                  error: { type: ['string', 'null'] },
                  since: { type: ['string', 'null'] },
                },
              },
            },
          },
        },
      },
    },
  }, async () => {
    const failing = new Map((await failingSources(ctx.store.db)).map((f) => [f.sourceId, f]));
    return {
      sources: ctx.config.sources.map((s) => {
        const f = failing.get(s.id);
        return { id: s.id, type: s.type, status: f ? 'failing' : 'ok', error: f?.error ?? null, since: f ? new Date(f.since).toISOString() : null };
      }),
    };
  });
}
