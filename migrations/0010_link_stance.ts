// Per-link stance: the role an entity plays in a post's tone (scoring/target-stance.ts), so that a link's label can be
// re-derived when the team corrects the post's tone, and explained ("compares Kelio unfavourably with Veltra").
// Existing links were all labelled with their post's tone: 'direct' is exactly what they are.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Re-runnable: PostgreSQL says IF NOT EXISTS itself (on the partitioned table, the partitions follow); SQLite has no
 * such clause, so its one schema is looked at first.
 */
async function addColumnOnce(db: Kysely<any>, column: string, type: string, notNullDefault?: string): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const tail = notNullDefault === undefined ? sql`` : sql` NOT NULL DEFAULT ${sql.lit(notNullDefault)}`;
    await sql`ALTER TABLE mention_entities ADD COLUMN IF NOT EXISTS ${sql.id(column)} ${sql.raw(type)}${tail}`.execute(db);
    return;
  }
  const tables = await db.introspection.getTables();
  if (tables.find((t) => t.name === 'mention_entities')?.columns.some((c) => c.name === column)) return;
  await db.schema
    .alterTable('mention_entities')
    .addColumn(column, sql.raw(type), (c) => (notNullDefault === undefined ? c : c.notNull().defaultTo(notNullDefault)))
    .execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await addColumnOnce(db, 'stance', 'text', 'direct');
  /** The entity on the other side of the comparison, when there is one. */
  await addColumnOnce(db, 'stance_versus', 'text');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mention_entities').dropColumn('stance_versus').execute();
  await db.schema.alterTable('mention_entities').dropColumn('stance').execute();
}
