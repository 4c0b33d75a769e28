// GET /api/entities: what is watched, with each brand's competitors, as the dashboard's menus need it.
import type { FastifyInstance } from 'fastify';
import { entityLocale } from '../../config/entity-locale.js';
import { competitorsOf } from '../../config/competitors.js';
import type { RouteContext } from '../route-context.js';

export async function entityRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const entities = ctx.config.entities.map((e) => ({
    id: e.id,
    name: e.name,
    kind: e.kind,
    parent: e.parent ?? null,
    locale: entityLocale(ctx.config, e.id),
    competitors: competitorsOf(ctx.config, e).map((c) => c.id),
    norms: e.norms,
  }));
  app.get('/entities', {
    schema: {
      summary: 'Configured entities',
      tags: ['entities'],
      response: {
        200: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              name: { type: 'string' },
              kind: { type: 'string', enum: ['brand', 'product', 'person', 'competitor'] },
              parent: { type: ['string', 'null'] },
              locale: { type: 'string' },
              competitors: { type: 'array', items: { type: 'string' } },
              norms: { type: 'object', additionalProperties: { type: 'number' } },
            },
          },
        },
      },
    },
  }, async () => entities);
}
