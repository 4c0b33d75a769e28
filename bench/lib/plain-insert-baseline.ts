// The ingest baseline: the same scored rows written by a plain loop of single-row INSERT ... ON CONFLICT DO NOTHING.
import type { AppContext } from '../../src/app/context.js';
import { openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { toRow } from '../../src/store/mention-repository.js';
import type { NewMention } from '../../src/store/tables.js';
import { streamSlice } from './mention-stream.js';

export interface BaselineOutcome {
  rows: number;
  perSecond: number;
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
    const started = performance.now();
    let done = 0;
    for (const row of rows) {
      await store.db.insertInto('mentions').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
      done += 1;
      if (performance.now() - started > budgetMs) break;
    }
    return { rows: done, perSecond: (done * 1000) / (performance.now() - started) };
  } finally {
    await store.close();
  }
}
