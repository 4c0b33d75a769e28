// `vigie migrate`: apply pending migrations and say which ran.
import { loadConfigFile } from '../config/load-config.js';
import { openDatabase } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';

export async function runMigrate(configPath: string): Promise<void> {
  const config = loadConfigFile(configPath);
  const store = await openDatabase(config.database.url, config.dataDir);
  try {
    const results = await migrateToLatest(store);
    console.log(results.length ? results.map((r) => `${r.migrationName}: ${r.status}`).join('\n') : `${store.description}: up to date`);
  } finally {
    await store.close();
  }
}
