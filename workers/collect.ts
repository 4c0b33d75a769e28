// Collect worker: a poll or import job in, normalised mentions out to the score queue.
import { DelayedError } from 'bullmq';
import { RateLimitedError } from '../src/sources/source.js';
import { runCollect } from '../src/stages/collect.js';
import type { StageHandler } from '../src/queue/worker-runtime.js';

export const collect: StageHandler<'collect'> = async (job, token, ctx) => {
  try {
    return await runCollect(ctx, job.data);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    // The platform said when to come back: park this job until then instead of hammering it.
    ctx.logger.info({ sourceId: job.data.sourceId, resetAt: new Date(error.resetAt).toISOString() }, 'rate limited; waiting for the reset');
    await job.moveToDelayed(error.resetAt, token);
    throw new DelayedError();
  }
};
