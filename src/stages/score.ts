// Score stage: language, sentiment, influence and risk for a batch, stored exactly once with the rollups.
import type { AppContext } from '../app/context.js';
import type { ScoreJob } from '../queue/names.js';
import { storeMentions, type StoredMention, type StoreResult } from '../store/mention-repository.js';
import { enqueueDetection } from './detect.js';

export async function runScore(ctx: AppContext, job: ScoreJob): Promise<StoreResult> {
  const scored: StoredMention[] = job.mentions.map((m) => {
    const scores = ctx.scorer.score(m);
    return {
      ...m,
      ...scores,
      sourceId: job.sourceId,
      collectedAt: job.collectedAt,
      authorIsOwn: ctx.ownHandles.has(`${m.platform}:${m.author.handle.replace(/^@/, '').toLowerCase()}`),
    };
  });
  const result = await storeMentions(ctx.store.db, scored);
  await Promise.all([...result.touched].map(([entityId, latest]) => enqueueDetection(ctx, entityId, latest)));
  return result;
}
