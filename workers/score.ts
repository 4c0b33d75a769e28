// Score worker: a batch of mentions in, scored and stored exactly once, detection queued for touched entities.
import { runScore } from '../src/stages/score.js';
import type { StageHandler } from '../src/queue/worker-runtime.js';

export const score: StageHandler<'score'> = async (job, _token, ctx) => {
  const result = await runScore(ctx, job.data);
  return { inserted: result.inserted, duplicates: result.duplicates };
};
