// Collects a newest-first listing page by page so that each run returns only what is new, without gaps.
import type { MentionInput } from '../../domain/mention.js';
import type { FetchResult, QuarantinedItem, RateLimitState } from '../source.js';
import type { SourceContext } from '../source-factory.js';
import type { Collected } from './item-validation.js';
import { eachStream } from './stream-failure.js';
import {
  decodeCursor, encodeCursor, higherOf, isAbove, isBelow, lowerMark, raiseMark,
  type Mark, type StreamCursor,
} from './stream-cursor.js';

/** What a connector is asked for on each page. */
export interface PageQuery {
  /** Return only items above this mark (null on the first run). */
  floor: Mark | null;
  /** When resuming a cut-short sweep: only items below this mark. Constant within a run. */
  below: Mark | null;
  /** The platform's continuation token from the previous page. */
  pageToken?: string;
}

export type PageOutcome =
  | {
      kind: 'page';
      /** Items parsed from the page, possibly including some at or below the floor. */
      items: Collected[];
      quarantined: QuarantinedItem[];
      /** How many raw items the page held, valid or not. */
      rawCount: number;
      nextPageToken?: string;
      rateLimit?: RateLimitState;
    }
  | { kind: 'malformed'; quarantined: QuarantinedItem; rateLimit?: RateLimitState };

export interface Stream {
  /** Stable name of the stream inside the source's cursor (query, feed URL, instance + tag...). */
  key: string;
  fetchPage(query: PageQuery, signal?: AbortSignal): Promise<PageOutcome>;
  /** True when the platform's page token can be stored and used on a later run (YouTube). */
  tokensSurviveRuns?: boolean;
}

export interface SweepOptions {
  maxPages: number;
  maxWaitMs: number;
}

interface StreamResult {
  mentions: MentionInput[];
  quarantined: QuarantinedItem[];
  cursor: StreamCursor;
  changed: boolean;
  rateLimit?: RateLimitState;
}

/** Waits for the window to reset when the last page used it up; false if that wait is too long. */
async function paceForNextPage(rateLimit: RateLimitState | undefined, ctx: SourceContext, options: SweepOptions, signal?: AbortSignal): Promise<boolean> {
  if (rateLimit?.remaining !== 0 || rateLimit.resetAt === undefined) return true;
  const wait = rateLimit.resetAt - ctx.now();
  if (wait <= 0) return true;
  if (wait > options.maxWaitMs) return false;
  await ctx.sleep(wait, signal);
  return true;
}

export async function sweepStream(stream: Stream, start: StreamCursor | undefined, ctx: SourceContext, options: SweepOptions, signal?: AbortSignal): Promise<StreamResult> {
  const floor = start?.floor ?? null;
  const below = start?.pending?.resume ?? null;
  let top: Mark | null = start?.pending?.top ?? null;
  let lowest: Mark | null = null;
  let pageToken = stream.tokensSurviveRuns ? start?.pending?.pageToken : undefined;
  const mentions: MentionInput[] = [];
  const quarantined: QuarantinedItem[] = [];
  const seenThisRun = new Set<string>();
  let rateLimit: RateLimitState | undefined;
  let complete = false;

  for (let page = 0; page < options.maxPages; page++) {
    const outcome = await stream.fetchPage({ floor, below, pageToken }, signal);
    rateLimit = outcome.rateLimit ?? rateLimit;
    if (outcome.kind === 'malformed') {
      quarantined.push(outcome.quarantined);
      break;
    }
    quarantined.push(...outcome.quarantined);
    let reachedFloor = false;
    for (const item of outcome.items) {
      if (!isAbove(item, floor)) {
        reachedFloor = true;
        continue;
      }
      // A listing can shift while we page through it; an item met twice is kept once.
      if (!isBelow(item, below) || seenThisRun.has(item.id)) continue;
      seenThisRun.add(item.id);
      if (item.mention) mentions.push(item.mention);
      top = raiseMark(top, item);
      lowest = lowerMark(lowest, item);
    }
    if (reachedFloor || outcome.rawCount === 0 || outcome.nextPageToken === undefined) {
      complete = true;
      break;
    }
    pageToken = outcome.nextPageToken;
    if (page + 1 < options.maxPages && !(await paceForNextPage(rateLimit, ctx, options, signal))) break;
  }

  let cursor: StreamCursor;
  if (complete) {
    cursor = { floor: higherOf(floor, top) };
  } else if (lowest !== null && top !== null) {
    cursor = { floor, pending: { top, resume: lowest, ...(stream.tokensSurviveRuns && pageToken ? { pageToken } : {}) } };
  } else {
    cursor = start ?? { floor: null };
  }
  const changed = JSON.stringify(cursor) !== JSON.stringify(start ?? { floor: null });
  return { mentions, quarantined, cursor, changed, rateLimit };
}

/**
 * Runs every stream of a source in turn and folds their results into one FetchResult. A stream that
 * fails is reported in `failures`; the mentions and cursors of the others are kept.
 */
export async function sweepStreams(streams: Stream[], cursor: string | null, ctx: SourceContext, options: SweepOptions, signal?: AbortSignal): Promise<FetchResult> {
  const state = decodeCursor(cursor);
  const result: FetchResult = { mentions: [], quarantined: [], nextCursor: null };
  let changed = false;
  const failures = await eachStream(streams, async (stream) => {
    const outcome = await sweepStream(stream, state[stream.key], ctx, options, signal);
    result.mentions.push(...outcome.mentions);
    result.quarantined.push(...outcome.quarantined);
    if (outcome.rateLimit) result.rateLimit = outcome.rateLimit;
    if (outcome.changed) {
      state[stream.key] = outcome.cursor;
      changed = true;
    }
  }, signal);
  if (failures.length > 0) result.failures = failures;
  if (changed) result.nextCursor = encodeCursor(state);
  return result;
}
