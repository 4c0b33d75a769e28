// Applies the numbered migrations with kysely's Migrator; safe to call at every start.
import { Migrator, type MigrationResult, type MigrationResultSet } from 'kysely';
import type { Store } from './database.js';
import { migrations } from '../../migrations/index.js';

/**
 * kysely looks for its bookkeeping tables in every PostgreSQL schema, so it is told Vigie's own:
 * otherwise a second Vigie in the same database (another schema) would find the first one's.
 */
function migrator(store: Store): Migrator {
  const schema = store.dialect === 'postgres' ? (store.schema ?? 'public') : undefined;
  return new Migrator({ db: store.db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
}

/**
 * Before running anything, kysely's Migrator introspects every table of every schema, resolving each by name
 * (`pg_get_serial_sequence`): a table another program drops meanwhile, in any schema, fails that read with
 * 'relation "<schema>.<table>" does not exist', or with 'schema "<schema>" does not exist' when the whole schema
 * went (both seen when parallel tests dropped their schemas). Nothing has run then, so the read is simply tried again.
 */
// Under a loaded machine with many parallel tests, three tries were seen to lose the race three times in a row.
const INTROSPECTION_ATTEMPTS = 10;
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
const droppedMeanwhile = (error: unknown): boolean => /(relation|schema) ".+" does not exist/.test((error as Error)?.message ?? '');

/** Runs one of the Migrator's moves, trying again while it failed in the introspection, before any migration ran. */
async function migrateWithRetry(store: Store, move: (m: Migrator) => Promise<MigrationResultSet>): Promise<MigrationResult[]> {
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await move(migrator(store));
    if (!error) return results ?? [];
    const failed = results?.find((r) => r.status === 'Error');
    if (!failed && droppedMeanwhile(error) && attempt < INTROSPECTION_ATTEMPTS) {
      await pause(attempt);
      continue;
    }
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message ?? String(error)}`);
  }
}

export const migrateToLatest = (store: Store): Promise<MigrationResult[]> => migrateWithRetry(store, (m) => m.migrateToLatest());

/** Migrates up (or down) to the named migration: an upgrade test starts from an older schema this way. */
export const migrateTo = (store: Store, name: string): Promise<MigrationResult[]> => migrateWithRetry(store, (m) => m.migrateTo(name));

/** Names of migrations not yet applied (for /ready and doctor). */
export async function pendingMigrations(store: Store): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      const all = await migrator(store).getMigrations();
      return all.filter((m) => !m.executedAt).map((m) => m.name);
    } catch (error) {
      // The same introspection as above, with the same race.
      if (!droppedMeanwhile(error) || attempt >= INTROSPECTION_ATTEMPTS) throw error;
      await pause(attempt);
    }
  }
}
