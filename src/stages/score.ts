// Score stage: language, sentiment, influence and risk for a batch, stored exactly once with the rollups.
import { refreshModels } from '../app/active-models.js';
import { isOwnHandle, type AppContext } from '../app/context.js';
import { predictTags } from '../scoring/learning/index.js';
import { mentionId } from '../store/mention-repository.js';
import { writeModelTags } from '../store/tag-repository.js';
import type { ScoreJob } from '../queue/names.js';
import { storeMentions, type StoredMention, type StoreResult } from '../store/mention-repository.js';
import { enqueueDetection } from './detect.js';
import { mentionsDuplicate, mentionsScored, mentionsStored } from '../observability/metrics.js';

export async function runScore(ctx: AppContext, job: ScoreJob): Promise<StoreResult> {
  // A model trained, adopted or rolled back since the last batch is picked up here (checked every few seconds).
  await refreshModels(ctx);
  const scored = job.mentions.map((m) => scoreMention(ctx, m, job.sourceId, job.collectedAt));
  const result = await storeMentions(ctx.store, scored);
  if (ctx.models.tags) await tagMentions(ctx, scored);
  for (const m of scored) mentionsScored.inc({ platform: m.platform, lang: m.lang, sentiment: m.sentiment.label });
  for (const [key, n] of result.storedPerEntity) {
    const [entity, platform] = key.split('\u0000');
    mentionsStored.inc({ entity, platform }, n);
  }
  if (result.duplicates > 0) mentionsDuplicate.inc({ platform: scored[0].platform }, result.duplicates);
  await Promise.all([...result.touched].map(([entityId, latest]) => enqueueDetection(ctx, entityId, latest)));
  return result;
}

/**
 * One matched mention as it is stored: its scores, and its tone per entity (a competitor praised at the brand's expense
 * is not the competitor's bad news), which may link it to one more entity, the brand the competitor was chosen over.
 */
export function scoreMention(ctx: Pick<AppContext, 'scorer' | 'stance' | 'ownHandles'>, m: ScoreJob['mentions'][number], sourceId: string, collectedAt: number): StoredMention {
  const scores = ctx.scorer.score(m);
  const targets = ctx.stance.targets({ text: m.text, lang: scores.lang, tone: scores.sentiment.label, entityIds: m.entityIds });
  // The scores are set on the job's own mention object rather than on a copy (less garbage per batch).
  return Object.assign(m, scores, {
    entityIds: targets.map((t) => t.entityId),
    targets,
    sourceId,
    collectedAt,
    authorIsOwn: isOwnHandle(ctx.ownHandles, m.platform, m.author.handle),
  });
}

/** The tag classifier's tags, on the text as the models see it (watched names masked). */
async function tagMentions(ctx: AppContext, scored: readonly StoredMention[]): Promise<void> {
  const model = ctx.models.tags!;
  const rows = scored.map((m) => ({ mentionId: mentionId(m.platform, m.externalId), tagIds: predictTags(model, ctx.maskText(m.text), m.lang), publishedAt: Date.parse(m.publishedAt) }));
  await writeModelTags(ctx.store.db, rows.filter((r) => r.tagIds.length > 0), ctx.now());
}
