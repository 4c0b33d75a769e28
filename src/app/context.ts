// Builds everything a Vigie process needs from the config, once; the one place that wires adapters together.
import { join } from 'node:path';
import type { RedisClient } from '../queue/redis-connection.js';
import type { Logger } from 'pino';
import type { VigieConfig } from '../config/load-config.js';
import { createEntityMatcher, type EntityMatcher } from '../domain/entity-matcher.js';
import { createMailer, type Mailer } from '../notify/mailer.js';
import { buildChannels } from '../notify/channels/build-channels.js';
import type { AlertChannel } from '../notify/channels/channel.js';
import { closeQueues, createQueues, type Queues } from '../queue/queues.js';
import type { Slots } from '../queue/slots.js';
import { createRedis, describeRedis, type RedisTarget } from '../queue/redis-connection.js';
import { resolveRedis, type ResolvedRedis } from '../queue/resolve-redis.js';
import { createScorer } from '../scoring/scorer.js';
import { createTargetStance, type TargetStance } from '../scoring/target-stance.js';
import { buildMasker, buildScorer, loadActiveModels, type LoadedModels } from './active-models.js';
import { buildSources, type ConfiguredSource } from '../sources/registry.js';
import { openDatabase, type Store } from '../store/database.js';
import { syncEntities } from '../store/entity-repository.js';
import { syncConfigTags } from '../store/tag-repository.js';
import { migrateToLatest } from '../store/migrate.js';

export type Scorer = ReturnType<typeof createScorer>;

export interface AppContext {
  config: VigieConfig;
  logger: Logger;
  store: Store;
  /** Where the dashboard's and the digest's reads go: the read replica (database.readUrl), else `store` itself. */
  readStore: Store;
  redis: RedisClient;
  redisTarget: RedisTarget;
  queues: Queues;
  matcher: EntityMatcher;
  scorer: Scorer;
  /** At whom each mention's tone is aimed, per linked entity (a competitor praised at the brand's expense). */
  stance: TargetStance;
  mailer: Mailer;
  channels: Map<string, AlertChannel>;
  sources: Map<string, ConfiguredSource>;
  /** Own accounts of every entity, as "platform:handle" in lower case. */
  ownHandles: Set<string>;
  /** The trained models in use (none: the lexicon scores everything); see active-models.ts. */
  models: LoadedModels;
  /** When the score stage last checked whether the active models changed. */
  modelsCheckedAt: number;
  /** The text as the models see it: watched names and handles masked. */
  maskText: (text: string) => string;
  now: () => number;
  /**
   * Only in the jobs of a process whose workers run both the collect and the score stage (and workers.scoreInCollect):
   * the collect stage scores and stores its batches itself, through these slots (the score stage's concurrency),
   * instead of queueing score jobs.
   */
  scoreHere?: Slots;
  close(): Promise<void>;
}

export interface ContextOptions {
  logger: Logger;
  /** PostgreSQL schema (tests isolate themselves with it). */
  dbSchema?: string;
  /** PostgreSQL schema of the read replica, when not dbSchema (tests). */
  readDbSchema?: string;
  /** Use this Redis instead of resolving one (tests). */
  redisTarget?: RedisTarget;
  now?: () => number;
  env?: Record<string, string | undefined>;
}

export async function createAppContext(config: VigieConfig, options: ContextOptions): Promise<AppContext> {
  const { logger } = options;
  const env = options.env ?? process.env;
  const now = options.now ?? Date.now;
  const databaseUrl = config.database.url;
  const store = await openDatabase(databaseUrl, config.dataDir, { schema: options.dbSchema });
  let resolved: ResolvedRedis | undefined;
  let models: LoadedModels;
  let readStore = store;
  try {
    await migrateToLatest(store);
    // The replica follows the primary's schema: it is never migrated itself.
    if (config.database.readUrl) readStore = await openDatabase(config.database.readUrl, config.dataDir, { schema: options.readDbSchema ?? options.dbSchema, createSchema: false });
    await syncEntities(store.db, config.entities, now());
    await syncConfigTags(store.db, config.tags, now());
    models = await loadActiveModels(store, logger);
    resolved = options.redisTarget ? { target: options.redisTarget } : await resolveRedis(config.redis, config.dataDir, logger);
  } catch (error) {
    if (readStore !== store) await readStore.close();
    await store.close();
    throw error;
  }
  const redis = createRedis(resolved.target);
  redis.on('error', (error) => logger.warn({ err: error.message, redis: describeRedis(resolved!.target) }, 'redis connection error (retrying)'));
  const queues = createQueues(redis, config.redis.prefix, (stage, error) => logger.warn({ stage, err: error.message }, 'queue error'));
  const ownHandles = ownHandlesOf(config);
  const sources = buildSources(config.sources, { env, now, logger });
  const mailer = createMailer({ smtpUrl: config.smtp.url, outboxDir: config.smtp.outboxDir || join(config.dataDir, 'outbox') });
  logger.info({ database: store.description, redis: describeRedis(resolved.target), sources: [...sources.keys()] }, 'vigie context ready');
  return {
    config,
    logger,
    store,
    readStore,
    redis,
    redisTarget: resolved.target,
    queues,
    matcher: createEntityMatcher(config.entities),
    stance: createTargetStance(config.entities),
    scorer: buildScorer(config, ownHandles, models),
    models,
    modelsCheckedAt: now(),
    maskText: buildMasker(config),
    mailer,
    channels: buildChannels(config.channels, mailer),
    sources,
    ownHandles,
    now,
    async close() {
      await closeQueues(queues);
      redis.disconnect();
      mailer.close();
      if (readStore !== store) await readStore.close();
      await store.close();
      await resolved?.embedded?.stop();
    },
  };
}

/** Everything that names a watched entity: masked before sentiment scoring so a brand name is never an opinion word. */
export function maskTermsOf(config: VigieConfig): string[] {
  return config.entities.flatMap((e) => [e.name, ...e.terms, ...Object.values(e.ownHandles).flat()]);
}

/** The entities' own accounts as "platform:handle" (platform "*" for any), lower case, without "@". */
export function ownHandlesOf(config: VigieConfig): Set<string> {
  return new Set(
    config.entities.flatMap((e) => Object.entries(e.ownHandles).flatMap(([platform, handles]) => handles.map((h) => `${platform}:${h.replace(/^@/, '').toLowerCase()}`))),
  );
}

export function isOwnHandle(ownHandles: ReadonlySet<string>, platform: string, handle: string): boolean {
  const h = handle.replace(/^@/, '').toLowerCase();
  return ownHandles.has(`${platform}:${h}`) || ownHandles.has(`*:${h}`);
}
