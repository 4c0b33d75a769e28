// Maintenance worker: author influence every hour, retention every night.
import { runMaintain } from '../src/stages/maintain.js';
import type { StageHandler } from '../src/queue/worker-runtime.js';

export const maintain: StageHandler<'maintain'> = async (job, _token, ctx) => runMaintain(ctx, job.data);
