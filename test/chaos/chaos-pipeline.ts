// A Vigie pipeline wired to the services a chaos test chooses (private Redis / PostgreSQL, an SMTP sink), and the
// counts a fault test compares before and after: mentions, rollups, alerts, deliveries, with a checksum of ids.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { sql } from 'kysely';
import { createAppContext, type AppContext } from '../../src/app/context.js';
import { parseConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/logger.js';
import type { Stage } from '../../src/queue/names.js';
import { startWorkers, type RunningWorkers } from '../../src/queue/worker-runtime.js';
import { handlers } from '../../workers/index.js';
import { acmeConfigYaml } from '../helpers/pipeline.js';
import { REDIS_URL, testRedisPrefix } from '../helpers/services.js';

export interface ChaosSetup {
  dataDir: string;
  databaseUrl: string;
  smtpUrl: string;
  redisUrl?: string;
  /** Rewrites the Acme test config (add sources, change the API block...). */
  yaml?: (base: string) => string;
  /** Environment the connectors read their credentials from. */
  env?: Record<string, string>;
  logDestination?: Writable;
  /**
   * Score collected batches within the collect job where a process runs both stages (the default deployment).
   * Off by default here: most fault tests watch batches wait, retry and stall in the score queue.
   */
  scoreInCollect?: boolean;
}

export interface ChaosPipeline {
  ctx: AppContext;
  configPath: string;
  prefix: string;
  startWorkers(stages: readonly Stage[]): RunningWorkers;
  stop(): Promise<void>;
}

export async function startChaosPipeline(setup: ChaosSetup): Promise<ChaosPipeline> {
  const prefix = testRedisPrefix();
  const redisUrl = setup.redisUrl ?? REDIS_URL;
  const base = acmeConfigYaml({ databaseUrl: setup.databaseUrl, smtpUrl: setup.smtpUrl, prefix, dataDir: setup.dataDir })
    .replace(JSON.stringify(REDIS_URL), JSON.stringify(redisUrl)) + `workers: { scoreInCollect: ${setup.scoreInCollect ?? false} }\n`;
  const yaml = setup.yaml ? setup.yaml(base) : base;
  // Written out too, so that worker processes started with `vigie worker -c` read the very same config.
  const configPath = join(setup.dataDir, 'vigie.yaml');
  writeFileSync(configPath, yaml);
  const config = parseConfig(yaml, configPath, {});
  const logger = createLogger({ level: setup.logDestination ? 'debug' : (process.env.TEST_LOG_LEVEL ?? 'silent'), destination: setup.logDestination });
  const ctx = await createAppContext(config, { logger, redisTarget: { url: redisUrl }, ...(setup.env && { env: setup.env }) });
  const running: RunningWorkers[] = [];
  return {
    ctx,
    configPath,
    prefix,
    startWorkers(stages) {
      const workers = startWorkers(ctx, handlers, stages);
      running.push(workers);
      return workers;
    },
    async stop() {
      // Queues emptied first: after a Redis restart a worker's close() can otherwise wait on its blocking connection.
      for (const queue of Object.values(ctx.queues)) await queue.obliterate({ force: true }).catch(() => undefined);
      await Promise.all(running.map((w) => w.close()));
      await ctx.close();
    },
  };
}

export interface PipelineCounts {
  mentions: number;
  /** sha256 of the sorted mention ids: the same set, not just the same number. */
  mentionIds: string;
  /** Sum of the hourly rollup totals: a batch stored twice would count twice here. */
  rollupTotal: number;
  mentionEntityLinks: number;
  alerts: number;
  deliveries: number;
  delivered: number;
}

export async function countPipeline(ctx: AppContext): Promise<PipelineCounts> {
  const db = ctx.store.db;
  const ids = (await db.selectFrom('mentions').select('id').execute()).map((r) => r.id).sort();
  const rollup = await db.selectFrom('rollups_hourly').select(sql<number>`coalesce(sum(total), 0)`.as('n')).executeTakeFirstOrThrow();
  const links = await db.selectFrom('mention_entities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const alerts = await db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const deliveries = await db.selectFrom('alert_deliveries').select(['status', 'delivered_at']).execute();
  return {
    mentions: ids.length,
    mentionIds: createHash('sha256').update(ids.join('\n')).digest('hex'),
    rollupTotal: Number(rollup.n),
    mentionEntityLinks: Number(links.n),
    alerts: Number(alerts.n),
    deliveries: deliveries.length,
    delivered: deliveries.filter((d) => d.delivered_at !== null).length,
  };
}

/** The ids the pipeline must end with for a set of imported mentions, hashed like countPipeline does. */
export function expectedIdsHash(mentions: ReadonlyArray<{ platform: string; externalId: string }>): string {
  return createHash('sha256').update(mentions.map((m) => `${m.platform}:${m.externalId}`).sort().join('\n')).digest('hex');
}
