// Applies a changed config to a running process: entities, rules, channels and sources, without losing queued work.
import { unwatchFile, watchFile } from 'node:fs';
import { loadConfigFile, type VigieConfig } from '../config/load-config.js';
import { createEntityMatcher } from '../domain/entity-matcher.js';
import { buildChannels } from '../notify/channels/build-channels.js';
import { upsertCollectSchedulers } from '../queue/schedulers.js';
import { upsertDigestSchedulers } from '../queue/digest-schedulers.js';
import { createTargetStance } from '../scoring/target-stance.js';
import { buildSources } from '../sources/registry.js';
import { syncEntities } from '../store/entity-repository.js';
import { syncConfigTags } from '../store/tag-repository.js';
import { buildMasker, buildScorer, loadActiveModels } from './active-models.js';
import { ownHandlesOf, type AppContext } from './context.js';

/** Settings a running process cannot change: they name the connections it already holds. */
const RESTART_ONLY = ['database', 'redis', 'api', 'dataDir'] as const;

export interface ReloadResult {
  entities: string[];
  sources: string[];
  /** Settings that changed but need a restart. */
  needsRestart: string[];
}

/**
 * Swaps the context's config-derived parts in place. Jobs already queued stay in Redis: a poll job of
 * a removed source finds no source and ends quietly, everything else goes on with the new rules.
 */
export async function applyConfig(ctx: AppContext, next: VigieConfig, schedulers: boolean): Promise<ReloadResult> {
  const needsRestart = RESTART_ONLY.filter((key) => JSON.stringify(ctx.config[key]) !== JSON.stringify(next[key]));
  await syncEntities(ctx.store.db, next.entities, ctx.now());
  const ownHandles = ownHandlesOf(next);
  ctx.sources = buildSources(next.sources, { env: process.env, now: ctx.now, logger: ctx.logger });
  ctx.channels = buildChannels(next.channels, ctx.mailer);
  ctx.matcher = createEntityMatcher(next.entities);
  ctx.stance = createTargetStance(next.entities);
  ctx.ownHandles = ownHandles;
  ctx.config = { ...next, database: ctx.config.database, redis: ctx.config.redis, api: ctx.config.api, dataDir: ctx.config.dataDir };
  // The scorer depends on the watched terms and on the models: both are read again (a rollback shows up here too).
  ctx.models = await loadActiveModels(ctx.store, ctx.logger);
  ctx.modelsCheckedAt = ctx.now();
  ctx.scorer = buildScorer(ctx.config, ownHandles, ctx.models);
  ctx.maskText = buildMasker(ctx.config);
  await syncConfigTags(ctx.store.db, ctx.config.tags, ctx.now());
  if (schedulers) {
    await upsertCollectSchedulers(ctx);
    await upsertDigestSchedulers(ctx);
  }
  return { entities: next.entities.map((e) => e.id), sources: [...ctx.sources.keys()], needsRestart: [...needsRestart] };
}

/** Reloads on SIGHUP and when the file changes; a broken file is reported and the running config kept. */
export function reloadOnChange(ctx: AppContext, file: string, schedulers: boolean): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const reload = (why: string) => {
    running = running.then(async () => {
      try {
        const result = await applyConfig(ctx, loadConfigFile(file), schedulers);
        ctx.logger.info({ why, ...result }, result.needsRestart.length ? 'config reloaded; some changes need a restart' : 'config reloaded');
      } catch (error) {
        ctx.logger.error({ why, err: (error as Error).message }, 'config reload failed; keeping the running config');
      }
    });
  };
  const onSignal = () => reload('SIGHUP');
  process.on('SIGHUP', onSignal);
  const onChange = () => {
    clearTimeout(timer);
    timer = setTimeout(() => reload('file changed'), 300); // editors write in several steps
  };
  watchFile(file, { interval: 1000 }, onChange);
  return () => {
    process.off('SIGHUP', onSignal);
    unwatchFile(file, onChange);
    clearTimeout(timer);
  };
}
