// Job schedulers for periodic collection, upserted at start-up so restarts never duplicate a schedule.
import type { AppContext } from '../app/context.js';
import { jobId } from './job-id.js';

const COLLECT_PREFIX = 'collect-';

export async function upsertCollectSchedulers(ctx: AppContext, crisisOpen = false): Promise<string[]> {
  const countByType = new Map<string, number>();
  for (const s of ctx.sources.values()) countByType.set(s.config.type, (countByType.get(s.config.type) ?? 0) + 1);
  const ids: string[] = [];
  for (const { config, factory } of ctx.sources.values()) {
    const every = factory.pollIntervalMs(config, { queriesOfThisType: countByType.get(config.type) ?? 1, crisisOpen });
    const id = jobId('collect', config.id);
    await ctx.queues.collect.upsertJobScheduler(id, { every }, { name: 'poll', data: { kind: 'poll', sourceId: config.id } });
    ids.push(id);
  }
  // Sources removed from config lose their schedule.
  const existing = await ctx.queues.collect.getJobSchedulers(0, -1);
  for (const s of existing) {
    const key = s.key ?? s.id;
    if (key && key.startsWith(COLLECT_PREFIX) && !ids.includes(key)) await ctx.queues.collect.removeJobScheduler(key);
  }
  return ids;
}

/** Author influence every hour (scoring.influenceEveryMinutes); retention every night at 03:30 in the deployment's time zone; retraining when labels came in. */
export async function upsertMaintenanceSchedulers(ctx: AppContext): Promise<void> {
  const every = (ctx.config.scoring.influenceEveryMinutes ?? 60) * 60_000;
  await ctx.queues.maintain.upsertJobScheduler('maintain-author-graph', { every }, { name: 'author-graph', data: { task: 'author-graph' } });
  await ctx.queues.maintain.upsertJobScheduler(
    'maintain-retention',
    { pattern: '30 3 * * *', tz: ctx.config.timezone },
    { name: 'retention', data: { task: 'retention' } },
  );
  // Cheap when nothing is due: one count of the labels that arrived since the last training.
  await ctx.queues.maintain.upsertJobScheduler('maintain-retrain', { every: ctx.config.learning.checkEveryMinutes * 60_000 }, { name: 'retrain', data: { task: 'retrain' } });
}
