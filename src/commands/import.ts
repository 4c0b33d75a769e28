// `vigie import file`: queue a file's mentions for collection; the running workers store them.
import { createAppContext } from '../app/context.js';
import { loadConfigFile } from '../config/load-config.js';
import { createLogger } from '../logger.js';
import { importMentionFile } from '../stages/import-file.js';

export async function runImport(configPath: string, file: string, sourceId?: string): Promise<void> {
  const config = loadConfigFile(configPath);
  const ctx = await createAppContext(config, { logger: createLogger({ level: 'warn' }) });
  try {
    const s = await importMentionFile(ctx, file, sourceId);
    console.log(`${file}: ${s.records} records read, ${s.queued} mentions queued in ${s.jobs} jobs, ${s.quarantined} quarantined (see the quarantine table)`);
  } finally {
    await ctx.close();
  }
}
