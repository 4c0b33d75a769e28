// The team's corrections: PUT/DELETE a mention's sentiment label, the recent labels, and what the labels say of the models.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { applyLabels, labelAgreement, recentLabels, type LabelSource } from '../../store/label-repository.js';
import { loadActiveModels, NO_MODELS, type LoadedModels } from '../../app/active-models.js';
import { maskTermsOf } from '../../app/context.js';
import { FIRST_LABELS_SAMPLE, reviewPriority } from '../../scoring/learning/index.js';
import { modelLanguage } from '../../scoring/learning/sentiment-model.js';
import { createMasker } from '../../scoring/masking.js';
import { listMentions } from '../../store/mention-queries.js';
import { activeModelsStamp, labelsSummary } from '../../store/model-repository.js';
import { reviewCandidates } from '../../store/review-queries.js';
import { BadRequestError, entityFromQuery } from '../query-params.js';
import type { RouteContext } from '../route-context.js';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 400 } } } as const;

const labelBody = z
  .object({
    label: z.enum(['negative', 'neutral', 'positive']),
    by: z.string().trim().min(1).max(200).optional(),
    source: z.enum(['dashboard', 'api']).optional(),
  })
  .strict();

const removeBody = z.object({ by: z.string().trim().min(1).max(200).optional(), source: z.enum(['dashboard', 'api']).optional() }).strict();

/** zod's verdict as one sentence naming each bad field and what was expected. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  throw new BadRequestError(`invalid body: ${result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
}

export async function labelRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const change = async (mentionId: string, label: z.infer<typeof labelBody>['label'] | null, by: string | undefined, source: LabelSource | undefined) => {
    const [outcome] = await applyLabels(ctx.store, [{ mentionId, label, by: by ?? source ?? 'api', source: source ?? 'api', at: ctx.now() }]);
    if (outcome.status === 'unknown-mention') throw new BadRequestError(`no mention has the id "${mentionId.slice(0, 60)}"`, 404);
    ctx.logger.info({ mention: mentionId, label, status: outcome.status, source }, 'mention label');
    return { mentionId, label, effective: outcome.effective, changed: outcome.status === 'changed' };
  };

  app.put<{ Params: { id: string } }>('/mentions/:id/label', {
    schema: {
      summary: "Correct a mention's sentiment: the label wins at once in KPIs, rollups, digest, alert evidence and exports",
      description: 'Body: {"label": "negative" | "neutral" | "positive", "by"?: who, "source"?: "dashboard" | "api"}. Repeating a label changes nothing.',
      tags: ['labels'],
      params: idParams,
    },
  }, async (request) => {
    const body = parseBody(labelBody, request.body);
    return change(request.params.id, body.label, body.by, body.source);
  });

  app.delete<{ Params: { id: string } }>('/mentions/:id/label', {
    schema: { summary: "Remove a mention's label: the scorer's reading is back", tags: ['labels'], params: idParams },
  }, async (request) => {
    const body = parseBody(removeBody, request.body);
    return change(request.params.id, null, body.by, body.source);
  });

  app.get<{ Querystring: { limit?: number } }>('/labels', {
    schema: {
      summary: 'The latest labels, newest first, with who set them and what the scorer had said',
      tags: ['labels'],
      querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 } } },
    },
  }, async (request) => ({ labels: await recentLabels(ctx.store.db, request.query.limit ?? 100) }));

  app.get('/labels/summary', {
    schema: { summary: 'How many mentions the team labelled, how many the scorer agreed with, the labels still needed to train, and the lexicon and the trained model macro-F1 on them, per language', tags: ['labels'] },
  }, async () => labelsSummary(ctx.store.db, ctx.config.learning.folds));
}

/** Unlabelled mentions the ranking looks at: the newest of the last 30 days, at most this many. */
const REVIEW_POOL = 2000;
const REVIEW_WINDOW_MS = 30 * 86_400_000;

/** GET /review: the mentions whose labels would teach the model the most, most useful first. */
export async function reviewRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  // The API process holds no scorer: it reads the active model when the active set changed since the last request.
  let models: LoadedModels = NO_MODELS;
  const currentModels = async () => {
    const stamp = await activeModelsStamp(ctx.store.db);
    if (stamp !== models.stamp) models = await loadActiveModels(ctx.store, ctx.logger);
    return models;
  };
  const mask = createMasker(maskTermsOf(ctx.config));

  app.get<{ Querystring: { entity?: string; limit?: number } }>('/review', {
    schema: {
      summary: `To review: unlabelled mentions ordered by how much their label would teach the model (a random sample for a language's first ${FIRST_LABELS_SAMPLE} labels, then uncertain and diverse)`,
      tags: ['labels'],
      querystring: { type: 'object', properties: { entity: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 200, default: 30 } } },
    },
  }, async (request) => {
    const entityId = request.query.entity ? entityFromQuery(ctx.config, request.query.entity).id : undefined;
    const limit = request.query.limit ?? 30;
    const [{ sentiment }, candidates, agreement] = await Promise.all([currentModels(), reviewCandidates(ctx.store.db, { entityId, since: ctx.now() - REVIEW_WINDOW_MS, limit: REVIEW_POOL }), labelAgreement(ctx.store.db)]);
    const labelledPerLanguage: Record<string, number> = {};
    for (const { lang, n } of agreement) labelledPerLanguage[modelLanguage(lang)] = (labelledPerLanguage[modelLanguage(lang)] ?? 0) + n;
    const ranked = reviewPriority(sentiment, candidates.map((c) => ({ id: c.id, text: mask(c.text), lang: c.lang })), { limit, labelledPerLanguage });
    const views = new Map((await listMentions(ctx.store.db, { ids: ranked.map((r) => r.id), limit: 500 })).map((m) => [m.id, m]));
    return { items: ranked.flatMap((r) => (views.has(r.id) ? [{ ...r, mention: views.get(r.id)! }] : [])), model: sentiment ? models.stamp : null };
  });
}
