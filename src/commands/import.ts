// `vigie import file`: queue a file's mentions for collection; the running workers store them. Fails when none can be.
import { createAppContext } from '../app/context.js';
import { loadConfigFile } from '../config/load-config.js';
import { createLogger } from '../logger.js';
import { importMentionFile } from '../stages/import-file.js';

/** Imports the file; false when nothing could be stored (every record quarantined, or none at all), for the exit code. */
export async function runImport(configPath: string, file: string, sourceId?: string): Promise<boolean> {
  const config = loadConfigFile(configPath);
  const ctx = await createAppContext(config, { logger: createLogger({ level: 'warn' }) });
  try {
    const s = await importMentionFile(ctx, file, sourceId);
    console.log(`${file}: ${s.records} records read, ${s.queued} mentions queued in ${s.jobs} jobs, ${s.quarantined} quarantined (see the quarantine table)`);
    if (s.queued === 0) console.error(`${file}: nothing to store: ${s.quarantined > 0 ? 'every record was quarantined' : 'no record found'}`);
    return s.queued > 0;
  } finally {
    await ctx.close();
  }
}
