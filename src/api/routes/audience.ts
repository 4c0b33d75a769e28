// GET /api/audience: who talks and about what (languages, top authors, topics, unique audience, advocacy).
// Reads mentions, not rollups: languages, authors and audience come from the period's newest MENTION_SAMPLE mentions
// (the response says whether that covered the whole period), advocacy from the configured accounts' posts.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { advocateAccounts, computeAdvocacy } from '../../analytics/advocacy.js';
import { breakdown } from '../../analytics/breakdown.js';
import { extractTopics, type Topic } from '../../scoring/topics.js';
import { advocacyActivity, authorSample, recentTexts } from '../../store/author-queries.js';
import { entityFromQuery, entityQuerySchema, periodFromQuery, periodQuerySchema } from '../query-params.js';
import type { RouteContext } from '../route-context.js';

/** Topics come from the newest texts only: enough to name what is discussed, cheap enough for every page load. */
const TOPIC_SAMPLE = 400;
const TOP_AUTHORS = 10;

/** Topics are a nice-to-have beside the numbers: a failure there is logged and leaves the list empty, not the page broken. */
function topicsOf(texts: string[], lang: string | undefined, log: FastifyBaseLogger): Topic[] {
  try {
    return extractTopics(texts, { lang, top: 10 });
  } catch (error) {
    log.error({ err: error }, 'topic extraction failed');
    return [];
  }
}

export async function audienceRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get<{ Querystring: { entity?: string; from?: string; to?: string } }>('/audience', {
    schema: {
      summary: 'Languages, top authors, top topics, unique audience and advocacy of an entity over a period',
      tags: ['analytics'],
      querystring: { type: 'object', properties: { ...entityQuerySchema, ...periodQuerySchema } },
    },
  }, async (request) => {
    const { db } = ctx.readStore;
    const entity = entityFromQuery(ctx.config, request.query.entity);
    const period = await periodFromQuery(ctx.readStore, request.query, ctx.now());
    const [sample, texts, activity] = await Promise.all([
      authorSample(db, entity.id, period),
      recentTexts(db, entity.id, period, TOPIC_SAMPLE),
      advocacyActivity(db, advocateAccounts(entity), period),
    ]);
    return {
      entity: { id: entity.id, name: entity.name },
      period,
      sample: sample.coverage,
      languages: breakdown(sample.languages),
      topAuthors: sample.authors.slice(0, TOP_AUTHORS).map((a) => ({ handle: a.handle, platform: a.platform, followers: a.followers, influence: a.influence, mentions: a.mentions, own: a.own })),
      topics: topicsOf(texts, entity.locale, request.log),
      uniqueAudience: sample.uniqueAudience,
      advocacy: computeAdvocacy(activity),
    };
  });
}
