// Runs a command against the configured database (migrated), without Redis or workers.
import { loadConfigFile, type VigieConfig } from '../config/load-config.js';
import { openDatabase, type Store } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';

export async function withStore<T>(configPath: string, run: (store: Store, config: VigieConfig) => Promise<T>): Promise<T> {
  const config = loadConfigFile(configPath);
  const store = await openDatabase(config.database.url, config.dataDir);
  try {
    await migrateToLatest(store);
    return await run(store, config);
  } finally {
    await store.close();
  }
}
