// PostgreSQL only: mentions and mention_entities are range-partitioned by published time, one partition a week.
// Creates the weeks a batch or the coming weeks need, and drops the weeks wholly past retention.
import { sql, type Kysely } from 'kysely';
import { DAY_MS, WEEK_MS } from '../domain/time-buckets.js';
import { MENTION_JUDGEMENT_TABLES, type Database } from './tables.js';

/** The partitioned tables, both keyed by `published_at`. */
export const PARTITIONED_TABLES = ['mentions', 'mention_entities'] as const;
export type PartitionedTable = (typeof PARTITIONED_TABLES)[number];

/** 1970-01-01 was a Thursday: weeks start on Monday 00:00 UTC, four days later. */
const MONDAY_OFFSET_MS = 4 * DAY_MS;

/** Start (Monday 00:00 UTC, in ms) of the week holding `t`. */
export function weekStart(t: number): number {
  return Math.floor((t - MONDAY_OFFSET_MS) / WEEK_MS) * WEEK_MS + MONDAY_OFFSET_MS;
}

/** "mentions_p20261116": the table and the Monday its week starts, sortable by name. */
export function partitionName(table: PartitionedTable, start: number): string {
  return `${table}_p${new Date(start).toISOString().slice(0, 10).replace(/-/g, '')}`;
}

/** Weeks known to exist, per database handle: a batch of a week already seen costs no statement. */
const knownWeeks = new WeakMap<object, Set<number>>();

function known(db: Kysely<Database>): Set<number> {
  let set = knownWeeks.get(db);
  if (!set) knownWeeks.set(db, (set = new Set()));
  return set;
}

/**
 * Makes sure the week of every given time has its partitions. Runs outside any transaction: creating a partition
 * locks the parent table, and must not wait behind (or hold up) a batch's transaction. Two processes creating the
 * same week at once is expected: the loser finds the table there and goes on.
 */
export async function ensureWeekPartitions(db: Kysely<Database>, times: Iterable<number>): Promise<number> {
  const seen = known(db);
  const weeks = new Set<number>();
  for (const t of times) {
    const w = weekStart(t);
    if (!seen.has(w)) weeks.add(w);
  }
  let created = 0;
  for (const w of [...weeks].sort((a, b) => a - b)) {
    for (const table of PARTITIONED_TABLES) if (await createWeek(db, table, w)) created += 1;
    seen.add(w);
  }
  return created;
}

/** After "no partition of relation ... found for row" (a week dropped by another process): ask the catalogue again. */
export function forgetKnownWeeks(db: Kysely<Database>): void {
  known(db).clear();
}

/** The current week and `weeksAhead` more (the maintain job runs it nightly, so ingest never waits on DDL). */
export async function createPartitionsAhead(db: Kysely<Database>, now: number, weeksAhead = 4): Promise<number> {
  const times = Array.from({ length: weeksAhead + 1 }, (_, k) => weekStart(now) + k * WEEK_MS);
  known(db).clear(); // a partition dropped by hand must come back
  return ensureWeekPartitions(db, times);
}

/**
 * Refreshes the planner's statistics of the current and the previous week. PostgreSQL analyses a table only through
 * autovacuum, which may be off (doctor flags it) and in any case lags a week that fills fast: a partition the planner
 * believes empty gets hash joins and whole-week scans where a key probe was meant. ANALYZE reads a fixed sample (a
 * few tens of thousands of rows), so the nightly cost does not grow with the week. Returns the partitions analysed.
 */
export async function analyseRecentWeeks(db: Kysely<Database>, now: number): Promise<string[]> {
  const analysed: string[] = [];
  for (const start of [weekStart(now) - WEEK_MS, weekStart(now)]) {
    for (const table of PARTITIONED_TABLES) {
      const name = partitionName(table, start);
      if (!(await exists(db, name))) continue;
      await sql`ANALYZE ${sql.id(name)}`.execute(db);
      analysed.push(name);
    }
  }
  return analysed;
}

async function createWeek(db: Kysely<Database>, table: PartitionedTable, start: number): Promise<boolean> {
  const name = partitionName(table, start);
  if (await exists(db, name)) return false;
  try {
    await sql`CREATE TABLE IF NOT EXISTS ${sql.id(name)} PARTITION OF ${sql.table(table)}
      FOR VALUES FROM (${sql.lit(start)}) TO (${sql.lit(start + WEEK_MS)})`.execute(db);
    return true;
  } catch (error) {
    // Another process won the race (a duplicate pg_type row, or "already exists"), or an older partition such as
    // the migration's legacy one already covers the week: the rows have a home either way.
    if (await exists(db, name)) return false;
    if (/would overlap partition/.test((error as Error).message)) return false;
    throw error;
  }
}

async function exists(db: Kysely<Database>, name: string): Promise<boolean> {
  const r = await sql<{ found: string | null }>`SELECT to_regclass(${sql.lit(quoteIdent(name))})::text AS found`.execute(db);
  return r.rows[0]?.found != null;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface PartitionInfo {
  table: PartitionedTable;
  name: string;
  /** Inclusive lower bound of published_at, in ms (-Infinity for MINVALUE). */
  lowerBound: number;
  /** Exclusive upper bound of published_at, in ms (Infinity for MAXVALUE). */
  upperBound: number;
}

/** The partitions of both tables in Vigie's schema, from the catalogue (each with its upper bound). */
export async function listPartitions(db: Kysely<Database>): Promise<PartitionInfo[]> {
  const r = await sql<{ parent: string; name: string; bound: string }>`
    SELECT p.relname AS parent, c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
    WHERE i.inhparent IN (to_regclass('mentions'), to_regclass('mention_entities'))
    ORDER BY c.relname`.execute(db);
  return r.rows.map((row) => ({
    table: row.parent as PartitionedTable,
    name: row.name,
    // "FOR VALUES FROM ('1763337600000') TO ('1763942400000')"; MINVALUE and MAXVALUE are open ends
    lowerBound: Number(/FROM \('?(-?\d+)'?\)/.exec(row.bound)?.[1] ?? Number.NEGATIVE_INFINITY),
    upperBound: Number(/TO \('?(-?\d+)'?\)/.exec(row.bound)?.[1] ?? Number.POSITIVE_INFINITY),
  }));
}

/**
 * Drops every partition whose whole week is older than `cutoff`: a catalogue change instead of a DELETE of each
 * row, so nothing is left to vacuum. Rows older than the cutoff in the week that straddles it are left to the
 * sliced DELETE of retention (a day's worth each night, and gone with their partition within a week).
 */
export async function dropExpiredPartitions(db: Kysely<Database>, cutoff: number): Promise<string[]> {
  const expired = (await listPartitions(db)).filter((p) => p.upperBound <= cutoff);
  // Links first: a mention_entities row never outlives its mention, even between two statements.
  expired.sort((a, b) => (a.table === b.table ? 0 : a.table === 'mention_entities' ? -1 : 1));
  for (const p of expired) {
    await db.transaction().execute(async (trx) => {
      // Labels and tags name the post and who judged it: they go with its week, as the sliced DELETE takes them
      // with each mention (trained models keep only weights). No foreign key would have: a DROP skips them.
      if (p.table === 'mentions') {
        for (const table of MENTION_JUDGEMENT_TABLES) {
          await sql`DELETE FROM ${sql.table(table)} WHERE mention_id IN (SELECT id FROM ${sql.id(p.name)})`.execute(trx);
        }
      }
      await sql`DROP TABLE IF EXISTS ${sql.id(p.name)}`.execute(trx);
    });
  }
  known(db).clear();
  return expired.map((p) => p.name);
}
