// Reads a JSONL or CSV file of mentions as a stream: valid records are kept, bad ones quarantined with the reason.
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import type { MentionInput } from '../domain/mention.js';
import { parseMentionRecord } from './mention-record.js';
import type { QuarantinedItem } from './source.js';

export interface ImportBatch {
  mentions: MentionInput[];
  quarantined: QuarantinedItem[];
  /** Records read so far (1-based line or row number of the last one). */
  position: number;
}

export interface ImportOptions {
  sourceId: string;
  batchSize?: number;
  /** Skip records up to this position (resume after a crash). */
  skip?: number;
  signal?: AbortSignal;
}

/** Yields batches so that a million-row file never sits in memory at once. */
export async function* readMentionFile(path: string, options: ImportOptions): AsyncGenerator<ImportBatch> {
  const format = extname(path).toLowerCase() === '.csv' ? 'csv' : 'jsonl';
  const batchSize = options.batchSize ?? 500;
  const skip = options.skip ?? 0;
  let batch: ImportBatch = { mentions: [], quarantined: [], position: 0 };
  let position = 0;
  const records = format === 'csv' ? csvRecords(path) : jsonlRecords(path);
  for await (const record of records) {
    position = record.position;
    if (position <= skip) continue;
    if (options.signal?.aborted) break;
    if (record.error) {
      batch.quarantined.push(quarantined(options.sourceId, record.raw, `${format} record ${position}: ${record.error}`));
    } else {
      const parsed = parseMentionRecord(record.value);
      if (parsed.ok) batch.mentions.push(parsed.mention);
      else batch.quarantined.push(quarantined(options.sourceId, record.raw, `${format} record ${position}: ${parsed.error}`));
    }
    if (batch.mentions.length + batch.quarantined.length >= batchSize) {
      batch.position = position;
      yield batch;
      batch = { mentions: [], quarantined: [], position };
    }
  }
  batch.position = position;
  if (batch.mentions.length + batch.quarantined.length > 0) yield batch;
}

function quarantined(sourceId: string, raw: string, error: string): QuarantinedItem {
  return { platform: 'file', sourceId, payload: raw, error };
}

interface RawRecord {
  position: number;
  raw: string;
  value?: unknown;
  error?: string;
}

async function* jsonlRecords(path: string): AsyncGenerator<RawRecord> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let position = 0;
  for await (const line of lines) {
    position++;
    if (line.trim() === '') continue;
    try {
      yield { position, raw: line, value: JSON.parse(line) };
    } catch (error) {
      yield { position, raw: line, error: `not valid JSON (${(error as Error).message})` };
    }
  }
}

async function* csvRecords(path: string): AsyncGenerator<RawRecord> {
  const parser = createReadStream(path).pipe(
    parseCsv({ columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 2_000_000 }),
  );
  let position = 0;
  try {
    for await (const row of parser) {
      position++;
      yield { position, raw: JSON.stringify(row), value: row };
    }
  } catch (error) {
    yield { position: position + 1, raw: '', error: `CSV stopped being readable: ${(error as Error).message}` };
  }
}
