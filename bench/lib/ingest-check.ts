// The exactly-once check of the ingest cases: what the database must hold after a stretch of the bench stream, and what it holds.
import { sql } from 'kysely';
import type { Queue } from 'bullmq';
import { isOwnHandle, type AppContext } from '../../src/app/context.js';
import { entitiesOfMention } from '../../src/domain/entity-matcher.js';
import { scoreMention } from '../../src/stages/score.js';
import { demoMentions } from './demo-texts.js';
import { streamSlice, type StreamOptions } from './mention-stream.js';
import { failedJobs } from './queue-drain.js';

export interface IngestCheck {
  expectedMentions: number;
  storedMentions: number;
  /** Sum of the stream indexes of the stored mentions equals the expected one: none lost, none twice. */
  idChecksumOk: boolean;
  likesChecksumOk: boolean;
  /** Entity links, and the hourly and minute rollup totals, all equal to the expected number of links. */
  linksOk: boolean;
  rollupsOk: boolean;
  /** The hourly and minute rollup totals, and what they should be. */
  rollupTotals: { hourly: number; minute: number; expected: number };
  failedJobs: number;
}

export interface IngestExpectation {
  mentions: number;
  idSum: number;
  likes: number;
  linkCount: number;
  /** Entity links of mentions by others than the brand's own accounts: the rollup totals. */
  rolledUp: number;
}

/**
 * What mentions 0..total-1 of the stream must leave in the database. Judged on the stream's mentions, as the workers
 * receive them, never on the demo posts they are made from: the stream rewrites the platform ("replay"), so an own
 * handle declared for one platform only (the demo brand's kelio@mstdn.social on mastodon) is not the brand's there and
 * its posts are rolled up. (Judged on the demo posts, the expectation left 813 links of 50,000 mentions out.)
 */
export function expectedIngest(ctx: Pick<AppContext, 'matcher' | 'ownHandles' | 'scorer' | 'stance'>, stream: StreamOptions, total: number): IngestExpectation {
  const posts = demoMentions();
  // Text, links, platform and author handle repeat with every pass over the demo posts: one pass tells them all.
  const onePass = streamSlice(stream, 0, Math.min(total, posts.length));
  // As the score stage links them: a post choosing a competitor over the brand may also be linked to the brand.
  const links = onePass.map((m) => {
    const entityIds = entitiesOfMention(ctx.matcher, m, undefined);
    return entityIds.length === 0 ? 0 : scoreMention(ctx, { ...m, entityIds }, stream.runTag, 0).entityIds.length;
  });
  const own = onePass.map((m) => isOwnHandle(ctx.ownHandles, m.platform, m.author.handle));
  const want: IngestExpectation = { mentions: 0, idSum: 0, likes: 0, linkCount: 0, rolledUp: 0 };
  for (let i = 0; i < total; i++) {
    const post = i % posts.length;
    if (links[post] === 0) continue; // names no entity: the collect stage drops it
    want.mentions += 1;
    want.idSum += i;
    want.likes += onePass[post].engagement.likes;
    want.linkCount += links[post];
    if (!own[post]) want.rolledUp += links[post];
  }
  return want;
}

export async function verifyIngest(ctx: Pick<AppContext, 'matcher' | 'ownHandles' | 'scorer' | 'stance' | 'store'>, queues: readonly Queue[], stream: StreamOptions, total: number): Promise<IngestCheck> {
  const want = expectedIngest(ctx, stream, total);
  const { db } = ctx.store;
  const first = stream.runTag.length + 2; // external ids are "<runTag>-<index>"
  const mentions = await sql<{ n: number; ids: number; likes: number }>`
    SELECT count(*) AS n, sum(CAST(substr(external_id, ${sql.lit(first)}) AS bigint)) AS ids, sum(likes) AS likes FROM mentions`.execute(db);
  const links = await sql<{ n: number }>`SELECT count(*) AS n FROM mention_entities`.execute(db);
  const hourly = await sql<{ n: number }>`SELECT sum(total) AS n FROM rollups_hourly`.execute(db);
  const minute = await sql<{ n: number }>`SELECT sum(total) AS n FROM rollups_minute`.execute(db);
  const m = mentions.rows[0];
  const linkCount = Number(links.rows[0].n);
  return {
    expectedMentions: want.mentions,
    storedMentions: Number(m.n),
    idChecksumOk: Number(m.ids) === want.idSum,
    likesChecksumOk: Number(m.likes) === want.likes,
    linksOk: linkCount === want.linkCount,
    rollupsOk: Number(hourly.rows[0].n) === want.rolledUp && Number(minute.rows[0].n) === want.rolledUp,
    rollupTotals: { hourly: Number(hourly.rows[0].n), minute: Number(minute.rows[0].n), expected: want.rolledUp },
    failedJobs: await failedJobs(queues),
  };
}

/** Every check holds and no job failed for good. */
export const isExact = (c: IngestCheck) =>
  c.storedMentions === c.expectedMentions && c.idChecksumOk && c.likesChecksumOk && c.linksOk && c.rollupsOk && c.failedJobs === 0;
