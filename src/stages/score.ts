// Score stage: language, sentiment, influence and risk for a batch, stored exactly once with the rollups.
import { isOwnHandle, type AppContext } from '../app/context.js';
import type { ScoreJob } from '../queue/names.js';
import { storeMentions, type StoredMention, type StoreResult } from '../store/mention-repository.js';
import { enqueueDetection } from './detect.js';
import { mentionsDuplicate, mentionsScored, mentionsStored } from '../observability/metrics.js';

export async function runScore(ctx: AppContext, job: ScoreJob): Promise<StoreResult> {
  const scored: StoredMention[] = job.mentions.map((m) => {
    const scores = ctx.scorer.score(m);
    return {
      ...m,
      ...scores,
      sourceId: job.sourceId,
      collectedAt: job.collectedAt,
      authorIsOwn: isOwnHandle(ctx.ownHandles, m.platform, m.author.handle),
    };
  });
  const result = await storeMentions(ctx.store, scored);
  for (const m of scored) mentionsScored.inc({ platform: m.platform, lang: m.lang, sentiment: m.sentiment.label });
  for (const [key, n] of result.storedPerEntity) {
    const [entity, platform] = key.split('\u0000');
    mentionsStored.inc({ entity, platform }, n);
  }
  if (result.duplicates > 0) mentionsDuplicate.inc({ platform: scored[0].platform }, result.duplicates);
  await Promise.all([...result.touched].map(([entityId, latest]) => enqueueDetection(ctx, entityId, latest)));
  return result;
}
