// Maintenance stage: the periodic author-graph influence computation and the daily retention clean-up.
import type { AppContext } from '../app/context.js';
import type { MaintainJob } from '../queue/names.js';
import { authorInfluence, isJournalist } from '../scoring/influence.js';
import { normaliseRanks, pageRank } from '../scoring/author-graph.js';
import { authorActivity, interactionEdges, writeAuthorInfluence } from '../store/author-graph-queries.js';
import { analyseRecentWeeks, createPartitionsAhead, dropExpiredPartitions } from '../store/mention-partitions.js';
import { applyRetention, type RetentionResult } from '../store/privacy-repository.js';
import { retrainDue, trainFromLabels } from './train.js';
import { DAY_MS } from '../domain/time-buckets.js';

/** Influence looks at the last 30 days: long enough to see who is amplified, short enough to follow change. */
export const INFLUENCE_WINDOW_MS = 30 * 86_400_000;

export async function runMaintain(ctx: AppContext, job: MaintainJob): Promise<{ authors: number } | RetentionResult | RetrainResult> {
  if (job.task === 'retrain') return retrainIfDue(ctx);
  if (job.task === 'retention') {
    const partitions = ctx.store.dialect === 'postgres' ? await maintainPartitions(ctx) : {};
    const result = { ...(await applyRetention(ctx.store.db, ctx.config.retention, ctx.now())), ...partitions };
    ctx.logger.info(result, 'retention applied');
    return result;
  }
  return { authors: await recomputeInfluence(ctx) };
}

/**
 * PostgreSQL: the coming weeks' partitions are created ahead (ingest then never waits on DDL), and the weeks wholly
 * past retention are dropped, a catalogue change instead of a DELETE of every row; the weeks being written get fresh
 * planner statistics.
 */
async function maintainPartitions(ctx: AppContext): Promise<{ partitionsCreated: number; partitionsDropped: number; partitionsAnalysed: number }> {
  const created = await createPartitionsAhead(ctx.store.db, ctx.now());
  const dropped = await dropExpiredPartitions(ctx.store.db, ctx.now() - ctx.config.retention.mentionsDays * DAY_MS);
  const analysed = await analyseRecentWeeks(ctx.store.db, ctx.now());
  return { partitionsCreated: created, partitionsDropped: dropped.length, partitionsAnalysed: analysed.length };
}

/** PageRank over who amplifies whom, combined with reach and engagement into each author's 0-100 influence. */
export async function recomputeInfluence(ctx: AppContext): Promise<number> {
  const since = ctx.now() - INFLUENCE_WINDOW_MS;
  const [edges, activity] = await Promise.all([interactionEdges(ctx.store.db, since), authorActivity(ctx.store.db, since)]);
  const ranks = normaliseRanks(pageRank(edges));
  const amplified = new Map<string, number>();
  for (const e of edges) amplified.set(e.to, (amplified.get(e.to) ?? 0) + (e.weight ?? 1));
  const updates = activity.map((a) => {
    const stats = {
      followers: a.followers,
      posts: a.posts,
      engagementEarned: a.engagementEarned,
      amplifications: amplified.get(a.id) ?? 0,
      graphRank: ranks.get(a.id) ?? 0,
      verified: a.verified,
      journalist: isJournalist(a.description ?? undefined),
      own: a.isOwn,
    };
    return { id: a.id, posts: a.posts, engagementEarned: a.engagementEarned, amplifiedCount: stats.amplifications, graphRank: stats.graphRank, influence: authorInfluence(stats) };
  });
  await writeAuthorInfluence(ctx.store.db, updates);
  return updates.length;
}

export interface RetrainResult {
  newLabels: number;
  trained: string[];
}

/** Trains again when `learning.retrainAfterLabels` labels arrived since the last training; adoption is by cross-validation. */
export async function retrainIfDue(ctx: AppContext): Promise<RetrainResult> {
  const { due, newLabels } = await retrainDue(ctx.store, ctx.config);
  if (!due) return { newLabels, trained: [] };
  const outcome = await trainFromLabels(ctx.store, { by: 'maintain', now: ctx.now(), maskText: ctx.maskText, folds: ctx.config.learning.folds, logger: ctx.logger });
  const trained = [...outcome.sentiment.flatMap((s) => (s.model ? [s.model.id] : [])), ...(outcome.tags.model ? [outcome.tags.model.id] : [])];
  ctx.logger.info({ newLabels, trained, reasons: outcome.sentiment.map((s) => `${s.lang}: ${s.reason}`) }, 'retrained on new labels');
  return { newLabels, trained };
}
