// Notify worker: an alert event in, delivered once on every routed channel (held back during quiet hours).
import { DelayedError } from 'bullmq';
import { runNotify } from '../src/stages/notify.js';
import type { StageHandler } from '../src/queue/worker-runtime.js';

export const notify: StageHandler<'notify'> = async (job, token, ctx) => {
  const outcome = await runNotify(ctx, job.data);
  if ('deferUntil' in outcome) {
    await job.moveToDelayed(outcome.deferUntil, token);
    throw new DelayedError();
  }
  return outcome;
};
