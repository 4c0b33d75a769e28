// Starts a whole Vigie pipeline (all stages, real Redis, a test database, an SMTP sink) for integration tests.
import { createAppContext, type AppContext } from '../../src/app/context.js';
import { parseConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/logger.js';
import { STAGES } from '../../src/queue/names.js';
import { startWorkers, type RunningWorkers } from '../../src/queue/worker-runtime.js';
import { handlers } from '../../workers/index.js';
import type { TestRedisCluster } from './redis-cluster.js';
import { createTestDatabase, REDIS_URL, requireRedis, testRedisPrefix, type TestDatabase, type TestDialect } from './services.js';

export interface TestPipeline {
  ctx: AppContext;
  database: TestDatabase;
  workers: RunningWorkers;
  stop(): Promise<void>;
}

/** The Acme test brand: one brand, one competitor, alerts by email. */
export function acmeConfigYaml(opts: { databaseUrl: string; smtpUrl: string; prefix: string; dataDir: string; redisCluster?: string[] }): string {
  const redis = opts.redisCluster ? `cluster: ${JSON.stringify(opts.redisCluster)}` : `url: ${JSON.stringify(REDIS_URL)}`;
  return `
dataDir: ${JSON.stringify(opts.dataDir)}
database: { url: ${JSON.stringify(opts.databaseUrl)} }
redis: { ${redis}, prefix: ${JSON.stringify(opts.prefix)} }
smtp: { url: ${JSON.stringify(opts.smtpUrl)} }
api: { publicUrl: "http://vigie.test" }
entities:
  - { id: acme, name: Acme, kind: brand, terms: [Acme, "@acme", "#AcmeFail"], ownHandles: { file: [acme] } }
  - { id: brandy, name: Brandy, kind: competitor, parent: acme, terms: [Brandy] }
channels:
  - { id: cm, type: email, to: [cm@acme.test], from: "Vigie <vigie@acme.test>" }
`;
}

export async function startTestPipeline(
  dialect: TestDialect,
  opts: { smtpUrl: string; dataDir: string; yaml?: (base: string) => string; /** Run on this Redis Cluster instead of REDIS_URL. */ redisCluster?: TestRedisCluster },
): Promise<TestPipeline> {
  if (!opts.redisCluster) await requireRedis();
  const database = await createTestDatabase(dialect);
  const prefix = testRedisPrefix();
  const base = acmeConfigYaml({ databaseUrl: database.url, smtpUrl: opts.smtpUrl, prefix, dataDir: opts.dataDir, redisCluster: opts.redisCluster?.addresses });
  const config = parseConfig(opts.yaml ? opts.yaml(base) : base, 'test.yaml', {});
  const ctx = await createAppContext(config, {
    logger: createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    dbSchema: database.schema,
    redisTarget: opts.redisCluster ? { cluster: opts.redisCluster.seeds } : { url: REDIS_URL },
  });
  const workers = startWorkers(ctx, handlers, STAGES);
  return {
    ctx,
    database,
    workers,
    async stop() {
      await workers.close();
      await Promise.all(Object.values(ctx.queues).map((q) => q.obliterate({ force: true }).catch(() => {})));
      await ctx.close();
      await database.destroy();
    },
  };
}
