// `vigie import`: reads a JSONL/CSV file in batches into the collect queue; bad records go to quarantine.
import { basename } from 'node:path';
import type { AppContext } from '../app/context.js';
import { contentHash, jobId } from '../queue/job-id.js';
import { readMentionFile } from '../sources/file-import.js';
import { quarantine } from '../store/quarantine-repository.js';

export interface ImportSummary {
  records: number;
  queued: number;
  quarantined: number;
  jobs: number;
}

export async function importMentionFile(ctx: AppContext, path: string, sourceId = `import-${basename(path)}`): Promise<ImportSummary> {
  const summary: ImportSummary = { records: 0, queued: 0, quarantined: 0, jobs: 0 };
  for await (const batch of readMentionFile(path, { sourceId, batchSize: 500 })) {
    summary.records = batch.position;
    await quarantine(ctx.store.db, batch.quarantined, ctx.now());
    summary.quarantined += batch.quarantined.length;
    if (batch.mentions.length === 0) continue;
    // Same file, same batch, same id: importing a file twice queues nothing new while the first jobs are kept.
    const id = jobId('ingest', sourceId, contentHash(batch.mentions.map((m) => `${m.platform}/${m.externalId}`)));
    await ctx.queues.collect.add('ingest', { kind: 'ingest', sourceId, platform: 'file', mentions: batch.mentions }, { jobId: id });
    summary.queued += batch.mentions.length;
    summary.jobs++;
  }
  return summary;
}
