// Digest worker: a brand's weekly digest job in (from its job scheduler, or queued by hand), the email out once; the
// scheduled PDF report (report: true) rides the same queue.
import { UnrecoverableError } from 'bullmq';
import { UnknownEntityError } from '../src/digest/build-digest.js';
import type { StageHandler } from '../src/queue/worker-runtime.js';
import { digestWeekAt, runDigest } from '../src/stages/digest.js';
import { runReport } from '../src/stages/report.js';

export const digest: StageHandler<'digest'> = async (job, _token, ctx) => {
  try {
    // A scheduled job reports the week before its scheduled time, not before the time it finally ran: a retry on
    // Tuesday still sends last week's digest.
    const scheduledAt = job.opts.prevMillis ?? job.timestamp + (job.delay ?? 0);
    if (job.data.report) return await runReport(ctx, { entityId: job.data.entityId, scheduledAt });
    const week = job.data.week ?? digestWeekAt(ctx.config, job.data.entityId, scheduledAt);
    return await runDigest(ctx, { entityId: job.data.entityId, week });
  } catch (error) {
    // An entity removed from the config or a malformed week never succeeds: no retries.
    if (error instanceof UnknownEntityError || error instanceof RangeError) throw new UnrecoverableError((error as Error).message);
    throw error;
  }
};
