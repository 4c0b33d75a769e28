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
