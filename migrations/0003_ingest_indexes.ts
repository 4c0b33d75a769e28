// Indexes for ingest, from pg_stat_statements over the 1M-mention ingest bench.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Own replies by parent: storing a mention looks up the brand's replies that arrived before it. With 1,000
  // parents a batch, PostgreSQL preferred scanning mentions to the reply_to index (which holds every reply), and
  // that scan took most of the database's time. Own replies are few, so this index is small and selective.
  await db.schema
    .createIndex('mentions_own_reply_to')
    .ifNotExists()
    .on('mentions')
    .column('reply_to')
    .where(sql.ref('is_own'), '=', sql.lit(1))
    .execute();
  // The primary key is already "platform:external_id" (platforms have no colon), so this unique index enforced
  // nothing more and cost every insert one more B-tree to update.
  await db.schema.dropIndex('mentions_platform_external').ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('mentions_platform_external').ifNotExists().unique().on('mentions').columns(['platform', 'external_id']).execute();
  await db.schema.dropIndex('mentions_own_reply_to').ifExists().execute();
}
