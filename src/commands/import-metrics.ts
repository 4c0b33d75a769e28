// `vigie import-metrics`: business figures (date, metric, value) to correlate with social activity.
import { importMetricsCsv } from '../store/metrics-repository.js';
import { withStore } from './with-store.js';

export async function runImportMetrics(configPath: string, file: string, entityId?: string): Promise<boolean> {
  const result = await withStore(configPath, async (store, config) => {
    if (entityId && !config.entities.some((e) => e.id === entityId)) throw new Error(`--entity ${entityId}: expected one of ${config.entities.map((e) => e.id).join(', ')}`);
    return importMetricsCsv(store.db, file, entityId);
  });
  console.log(`${file}: ${result.imported} value(s) imported, ${result.rejected.length} rejected`);
  for (const r of result.rejected.slice(0, 20)) console.log(`  line ${r.line}: ${r.error}`);
  if (result.rejected.length > 20) console.log(`  … and ${result.rejected.length - 20} more`);
  return result.rejected.length === 0;
}
