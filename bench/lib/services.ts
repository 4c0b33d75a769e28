// The machine's services as the bench uses them: its own PostgreSQL databases, a private Redis prefix, SQLite files.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';

export const BENCH_DIR = resolve(import.meta.dirname, '..');
export const RESULTS_DIR = join(BENCH_DIR, 'results');
export const REPO_DIR = resolve(BENCH_DIR, '..');

/** The server, without a database: the bench creates its own next to `test`, so it never collides with the tests. */
export const POSTGRES_SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const postgresUrl = (database: string) => `${POSTGRES_SERVER}/${database}`;

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl('postgres') });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${POSTGRES_SERVER} (${(error as Error).message}). Start it with:\n` +
        '  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the database when missing; returns whether it already existed. */
export async function ensurePostgresDatabase(name: string): Promise<boolean> {
  return withAdmin(async (admin) => {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return true;
    await admin.query(`CREATE DATABASE "${name}"`);
    return false;
  });
}

/** An empty database of that name (dropped first, with any session left on it). */
export async function freshPostgresDatabase(name: string): Promise<string> {
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  return postgresUrl(name);
}

export async function dropPostgresDatabase(name: string): Promise<void> {
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** A fresh SQLite file under bench/results/tmp (the folder is git-ignored). */
export function freshSqliteUrl(name: string): { url: string; remove(): void } {
  const dir = join(RESULTS_DIR, 'tmp', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return { url: `sqlite:${join(dir, 'vigie.db')}`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A hash-tagged prefix of the run's own, so the bench never touches a deployment's or a test's queues. */
export const benchRedisPrefix = (name: string) => `{vigie-bench-${name}-${randomBytes(3).toString('hex')}}`;
