// GET /api/themes: what people talk about, as themes with volume, tone and change against the previous period.
import type { FastifyInstance } from 'fastify';
import { previousPeriod } from '../../analytics/period.js';
import { findThemes, themeChanges } from '../../analytics/themes.js';
import { themeTexts } from '../../store/theme-queries.js';
import { entityFromQuery, entityQuerySchema, periodFromQuery, periodQuerySchema } from '../query-params.js';
import type { RouteContext } from '../route-context.js';

/** Themes come from the period's newest posts: enough to name what is discussed, cheap enough for a page load. */
const THEME_SAMPLE = 1500;

export async function themeRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get<{ Querystring: { entity?: string; from?: string; to?: string } }>('/themes', {
    schema: {
      summary: 'Themes of the period (keyphrases grouped, watched names left out) with volume, tone and change vs the previous period',
      tags: ['analytics'],
      querystring: { type: 'object', properties: { ...entityQuerySchema, ...periodQuerySchema } },
    },
  }, async (request) => {
    const entity = entityFromQuery(ctx.config, request.query.entity);
    const period = await periodFromQuery(ctx.store, request.query, ctx.now());
    const [current, previous] = await Promise.all([
      themeTexts(ctx.store.db, entity.id, period, THEME_SAMPLE),
      themeTexts(ctx.store.db, entity.id, previousPeriod(period), THEME_SAMPLE),
    ]);
    // Every watched name is left out, not only this entity's: "veltra" is no theme of Kelio's either.
    const watchedNames = ctx.config.entities.flatMap((e) => [e.name, ...e.terms, ...Object.values(e.ownHandles).flat()]);
    const themes = findThemes(current, previous, { watchedNames });
    return { entity: { id: entity.id, name: entity.name }, period, posts: current.length, previousPosts: previous.length, themes, changes: themeChanges(themes).map((t) => t.label) };
  });
}
