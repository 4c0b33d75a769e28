// Payloads that failed to parse, kept with their error so nothing is silently lost.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { QuarantinedItem } from '../sources/source.js';
import { chunkRows } from './chunk.js';
import type { Database } from './tables.js';

/** Payloads are capped so one hostile 1 GB body cannot fill the database; the hash covers the whole. */
export const MAX_QUARANTINED_PAYLOAD = 256 * 1024;

export async function quarantine(db: Kysely<Database>, items: readonly QuarantinedItem[], now = Date.now()): Promise<void> {
  if (items.length === 0) return;
  const rows = items.map((item) => ({
    id: createHash('sha256').update(item.sourceId).update('\0').update(item.payload).digest('hex').slice(0, 32),
    source_id: item.sourceId,
    platform: item.platform,
    payload: item.payload.length > MAX_QUARANTINED_PAYLOAD ? `${item.payload.slice(0, MAX_QUARANTINED_PAYLOAD)}…[truncated]` : item.payload,
    error: item.error.slice(0, 2000),
    created_at: now,
  }));
  for (const chunk of chunkRows(rows, 6)) {
    await db.insertInto('quarantine').values(chunk).onConflict((oc) => oc.column('id').doNothing()).execute();
  }
}

export async function countQuarantined(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('quarantine').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
