// Reads a CSV or JSONL file of sentiment labels (mention id, label, optionally who): good rows kept, bad ones quarantined.
import { extname } from 'node:path';
import type { SentimentLabel } from '../domain/mention.js';
import { csvRecords } from './csv-records.js';
import { jsonlRecords } from './file-import.js';
import type { QuarantinedItem } from './source.js';

export interface LabelRow {
  /** 1-based record number in the file, for messages. */
  position: number;
  mentionId: string;
  label: SentimentLabel;
  by?: string;
  raw: string;
}

export interface LabelBatch {
  rows: LabelRow[];
  quarantined: QuarantinedItem[];
}

const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];
const EXPECTED = 'expected columns mention_id (or platform and external_id) and label (negative, neutral or positive), and optionally by';

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** One record as a label, or why it is not one. Accepts the export's own columns, so an export imports as it is. */
export function parseLabelRecord(value: unknown): { ok: true; mentionId: string; label: SentimentLabel; by?: string } | { ok: false; error: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: `not an object: ${EXPECTED}` };
  const r = value as Record<string, unknown>;
  const platform = text(r.platform);
  const externalId = text(r.external_id ?? r.externalId);
  const mentionId = text(r.mention_id ?? r.mentionId ?? r.id) || (platform && externalId ? `${platform}:${externalId}` : '');
  if (!mentionId) return { ok: false, error: `no mention id: ${EXPECTED}` };
  if (mentionId.length > 400) return { ok: false, error: 'mention id longer than 400 characters' };
  const label = text(r.label).toLowerCase();
  if (!(LABELS as readonly string[]).includes(label)) return { ok: false, error: `label "${label.slice(0, 40)}" of ${mentionId.slice(0, 80)}: expected negative, neutral or positive` };
  const by = text(r.by ?? r.labelled_by);
  if (by.length > 200) return { ok: false, error: 'by: longer than 200 characters' };
  return { ok: true, mentionId, label: label as SentimentLabel, ...(by ? { by } : {}) };
}

/** Batches of labels; the format comes from the extension (.csv, otherwise JSON lines). Handles a BOM and broken rows. */
export async function* readLabelFile(path: string, sourceId: string, batchSize = 500): AsyncGenerator<LabelBatch> {
  const format = extname(path).toLowerCase() === '.csv' ? 'csv' : 'jsonl';
  let batch: LabelBatch = { rows: [], quarantined: [] };
  for await (const record of format === 'csv' ? csvRecords(path) : jsonlRecords(path)) {
    const parsed = record.error ? { ok: false as const, error: record.error } : parseLabelRecord(record.value);
    if (parsed.ok) batch.rows.push({ position: record.position, mentionId: parsed.mentionId, label: parsed.label, by: parsed.by, raw: record.raw });
    else batch.quarantined.push({ platform: 'file', sourceId, payload: record.raw, error: `${path}: ${format} record ${record.position}: ${parsed.error}` });
    if (batch.rows.length + batch.quarantined.length >= batchSize) {
      yield batch;
      batch = { rows: [], quarantined: [] };
    }
  }
  if (batch.rows.length + batch.quarantined.length > 0) yield batch;
}
