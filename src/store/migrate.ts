// Applies the numbered migrations with kysely's Migrator; safe to call at every start.
import { Migrator, type MigrationResult } from 'kysely';
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

export async function migrateToLatest(store: Store): Promise<MigrationResult[]> {
  const { error, results } = await migrator(store).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message ?? String(error)}`);
  }
  return results ?? [];
}

/** Names of migrations not yet applied (for /ready and doctor). */
export async function pendingMigrations(store: Store): Promise<string[]> {
  const all = await migrator(store).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
