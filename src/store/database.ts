// Opens the database: SQLite (better-sqlite3, embedded default) or PostgreSQL when the URL says postgres://.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { databaseUrlProblem } from './database-url.js';
import type { Database } from './tables.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The PostgreSQL schema in use when not the default one. */
  schema?: string;
  /** Where it points, without any password, for messages. */
  description: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL schema to use (tests isolate themselves this way); created if missing. */
  schema?: string;
  poolSize?: number;
  /** Create the schema when missing (default); a read replica cannot, and must not try. */
  createSchema?: boolean;
}

// PostgreSQL returns bigint (int8) and numeric as strings; every number we store fits a double.
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === PG_INT8 || oid === PG_NUMERIC) return (value: string) => Number(value);
    return (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format);
  },
};

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** `sqlite:path`, a bare path, or empty (the default file under dataDir). */
export function sqlitePath(url: string, dataDir: string): string {
  if (!url) return resolve(dataDir, 'vigie.db');
  if (url === ':memory:' || url === 'sqlite::memory:') return ':memory:';
  return resolve(url.replace(/^sqlite:(\/\/)?/i, ''));
}

export async function openDatabase(url: string, dataDir = 'data', options: OpenOptions = {}): Promise<Store> {
  // The config refuses these already; a caller that skipped it must not get a SQLite file named after a URL.
  const problem = databaseUrlProblem(url);
  if (problem) throw new Error(`unusable database URL: ${problem}`);
  if (isPostgresUrl(url)) return openPostgres(url, options);
  const path = sqlitePath(url, dataDir);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets the API read while a worker writes; NORMAL sync is durable across process crashes in WAL mode.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 10000');
  // SQLite's own lower() folds ASCII only; text search must find "ÉCOLE" when asked for "école", as PostgreSQL does.
  sqlite.function('lower', { deterministic: true }, (s: unknown) => (s === null || s === undefined ? null : String(s).toLowerCase()));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: rollbackTolerant(sqlite) }) });
  return { db, dialect: 'sqlite', description: `SQLite ${path}`, close: () => db.destroy() };
}

/**
 * On some errors (disk full, I/O) SQLite rolls the transaction back by itself; kysely's ROLLBACK then
 * fails with "no transaction is active" and hides the real cause. A rollback with nothing to roll back
 * is made a no-op so the original error is the one reported.
 */
function rollbackTolerant(sqlite: SQLite.Database): SqliteDatabase {
  const noop = { reader: false, all: () => [], run: () => ({ changes: 0, lastInsertRowid: 0 }), iterate: () => [][Symbol.iterator]() };
  return {
    close: () => sqlite.close(),
    prepare: (query: string) => (/^\s*rollback\b/i.test(query) && !sqlite.inTransaction ? noop : sqlite.prepare(query)) as ReturnType<SqliteDatabase['prepare']>,
  };
}

/**
 * Vigie's reads are small indexed lookups with a LIMIT, answered in milliseconds. With millions of rows the planner
 * still picks parallel plans for them (a Gather Merge over a backward index scan), and starting the parallel workers
 * cost 80-150 ms where the serial plan takes 8 ms (measured on the 10 M-mention bench database); JIT compilation of
 * queries it believes expensive costs as much again. Both are turned off for Vigie's sessions only.
 */
export const SESSION_SETTINGS = ['-c max_parallel_workers_per_gather=0', '-c jit=off'];

async function openPostgres(url: string, options: OpenOptions): Promise<Store> {
  const parsed = new URL(url);
  const description = `PostgreSQL ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}${options.schema ? ` (schema ${options.schema})` : ''}`;
  if (options.schema && options.createSchema !== false) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replace(/"/g, '')}"`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    options: [...SESSION_SETTINGS, ...(options.schema ? [`-c search_path=${options.schema}`] : [])].join(' '),
  });
  // A client that loses its server (idle, or in the middle of a transaction) must not crash the process:
  // the query in flight fails, its job is retried, and the next checkout reconnects.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', schema: options.schema, description, close: () => db.destroy() };
}
