// The crisis room: one crisis per entity family episode (its alerts point to it), the team's notes, the playbook's
// checklist state, and the severity each delivery told (so that a related alert covers only what it really told).
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * A column added before an interruption is not added twice. PostgreSQL says so itself, in the schema of the search path;
 * its introspection would list the tables of every schema (another deployment's `alerts` already has the column).
 * SQLite has no ADD COLUMN IF NOT EXISTS, and one database file holds one schema.
 */
async function addColumnOnce(db: Kysely<any>, table: string, column: string, type: 'text' | 'bigint'): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`ALTER TABLE ${sql.id(table)} ADD COLUMN IF NOT EXISTS ${sql.id(column)} ${sql.raw(type)}`.execute(db);
    return;
  }
  const tables = await db.introspection.getTables();
  const found = tables.find((t) => t.name === table)?.columns.some((c) => c.name === column);
  if (!found) await db.schema.alterTable(table).addColumn(column, type).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('crises')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** The family's root entity (a brand): a crisis of its product or CEO is the brand's crisis too. */
    .addColumn('root_entity_id', 'text', (c) => c.notNull())
    /** open, handled (someone owns the response and it is under control) or resolved. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('owned_at', 'bigint')
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('handled_at', 'bigint')
    .addColumn('resolved_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('crises_root_status').ifNotExists().on('crises').columns(['root_entity_id', 'status']).execute();
  // One active crisis per family: alerts of a brand and its product opened at the same moment by two workers
  // cannot open two rooms (the second insert does nothing and joins the first).
  await db.schema
    .createIndex('crises_one_active_per_root')
    .ifNotExists()
    .unique()
    .on('crises')
    .column('root_entity_id')
    .where(sql.ref('status'), '!=', sql.lit('resolved'))
    .execute();

  await db.schema
    .createTable('crisis_notes')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('crisis_id', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('crisis_notes_crisis').ifNotExists().on('crisis_notes').columns(['crisis_id', 'created_at']).execute();

  await db.schema
    .createTable('crisis_checklist')
    .ifNotExists()
    /** `${crisis_id}:${item_id}`: one state per playbook step. */
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('crisis_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('done_at', 'bigint')
    .addColumn('done_by', 'text')
    .execute();
  await db.schema.createIndex('crisis_checklist_crisis').ifNotExists().on('crisis_checklist').column('crisis_id').execute();

  await addColumnOnce(db, 'alerts', 'crisis_id', 'text');
  await db.schema.createIndex('alerts_crisis').ifNotExists().on('alerts').column('crisis_id').execute();
  await addColumnOnce(db, 'alert_deliveries', 'severity', 'text');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('alerts_crisis').ifExists().execute();
  await db.schema.dropIndex('crises_one_active_per_root').ifExists().execute();
  await db.schema.alterTable('alert_deliveries').dropColumn('severity').execute();
  await db.schema.alterTable('alerts').dropColumn('crisis_id').execute();
  for (const table of ['crisis_checklist', 'crisis_notes', 'crises']) await db.schema.dropTable(table).ifExists().execute();
}
