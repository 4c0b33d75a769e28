// Reads a JSONL or CSV file of mentions as a stream: valid records are kept, bad ones quarantined with the reason.
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import type { MentionInput } from '../domain/mention.js';
import { byteLines } from './byte-lines.js';
import { csvRecords } from './csv-records.js';
import { parseMentionRecord } from './mention-record.js';
import { decodeUtf8, invalidUtf8Reason, UTF8_BOM } from './strict-utf8.js';
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

/** One record of a file: its value, or why it cannot be read; `raw` is what the quarantine keeps. */
export interface RawRecord {
  position: number;
  raw: string;
  value?: unknown;
  error?: string;
}

export async function* jsonlRecords(path: string): AsyncGenerator<RawRecord> {
  let position = 0;
  for await (let line of byteLines(createReadStream(path))) {
    position++;
    // Editors on Windows start UTF-8 files with a BOM; it belongs to no record.
    if (position === 1 && line.subarray(0, UTF8_BOM.length).equals(UTF8_BOM)) line = line.subarray(UTF8_BOM.length);
    const decoded = decodeUtf8(line);
    if (!decoded.ok) {
      yield { position, raw: decoded.escaped, error: invalidUtf8Reason(decoded) };
      continue;
    }
    if (decoded.text.trim() === '') continue;
    try {
      yield { position, raw: decoded.text, value: JSON.parse(decoded.text) };
    } catch (error) {
      yield { position, raw: decoded.text, error: `not valid JSON (${(error as Error).message})` };
    }
  }
}
