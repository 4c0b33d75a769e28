// The `file` source: a JSONL or CSV file another tool appends to; each poll reads the records added since the last.
import { z } from 'zod';
import { readMentionFile } from './file-import.js';
import type { SourceFactory } from './source-factory.js';
import type { FetchResult, Source } from './source.js';

export const fileSourceConfig = z
  .object({
    id: z.string().min(1),
    type: z.literal('file'),
    path: z.string().min(1),
    entities: z.array(z.string()).optional(),
    /** How often to look for new lines. */
    everySeconds: z.number().int().min(1).default(60),
    /** At most this many records per poll, so one poll is one bounded job. */
    maxRecords: z.number().int().min(1).default(5000),
  })
  .strict();
export type FileSourceConfig = z.output<typeof fileSourceConfig>;

export const fileSourceFactory: SourceFactory<FileSourceConfig> = {
  type: 'file',
  platform: 'file',
  configSchema: fileSourceConfig,
  create(config): Source {
    return {
      id: config.id,
      platform: 'file',
      async fetch(cursor): Promise<FetchResult> {
        const skip = cursor ? Number(cursor) : 0;
        const result: FetchResult = { mentions: [], quarantined: [], nextCursor: null };
        let position = skip;
        for await (const batch of readMentionFile(config.path, { sourceId: config.id, skip, batchSize: 500 })) {
          result.mentions.push(...batch.mentions);
          result.quarantined.push(...batch.quarantined);
          position = batch.position;
          if (position - skip >= config.maxRecords) break;
        }
        result.nextCursor = position > skip ? String(position) : null;
        return result;
      },
      async check() {
        const { access } = await import('node:fs/promises');
        await access(config.path);
        return `${config.path} is readable`;
      },
    };
  },
  pollIntervalMs: (config) => config.everySeconds * 1000,
};
