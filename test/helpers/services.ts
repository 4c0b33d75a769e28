// Real services for integration tests: a fresh SQLite file or PostgreSQL schema, and a private Redis key prefix.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Store } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { pingRedis } from '../../src/queue/redis-connection.js';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const DIALECTS = ['sqlite', 'postgres'] as const;
export type TestDialect = (typeof DIALECTS)[number];

export const uniqueName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

export interface TestDatabase {
  url: string;
  schema?: string;
  store: Store;
  /** Drops the schema / deletes the file. */
  destroy(): Promise<void>;
}

/** A migrated, empty database of the given dialect, private to the caller. */
export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-test-'));
    const url = `sqlite:${join(dir, 'vigie.db')}`;
    const store = await openDatabase(url);
    await migrateToLatest(store);
    return { url, store, destroy: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const schema = uniqueName('t');
  let store: Store;
  try {
    store = await openDatabase(POSTGRES_URL, 'data', { schema, poolSize: 4 });
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${POSTGRES_URL} (${(error as Error).message}). Start it with:\n` +
        `  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
    );
  }
  await migrateToLatest(store);
  return {
    url: POSTGRES_URL,
    schema,
    store,
    destroy: async () => {
      await store.close();
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    },
  };
}

/** Fails with the command that starts Redis when it is not running. */
export async function requireRedis(): Promise<void> {
  await pingRedis({ url: REDIS_URL });
}

/** A hash-tagged BullMQ prefix of one's own, so parallel test files never share queues. */
export const testRedisPrefix = () => `{${uniqueName('vigietest')}}`;
