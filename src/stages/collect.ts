// Collect stage: poll a source (or take imported mentions), match entities, queue them for scoring, save the cursor.
import { entitiesOfMention } from '../domain/entity-matcher.js';
import type { MentionInput } from '../domain/mention.js';
import type { AppContext } from '../app/context.js';
import { contentHash, jobId } from '../queue/job-id.js';
import type { CollectJob, ScoreJob } from '../queue/names.js';
import { RateLimitedError, type QuarantinedItem, type StreamFailure } from '../sources/source.js';
import { HttpStatusError } from '../sources/http/http-errors.js';
import { oneLineError, statusOf } from '../sources/http/stream-failure.js';
import { SsrfBlockedError } from '../notify/ssrf-guard.js';
import { xPostsRead } from '../sources/x.js';
import { addXReads } from '../queue/x-read-counter.js';
import { clearSourceError, loadCursor, recordSourceError, saveCursor } from '../store/cursor-repository.js';
import { quarantine } from '../store/quarantine-repository.js';
import { enqueueDetection } from './detect.js';
import { runScore } from './score.js';
import { mentionsCollected, mentionsQuarantined, rateLimitRemaining } from '../observability/metrics.js';

/**
 * Mentions per score job, i.e. per storage transaction: 1,000 (a big poll page) stored 28% faster than 250 in the
 * ingest bench, with the same worker memory, and still fits one multi-row insert under the parameter limit.
 */
export const SCORE_BATCH = 1000;

export interface CollectOutcome {
  fetched: number;
  matched: number;
  quarantined: number;
  scoreJobs: number;
  /** Mentions scored and stored within this job (a process running the score stage too), not queued. */
  scoredHere: number;
}

export async function runCollect(ctx: AppContext, job: CollectJob): Promise<CollectOutcome> {
  if (job.kind === 'ingest') {
    return forward(ctx, job.sourceId, job.mentions, [], undefined);
  }
  const configured = ctx.sources.get(job.sourceId);
  if (!configured) {
    // A poll queued before a reload removed its source: nothing to do.
    ctx.logger.info({ sourceId: job.sourceId }, 'poll for a source no longer configured: skipped');
    return { fetched: 0, matched: 0, quarantined: 0, scoreJobs: 0, scoredHere: 0 };
  }
  const cursor = await loadCursor(ctx.store.db, job.sourceId);
  let result;
  try {
    result = await configured.source.fetch(cursor);
  } catch (error) {
    await addXReads(ctx.redis, ctx.config.redis.prefix, xPostsRead(error), ctx.now());
    if (error instanceof RateLimitedError) throw error;
    await recordSourceError(ctx.store.db, job.sourceId, oneLineError(error), ctx.now());
    if (isRefusal(error)) {
      // Retrying a refused token or a bad request changes nothing: the source is marked failing (doctor,
      // /ready, the dashboard say why) and its scheduler polls it again at the normal interval.
      ctx.logger.warn({ sourceId: job.sourceId, status: statusOf(error), err: oneLineError(error) }, 'source refused by the platform; marked failing');
      return { fetched: 0, matched: 0, quarantined: 0, scoreJobs: 0, scoredHere: 0 };
    }
    throw error;
  }
  if (result.rateLimit?.remaining !== undefined) rateLimitRemaining.set({ source: job.sourceId }, result.rateLimit.remaining);
  await addXReads(ctx.redis, ctx.config.redis.prefix, xPostsRead(result), ctx.now());
  const outcome = await forward(ctx, job.sourceId, result.mentions, result.quarantined, configured.config.entities);
  // The cursor moves only after the mentions are safely queued: a crash before this line re-fetches
  // the same page, and storage ignores the duplicates.
  if (result.nextCursor !== null) await saveCursor(ctx.store.db, job.sourceId, result.nextCursor, ctx.now());
  if (result.failures?.length) {
    for (const f of result.failures) ctx.logger.warn({ sourceId: job.sourceId, stream: f.stream, status: f.status, err: f.message }, 'stream failed; the others were collected');
    await recordSourceError(ctx.store.db, job.sourceId, describeFailures(result.failures), ctx.now());
  } else {
    await clearSourceError(ctx.store.db, job.sourceId);
  }
  if (result.mentions.length === 0) {
    // An empty poll still moves the data clock, so alerts of a calm entity can resolve.
    const entityIds = configured.config.entities ?? ctx.config.entities.map((e) => e.id);
    await Promise.all(entityIds.map((entityId) => enqueueDetection(ctx, entityId, result.asOf ?? ctx.now())));
  }
  return outcome;
}

async function forward(
  ctx: AppContext,
  sourceId: string,
  mentions: readonly MentionInput[],
  bad: QuarantinedItem[],
  fixedEntities: string[] | undefined,
): Promise<CollectOutcome> {
  const matched: ScoreJob['mentions'] = [];
  for (const m of mentions) {
    const entityIds = entitiesOfMention(ctx.matcher, m, fixedEntities);
    // Set on the mention itself rather than on a copy: the objects are this job's own (parsed from its data or just
    // fetched), and a copy per mention was garbage to collect at 10,000 mentions a second.
    if (entityIds.length > 0) matched.push(Object.assign(m as MentionInput & { entityIds?: string[] }, { entityIds }));
  }
  await quarantine(ctx.store.db, bad, ctx.now());
  const platform = mentions[0]?.platform ?? bad[0]?.platform ?? 'unknown';
  if (mentions.length > 0) mentionsCollected.inc({ platform, source: sourceId }, mentions.length);
  if (bad.length > 0) mentionsQuarantined.inc({ platform, source: sourceId }, bad.length);
  const collectedAt = ctx.now();
  const batches: ScoreJob[] = [];
  for (let i = 0; i < matched.length; i += SCORE_BATCH) batches.push({ sourceId, collectedAt, mentions: matched.slice(i, i + SCORE_BATCH) });
  if (bad.length > 0) ctx.logger.warn({ sourceId, quarantined: bad.length, first: bad[0]?.error }, 'items quarantined');
  const outcome = { fetched: mentions.length, matched: matched.length, quarantined: bad.length, scoreJobs: 0, scoredHere: 0 };
  if (ctx.scoreHere) {
    // This process scores too: the batches are stored here instead of crossing Redis again as score jobs. Should a
    // batch fail, the whole collect job is retried, and the batches already stored are recognised and skipped.
    for (const batch of batches) {
      await ctx.scoreHere(() => runScore(ctx, batch));
      outcome.scoredHere += batch.mentions.length;
    }
    return outcome;
  }
  const jobs = batches.map((data) => ({ name: 'score', data, opts: { jobId: jobId('score', sourceId, contentHash(data.mentions.map((m) => `${m.platform}/${m.externalId}/${engagementKey(m)}`))) } }));
  if (jobs.length > 0) await ctx.queues.score.addBulk(jobs);
  return { ...outcome, scoreJobs: jobs.length };
}

/** 4xx answers other than 429: the platform refuses the request as it is, so retrying at once is useless. */
function isRefusal(error: unknown): error is HttpStatusError | SsrfBlockedError {
  return (error instanceof HttpStatusError && error.status >= 400 && error.status < 500 && error.status !== 429) || error instanceof SsrfBlockedError;
}

/** One line for all the failed streams of a poll. */
export function describeFailures(failures: readonly StreamFailure[]): string {
  return failures.map((f) => `${f.stream}: ${f.message}`).join(' | ');
}

const engagementKey = (m: MentionInput) => `${m.engagement.likes}.${m.engagement.reshares}.${m.engagement.replies}.${m.engagement.quotes}`;
