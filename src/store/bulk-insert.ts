// Many rows in one INSERT, in the form each database reads fastest.
import { sql, type Insertable, type InsertQueryBuilder, type InsertResult, type Transaction } from 'kysely';
import { chunkRows } from './chunk.js';
import type { DialectName } from './database.js';
import type { Database } from './tables.js';

/** Rows per statement on PostgreSQL: one JSON text of a few MB at most, whatever the number of columns. */
const POSTGRES_ROWS_PER_STATEMENT = 5000;

/**
 * The INSERT statements that add `rows` to `table`, before any ON CONFLICT or RETURNING the caller adds.
 *
 * On PostgreSQL the rows travel as one JSON parameter that `json_populate_recordset` expands with the table's own
 * column types. A multi-row VALUES list of 1,000 mentions has 29,000 parameters, which kysely builds and the server
 * parses one by one: on batches of 1,000 scored mentions the JSON form took 55 % less CPU in Node and 40 % less time.
 * SQLite binds parameters cheaply, and keeps the VALUES list, chunked under the parameter limit.
 * Every row must have the same keys; columns left out get their defaults.
 */
export function bulkInserts<T extends keyof Database & string>(
  trx: Transaction<Database>,
  dialect: DialectName,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): InsertQueryBuilder<Database, T, InsertResult>[] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  if (dialect === 'sqlite') {
    return chunkRows(rows, columns.length).map((chunk) => trx.insertInto(table).values(chunk as Insertable<Database[T]>[]));
  }
  const columnRefs = sql.join(columns.map((c) => sql.ref(c)));
  return chunkRows(rows, 1, POSTGRES_ROWS_PER_STATEMENT).map((chunk) =>
    trx
      .insertInto(table)
      .columns(columns as never)
      .expression(sql`select ${columnRefs} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(chunk)})`),
  );
}

