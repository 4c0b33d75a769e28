// Per-source cursors: where the next collection run resumes.
import type { Kysely } from 'kysely';
import type { Database } from './tables.js';

export async function loadCursor(db: Kysely<Database>, sourceId: string): Promise<string | null> {
  const row = await db.selectFrom('source_cursors').select('cursor').where('source_id', '=', sourceId).executeTakeFirst();
  return row?.cursor ?? null;
}

export async function saveCursor(db: Kysely<Database>, sourceId: string, cursor: string | null, now = Date.now()): Promise<void> {
  await db
    .insertInto('source_cursors')
    .values({ source_id: sourceId, cursor, updated_at: now, last_error: null })
    .onConflict((oc) => oc.column('source_id').doUpdateSet({ cursor, updated_at: now, last_error: null }))
    .execute();
}

export async function recordSourceError(db: Kysely<Database>, sourceId: string, error: string, now = Date.now()): Promise<void> {
  await db
    .insertInto('source_cursors')
    .values({ source_id: sourceId, cursor: null, updated_at: now, last_error: error })
    .onConflict((oc) => oc.column('source_id').doUpdateSet({ last_error: error, updated_at: now }))
    .execute();
}

/** The source's last poll went through: it is no longer failing. Writes only when it was. */
export async function clearSourceError(db: Kysely<Database>, sourceId: string): Promise<void> {
  await db.updateTable('source_cursors').set({ last_error: null }).where('source_id', '=', sourceId).where('last_error', 'is not', null).execute();
}

export interface FailingSource {
  sourceId: string;
  /** What the platform said, one line. */
  error: string;
  /** When the failure was last recorded, epoch ms. */
  since: number;
}

/** Sources whose last poll failed (in full or for some streams), by id. */
export async function failingSources(db: Kysely<Database>): Promise<FailingSource[]> {
  const rows = await db.selectFrom('source_cursors').select(['source_id', 'last_error', 'updated_at']).where('last_error', 'is not', null).orderBy('source_id').execute();
  return rows.map((r) => ({ sourceId: r.source_id, error: r.last_error ?? '', since: Number(r.updated_at) }));
}
