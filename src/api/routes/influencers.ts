// GET /api/influencers: the authors who mattered most for an entity in a period, with their score and why.
// Reads the period's newest mentions (see author-queries MENTION_SAMPLE); `sample` says whether they covered it all.
import type { FastifyInstance } from 'fastify';
import { rankAuthors } from '../../analytics/influencer-ranking.js';
import { authorSample } from '../../store/author-queries.js';
import { entityFromQuery, entityQuerySchema, periodFromQuery, periodQuerySchema } from '../query-params.js';
import type { RouteContext } from '../route-context.js';

export async function influencerRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get<{ Querystring: { entity?: string; from?: string; to?: string; limit?: number } }>('/influencers', {
    schema: {
      summary: 'Ranked authors with their influence score and the factors behind it',
      tags: ['analytics'],
      querystring: {
        type: 'object',
        properties: { ...entityQuerySchema, ...periodQuerySchema, limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
      },
    },
  }, async (request) => {
    const entity = entityFromQuery(ctx.config, request.query.entity);
    const period = await periodFromQuery(ctx.readStore, request.query, ctx.now());
    const { coverage, authors } = await authorSample(ctx.readStore.db, entity.id, period);
    const ranked = rankAuthors(authors.slice(0, request.query.limit ?? 50)).map(({ author: a, journalist, explanation }) => ({
      id: a.id,
      platform: a.platform,
      handle: a.handle,
      displayName: a.displayName,
      followers: a.followers,
      verified: a.verified,
      journalist,
      own: a.own,
      score: explanation.score,
      why: explanation.parts,
      mentions: a.mentions,
      negativeMentions: a.negativeMentions,
      topMentionInfluence: a.topMentionInfluence,
    }));
    return { entity: { id: entity.id, name: entity.name }, period, sample: coverage, authors: ranked };
  });
}
