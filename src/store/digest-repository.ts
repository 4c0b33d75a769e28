// The digests table: which weekly digest went to whom and when; one row per (entity, ISO week), written after SMTP accepted it.
import type { Kysely } from 'kysely';
import type { Database } from './tables.js';

export interface SentDigest {
  entityId: string;
  week: string;
  sentAt: number;
  recipients: string[];
  messageId: string | null;
}

export async function findSentDigest(db: Kysely<Database>, entityId: string, week: string): Promise<SentDigest | undefined> {
  const row = await db.selectFrom('digests').selectAll().where('entity_id', '=', entityId).where('week', '=', week).executeTakeFirst();
  if (!row) return undefined;
  return { entityId: row.entity_id, week: row.week, sentAt: Number(row.sent_at), recipients: JSON.parse(row.recipients), messageId: row.message_id };
}

/** Records a sent digest; returns false when one was already recorded for that entity and week (the first record stays). */
export async function recordSentDigest(db: Kysely<Database>, d: SentDigest): Promise<boolean> {
  const rows = await db
    .insertInto('digests')
    .values({ entity_id: d.entityId, week: d.week, sent_at: d.sentAt, recipients: JSON.stringify(d.recipients), message_id: d.messageId })
    .onConflict((oc) => oc.columns(['entity_id', 'week']).doNothing())
    .returning('entity_id')
    .execute();
  return rows.length > 0;
}
