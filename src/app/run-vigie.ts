// Runs a Vigie process in the role config asks for: everything at once, or some stages alone; shuts down in order.
import type { Logger } from 'pino';
import { handlers } from '../../workers/index.js';
import { startApi } from '../api/server.js';
import type { VigieConfig } from '../config/load-config.js';
import type { Stage } from '../queue/names.js';
import { upsertCollectSchedulers, upsertMaintenanceSchedulers } from '../queue/schedulers.js';
import { upsertDigestSchedulers } from '../queue/digest-schedulers.js';
import { startWorkers } from '../queue/worker-runtime.js';
import { createAppContext, type AppContext } from './context.js';
import { readinessChecks } from './readiness.js';
import { reloadOnChange } from './reload-config.js';

export interface RunOptions {
  /** Stages whose workers run here. */
  stages: readonly Stage[];
  /** Serve the API and dashboard, and own the schedulers. */
  api: boolean;
  schedulers: boolean;
  logger: Logger;
  concurrency?: Partial<Record<Stage, number>>;
  /** Runs once the services are up, before any worker takes a job. */
  prepare?: (ctx: AppContext) => Promise<void>;
}

export interface RunningVigie {
  ctx: AppContext;
  apiUrl?: string;
  stop(): Promise<void>;
}

export async function runVigie(config: VigieConfig, options: RunOptions): Promise<RunningVigie> {
  const ctx = await createAppContext(config, { logger: options.logger });
  await options.prepare?.(ctx);
  // The API first: the dashboard answers (and /ready tells how things are) while the first jobs run.
  const api = options.api
    ? await startApi({ config, store: ctx.store, readStore: ctx.readStore, logger: options.logger, redis: ctx.redis, redisPrefix: config.redis.prefix, queues: ctx.queues, ready: readinessChecks(ctx) })
    : undefined;
  const workers = startWorkers(ctx, handlers, options.stages, options.concurrency);
  if (options.schedulers) {
    await upsertCollectSchedulers(ctx);
    await upsertMaintenanceSchedulers(ctx);
    await upsertDigestSchedulers(ctx);
  }
  const stopWatching = reloadOnChange(ctx, config.file, options.schedulers);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      options.logger.info('shutting down: finishing the jobs in flight');
      stopWatching();
      await workers.close();
      await api?.close();
      await ctx.close();
      options.logger.info('stopped');
    })());
  return { ctx, apiUrl: api?.url, stop };
}

/** SIGINT / SIGTERM stop the process cleanly; a second signal exits at once. */
export function stopOnSignals(running: RunningVigie, logger: Logger): void {
  let signalled = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (signalled) process.exit(130);
      signalled = true;
      logger.info({ signal }, 'signal received');
      running.stop().then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: (error as Error).message }, 'error while stopping');
          process.exit(1);
        },
      );
    });
  }
}
