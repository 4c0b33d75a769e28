// The ingest baselines: the same scored rows written by a plain loop of single-row INSERT ... ON CONFLICT DO NOTHING,
// and by 1,000-row batches of every table the pipeline writes (the storage ceiling).
import type { TargetStance } from '../../src/scoring/target-stance.js';
import type { AppContext } from '../../src/app/context.js';
import { openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { sql } from 'kysely';
import type { EntityMatcher } from '../../src/domain/entity-matcher.js';
import { processCpuSeconds } from './machine-cpu.js';
import { bulkInserts } from '../../src/store/bulk-insert.js';
import { ensureWeekPartitions } from '../../src/store/mention-partitions.js';
import { conflictKeys, linkRows, rollupChanges, toRow, upsertAuthors, type StoredMention } from '../../src/store/mention-repository.js';
import type { NewMention } from '../../src/store/tables.js';
import { streamSlice } from './mention-stream.js';

export interface BaselineOutcome {
  rows: number;
  perSecond: number;
  /** CPU seconds of the writing (bench) process and of its database backend over the timed part. */
  writerCpuSeconds?: number;
  databaseCpuSeconds?: number;
}

/** Scored like the score stage does, so both sides write identical rows. */
export function scoredRows(scorer: AppContext['scorer'], count: number): NewMention[] {
  const stream = { runTag: 'baseline', start: Date.now() - count, perSecond: 1000 };
  return streamSlice(stream, 0, count).map((m) => toRow({ ...m, ...scorer.score(m), entityIds: [], sourceId: 'bench', collectedAt: Date.now() }));
}

/** Inserts rows one statement (one commit) at a time, for at most `budgetMs`, into a freshly migrated database. */
export async function plainInsertRate(databaseUrl: string, rows: readonly NewMention[], budgetMs: number): Promise<BaselineOutcome> {
  const store = await openDatabase(databaseUrl, 'data', { poolSize: 1 });
  try {
    await migrateToLatest(store);
    if (store.dialect === 'postgres') await ensureWeekPartitions(store.db, rows.map((r) => r.published_at));
    const started = performance.now();
    let done = 0;
    for (const row of rows) {
      await store.db.insertInto('mentions').values(row).onConflict((oc) => oc.columns(conflictKeys(store.dialect).mentions).doNothing()).execute();
      done += 1;
      if (performance.now() - started > budgetMs) break;
    }
    return { rows: done, perSecond: (done * 1000) / (performance.now() - started) };
  } finally {
    await store.close();
  }
}

/** The rows the pipeline writes for a stretch of the bench stream: matched, scored, as the score stage hands them over. */
export function scoredStream(scorer: AppContext['scorer'], matcher: EntityMatcher, stance: TargetStance, count: number): StoredMention[] {
  const stream = { runTag: 'ceiling', start: Date.now() - count, perSecond: 5000 };
  const out: StoredMention[] = [];
  for (const m of streamSlice(stream, 0, count)) {
    const entityIds = matcher.match(m.text);
    if (entityIds.length === 0) continue; // the collect stage drops these too
    const scores = scorer.score(m);
    const targets = stance.targets({ text: m.text, lang: scores.lang, tone: scores.sentiment.label, entityIds });
    out.push({ ...m, ...scores, entityIds: targets.map((t) => t.entityId), targets, sourceId: 'bench', collectedAt: Date.now() });
  }
  return out;
}

/**
 * The storage ceiling: the same scored rows (mentions, entity links, authors, both rollups) written in 1,000-mention
 * transactions of INSERT ... ON CONFLICT, with no queue, no scoring, no duplicate bookkeeping and no reply lookup.
 * What the database alone can take on this machine in this run; the pipeline's figure is read against it.
 */
export async function storageCeilingRate(databaseUrl: string, mentions: readonly StoredMention[], budgetMs: number): Promise<BaselineOutcome> {
  const store = await openDatabase(databaseUrl, 'data', { poolSize: 1 });
  try {
    await migrateToLatest(store);
    const { db, dialect } = store;
    const keys = conflictKeys(dialect);
    if (dialect === 'postgres') await ensureWeekPartitions(db, mentions.map((m) => Date.parse(m.publishedAt)));
    // One connection (poolSize 1): its backend is the database's whole share of the work.
    const backend = dialect === 'postgres' ? Number((await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)).rows[0].pid) : null;
    const backendCpu = () => (backend === null ? 0 : (processCpuSeconds(backend) ?? 0));
    const cpuAtStart = { writer: process.cpuUsage(), database: backendCpu() };
    const started = performance.now();
    let done = 0;
    for (let i = 0; i < mentions.length; i += 1000) {
      const batch = mentions.slice(i, i + 1000);
      await db.transaction().execute(async (trx) => {
        for (const insert of bulkInserts(trx, dialect, 'mentions', batch.map(toRow))) await insert.onConflict((oc) => oc.columns(keys.mentions).doNothing()).execute();
        for (const insert of bulkInserts(trx, dialect, 'mention_entities', linkRows(batch))) await insert.onConflict((oc) => oc.columns(keys.links).doNothing()).execute();
        await upsertAuthors(trx, dialect, batch);
        await rollupChanges(batch, []).apply(trx);
      });
      done += batch.length;
      if (performance.now() - started > budgetMs) break;
    }
    const writer = process.cpuUsage(cpuAtStart.writer);
    return {
      rows: done,
      perSecond: (done * 1000) / (performance.now() - started),
      writerCpuSeconds: (writer.user + writer.system) / 1e6,
      databaseCpuSeconds: backendCpu() - cpuAtStart.database,
    };
  } finally {
    await store.close();
  }
}
