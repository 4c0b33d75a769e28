// Custom tags: define them, tag a mention (or say a tag does not apply), and count mentions per tag per day for charts.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createTag, listTags, setMentionTag, tagDailyCounts, tagExists } from '../../store/tag-repository.js';
import { BadRequestError, entityFromQuery, periodFromQuery, periodQuerySchema } from '../query-params.js';
import type { RouteContext } from '../route-context.js';
import { parseBody } from './labels.js';

const newTag = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'expected a lower-case slug like product-defect'),
    name: z.string().trim().min(1).max(80),
    description: z.string().max(500).optional(),
    by: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

const tagAnswer = z.object({ applies: z.boolean(), by: z.string().trim().min(1).max(200).optional() }).strict();

const mentionTagParams = {
  type: 'object',
  required: ['id', 'tag'],
  properties: { id: { type: 'string', maxLength: 400 }, tag: { type: 'string', maxLength: 60 } },
} as const;

export async function tagRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get('/tags', { schema: { summary: 'Custom tags, with how many mentions people tagged and the classifier tagged', tags: ['tags'] } }, async () => ({
    tags: await listTags(ctx.store.db),
  }));

  app.post('/tags', {
    schema: { summary: 'Define a custom tag', description: 'Body: {"id": "product-defect", "name": "Product defect", "description"?, "by"?}', tags: ['tags'] },
  }, async (request, reply) => {
    const body = parseBody(newTag, request.body);
    const { created } = await createTag(ctx.store.db, { id: body.id, name: body.name, description: body.description ?? '', by: body.by ?? 'api', now: ctx.now() });
    return reply.code(created ? 201 : 200).send({ id: body.id, created });
  });

  app.put<{ Params: { id: string; tag: string } }>('/mentions/:id/tags/:tag', {
    schema: { summary: 'Say whether a custom tag applies to a mention (a person\'s answer; the classifier learns from it)', tags: ['tags'], params: mentionTagParams },
  }, async (request) => {
    const body = parseBody(tagAnswer, request.body);
    const { id, tag } = request.params;
    if (!(await tagExists(ctx.store.db, tag))) throw new BadRequestError(`no tag has the id "${tag.slice(0, 60)}" (define it in the config's tags or with POST /api/tags)`, 404);
    const status = await setMentionTag(ctx.store.db, { mentionId: id, tagId: tag, applies: body.applies, by: body.by ?? 'api', at: ctx.now() });
    if (status === 'unknown-mention') throw new BadRequestError(`no mention has the id "${id.slice(0, 60)}"`, 404);
    return { mentionId: id, tag, applies: body.applies, changed: status === 'changed' };
  });

  app.get<{ Querystring: { entity?: string; from?: string; to?: string } }>('/tags/series', {
    schema: {
      summary: 'Mentions per custom tag per day (UTC) in a period, for one entity',
      tags: ['tags'],
      querystring: { type: 'object', properties: { entity: { type: 'string' }, ...periodQuerySchema } },
    },
  }, async (request) => {
    const entity = entityFromQuery(ctx.config, request.query.entity);
    const period = await periodFromQuery(ctx.store, request.query, ctx.now());
    const counts = await tagDailyCounts(ctx.store.db, { entityId: entity.id, from: period.from, to: period.to });
    return { entity: entity.id, period, series: counts };
  });
}
