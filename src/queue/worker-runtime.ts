// Runs BullMQ workers for the chosen stages, with the job registry checked at start-up and a clean shutdown.
import { DelayedError, Worker, type Job } from 'bullmq';
import type { AppContext } from '../app/context.js';
import { createRedis, type RedisClient } from './redis-connection.js';
import { jobFailures, jobWait } from '../observability/metrics.js';
import { createSlots } from './slots.js';
import { STAGES, queueName, type JobPayloads, type Stage } from './names.js';

export type StageHandler<S extends Stage> = (job: Job<JobPayloads[S]>, token: string | undefined, ctx: AppContext) => Promise<unknown>;
export type HandlerRegistry = { [S in Stage]: StageHandler<S> };

/**
 * How many jobs of a stage one process runs at once. A score worker waits on the database part of the time, so a
 * second batch in flight keeps its core busy; with batches of 1,000 mentions (SCORE_BATCH) two did as well as four
 * on PostgreSQL, better on SQLite (whose writers queue anyway), and kept the worker under 300 MB.
 * Detection stays single so that one entity's alert is never reconciled twice at once.
 */
export const DEFAULT_CONCURRENCY: Record<Stage, number> = { collect: 4, score: 2, detect: 1, notify: 4, maintain: 1, digest: 1 };

export interface RunningWorkers {
  stages: Stage[];
  close(): Promise<void>;
}

export function checkRegistry(registry: Partial<HandlerRegistry>): asserts registry is HandlerRegistry {
  const missing = STAGES.filter((s) => typeof registry[s] !== 'function');
  if (missing.length > 0) throw new Error(`no handler registered for queue(s): ${missing.join(', ')}`);
}

export function startWorkers(ctx: AppContext, registry: HandlerRegistry, stages: readonly Stage[], concurrency: Partial<Record<Stage, number>> = {}): RunningWorkers {
  checkRegistry(registry);
  const scoreConcurrency = concurrency.score ?? DEFAULT_CONCURRENCY.score;
  const scoreHere = stages.includes('collect') && stages.includes('score') && ctx.config.workers.scoreInCollect ? createSlots(scoreConcurrency) : undefined;
  const connections: RedisClient[] = [];
  const workers = stages.map((stage) => {
    const handler = registry[stage] as StageHandler<Stage>;
    const connection = createRedis(ctx.redisTarget);
    connections.push(connection);
    const worker = new Worker<JobPayloads[Stage]>(queueName(stage), (job, token) => {
      if (job.processedOn) jobWait.observe({ stage }, Math.max(0, job.processedOn - job.timestamp) / 1000);
      // Every log line of a job carries its stage and id.
      return handler(job, token, jobContext(ctx, { logger: ctx.logger.child({ stage, jobId: job.id }), scoreHere }));
    }, {
      connection,
      prefix: ctx.config.redis.prefix,
      concurrency: concurrency[stage] ?? DEFAULT_CONCURRENCY[stage],
      // A worker killed mid-job leaves a stalled job; another worker takes it again after this long.
      stalledInterval: 15_000,
      maxStalledCount: 5,
    });
    worker.on('error', (error) => ctx.logger.warn({ stage, err: error.message }, 'worker error'));
    worker.on('failed', (job, error) => {
      if (error instanceof DelayedError || error.name === 'DelayedError') return;
      jobFailures.inc({ stage });
      ctx.logger.warn({ stage, jobId: job?.id, attempt: job?.attemptsMade, err: error.message }, 'job failed (will retry if attempts remain)');
    });
    return worker;
  });
  return {
    stages: [...stages],
    async close() {
      // Stop taking work; jobs in flight finish before close() resolves (it also quits the blocking connection).
      await Promise.all(workers.map((w) => w.close()));
      // Then the connection each worker was given, by us: BullMQ leaves a connection it did not open alone, and its
      // worker.disconnect() waits for the client's 'end' event, which on a Redis Cluster sometimes never comes (every
      // node connection closed, the cluster left in status 'close': 4 of 24 worker disconnects in a test script, the
      // cluster test's endless stop about one run in three). ioredis closes the sockets at once either way.
      for (const connection of connections) connection.disconnect();
    },
  };
}

/**
 * The context a job sees: the process's own, with a few fields of the job's (its logger). Reads of other fields and
 * every write go to the process's context, so what a job learns stays for the next ones: a copy ({ ...ctx }) kept the
 * score stage's model check time and freshly loaded models to itself, and every batch after the first 15 s asked the
 * database whether the models had changed (and reloaded them, once they had).
 */
export function jobContext(ctx: AppContext, own: Partial<AppContext>): AppContext {
  return new Proxy(ctx, { get: (target, key, receiver) => (Object.hasOwn(own, key) ? own[key as keyof AppContext] : Reflect.get(target, key, receiver)) });
}
