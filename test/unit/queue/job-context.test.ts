// A job's context: its own logger, everything else shared with the process, writes included.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { jobContext } from '../../../src/queue/worker-runtime.js';

describe('jobContext', () => {
  it('reads the job’s own fields first and writes through to the process context', () => {
    const processLogger = { name: 'process' };
    const ctx = { logger: processLogger, modelsCheckedAt: 1, models: { stamp: 'a' } } as unknown as AppContext;
    const jobLogger = { name: 'job' } as unknown as AppContext['logger'];
    const job = jobContext(ctx, { logger: jobLogger, scoreHere: undefined });
    expect(job.logger).toBe(jobLogger);
    expect(job.scoreHere).toBeUndefined();
    expect(job.models.stamp).toBe('a');
    // What refreshModels does in a score job: the next job (and the process) must see it.
    job.modelsCheckedAt = 99;
    job.models = { stamp: 'b' } as AppContext['models'];
    expect(ctx.modelsCheckedAt).toBe(99);
    expect(jobContext(ctx, { logger: jobLogger }).models.stamp).toBe('b');
    expect(ctx.logger).toBe(processLogger);
  });
});
