// PostgreSQL: mentions and mention_entities become range-partitioned by published_at, one partition a week, so that
// retention drops whole weeks instead of deleting rows one by one. SQLite keeps its single tables.
//
// An existing table is not copied: it is renamed "<table>_legacy" and attached as the partition of everything up to
// the end of the current week (FROM MINVALUE), which costs one index build and one validating scan, no rewrite. New
// weeks get their own partitions; retention drops the legacy one once its last week is past.
//
// Primary keys of a partitioned table must contain the partition key: mentions' key becomes (id, published_at), and
// mention_entities' (mention_id, entity_id, published_at). Exactly once still holds because a post's publication
// time is part of its identity: every platform gives the same created time for the same post id (see
// src/store/mention-repository.ts).
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const WEEK_MS = 7 * 86_400_000;
const MONDAY_OFFSET_MS = 4 * 86_400_000;
const weekStart = (t: number) => Math.floor((t - MONDAY_OFFSET_MS) / WEEK_MS) * WEEK_MS + MONDAY_OFFSET_MS;

const TABLES = [
  { table: 'mentions', key: ['id', 'published_at'] },
  { table: 'mention_entities', key: ['mention_id', 'entity_id', 'published_at'] },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  if ((await relkind(db, 'mentions')) === 'p') return; // already converted (a re-run)
  const newest = await sql<{ t: number | null }>`SELECT greatest((SELECT max(published_at) FROM mentions), (SELECT max(published_at) FROM mention_entities)) AS t`.execute(db);
  const hasRows = newest.rows[0]?.t != null;
  // The legacy partition ends with the week of the newest row or of today, whichever is later.
  const legacyEnd = weekStart(Math.max(Number(newest.rows[0]?.t ?? 0), Date.now())) + WEEK_MS;

  for (const { table, key } of TABLES) {
    const legacy = `${table}_legacy`;
    const indexes = await sql<{ name: string; def: string; primary: boolean; unique: boolean }>`
      SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def, x.indisprimary AS primary, x.indisunique AS unique
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = to_regclass(${table})`.execute(db);
    await sql`ALTER TABLE ${sql.id(table)} RENAME TO ${sql.id(legacy)}`.execute(db);
    // The parent takes the index names; the legacy table's own indexes are attached to the parent's below.
    for (const ix of indexes.rows) await sql`ALTER INDEX ${sql.id(ix.name)} RENAME TO ${sql.id(`${ix.name}_legacy`)}`.execute(db);
    // LIKE copies every column, those later migrations added included, with their NOT NULLs and defaults.
    await sql`CREATE TABLE ${sql.id(table)} (LIKE ${sql.id(legacy)} INCLUDING DEFAULTS) PARTITION BY RANGE (published_at)`.execute(db);
    await sql`ALTER TABLE ${sql.id(table)} ADD PRIMARY KEY (${sql.join(key.map((c) => sql.id(c)))})`.execute(db);
    for (const ix of indexes.rows) {
      // A unique index without published_at cannot exist on a partitioned table; the primary key replaces the old one.
      if (ix.primary || ix.unique) continue;
      let onParent = ix.def.replace(/ ON (ONLY )?(\S+\.)?"?\w+"? USING /, ` ON ${table} USING `);
      // Most mentions answer nothing: the reply index only needs the replies (every lookup names a parent, which
      // implies NOT NULL), and each mention without one is one B-tree insertion saved.
      if (ix.name === 'mentions_reply_to' && !/ WHERE /.test(onParent)) {
        onParent += ' WHERE (reply_to IS NOT NULL)';
        // ATTACH builds the partial one on the legacy table; the full one would only cost writes.
        await sql`DROP INDEX ${sql.id(`${ix.name}_legacy`)}`.execute(db);
      }
      await sql.raw(onParent).execute(db);
    }
    if (!hasRows) {
      await sql`DROP TABLE ${sql.id(legacy)}`.execute(db);
      continue;
    }
    const primary = indexes.rows.find((ix) => ix.primary);
    if (primary) await sql`ALTER TABLE ${sql.id(legacy)} DROP CONSTRAINT IF EXISTS ${sql.id(`${primary.name}_legacy`)}`.execute(db);
    // A primary key (not a bare unique index), so that ATTACH adopts it for the parent's instead of building another.
    await sql`ALTER TABLE ${sql.id(legacy)} ADD CONSTRAINT ${sql.id(`${legacy}_pkey`)} PRIMARY KEY (${sql.join(key.map((c) => sql.id(c)))})`.execute(db);
    // A validated CHECK that implies the bound spares ATTACH its own scan under the stronger lock.
    const bound = `${legacy}_bound`;
    await sql`ALTER TABLE ${sql.id(legacy)} ADD CONSTRAINT ${sql.id(bound)} CHECK (published_at IS NOT NULL AND published_at < ${sql.lit(legacyEnd)})`.execute(db);
    await sql`ALTER TABLE ${sql.id(table)} ATTACH PARTITION ${sql.id(legacy)} FOR VALUES FROM (MINVALUE) TO (${sql.lit(legacyEnd)})`.execute(db);
    await sql`ALTER TABLE ${sql.id(legacy)} DROP CONSTRAINT ${sql.id(bound)}`.execute(db);
  }
  // This week and the next four, so that ingest never waits on DDL after an upgrade; the maintain job keeps it so.
  const first = hasRows ? legacyEnd : weekStart(Date.now());
  for (let start = first; start < weekStart(Date.now()) + 5 * WEEK_MS; start += WEEK_MS) {
    for (const { table } of TABLES) {
      const name = `${table}_p${new Date(start).toISOString().slice(0, 10).replace(/-/g, '')}`;
      await sql`CREATE TABLE IF NOT EXISTS ${sql.id(name)} PARTITION OF ${sql.id(table)} FOR VALUES FROM (${sql.lit(start)}) TO (${sql.lit(start + WEEK_MS)})`.execute(db);
    }
  }
}

/** Back to single tables, rows copied (for a downgrade; the forward path never copies). */
export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db) || (await relkind(db, 'mentions')) !== 'p') return;
  for (const { table } of TABLES) {
    const single = `${table}_single`;
    await sql`CREATE TABLE ${sql.id(single)} (LIKE ${sql.id(table)} INCLUDING DEFAULTS INCLUDING INDEXES)`.execute(db);
    await sql`INSERT INTO ${sql.id(single)} SELECT * FROM ${sql.id(table)}`.execute(db);
    await sql`DROP TABLE ${sql.id(table)} CASCADE`.execute(db);
    await sql`ALTER TABLE ${sql.id(single)} RENAME TO ${sql.id(table)}`.execute(db);
  }
}

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

async function relkind(db: Kysely<any>, table: string): Promise<string | undefined> {
  const r = await sql<{ relkind: string }>`SELECT relkind FROM pg_class WHERE oid = to_regclass(${table})`.execute(db);
  return r.rows[0]?.relkind;
}
