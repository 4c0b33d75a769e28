// Detect worker: an entity and a data time in, alerts opened / updated / resolved, notifications queued.
import { runDetect } from '../src/stages/detect.js';
import type { StageHandler } from '../src/queue/worker-runtime.js';

export const detect: StageHandler<'detect'> = async (job, _token, ctx) => runDetect(ctx, job.data);
