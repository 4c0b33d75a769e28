// Business metrics (web sessions, sign-ups, revenue... per day) imported from CSV and read back as daily series.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { chunkRows } from './chunk.js';
import type { Database } from './tables.js';

/** Metrics imported without an entity apply to every entity (a company-wide revenue figure). */
export const ALL_ENTITIES = '*';

export interface MetricRow {
  entityId: string;
  day: string;
  name: string;
  value: number;
}

export interface ImportResult {
  imported: number;
  rejected: { line: number; error: string }[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const METRIC_NAME = /^[\p{L}\p{N}][\p{L}\p{N} _.\-/]{0,99}$/u;
const ENTITY_ID = /^[a-z0-9][a-z0-9-]*$/;

function isRealDay(day: string): boolean {
  if (!DAY.test(day)) return false;
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === day;
}

/** Checks one CSV record (columns date, metric, value and optionally entity); returns the row or why it is refused. */
export function parseMetricRecord(record: Record<string, string>, defaultEntity: string): MetricRow | string {
  const day = (record.date ?? '').trim();
  const name = (record.metric ?? '').trim();
  const rawValue = (record.value ?? '').trim();
  const entityId = (record.entity ?? '').trim() || defaultEntity;
  if (!isRealDay(day)) return `expected a date like 2026-03-31, got "${day.slice(0, 40)}"`;
  if (!METRIC_NAME.test(name)) return `expected a metric name (letters, digits, spaces, _ . - /; at most 100), got "${name.slice(0, 40)}"`;
  const value = rawValue === '' ? NaN : Number(rawValue);
  if (!Number.isFinite(value)) return `expected a number like 1234.5, got "${rawValue.slice(0, 40)}"`;
  if (entityId !== ALL_ENTITIES && !ENTITY_ID.test(entityId)) return `expected an entity id, got "${entityId.slice(0, 40)}"`;
  return { entityId, day, name, value };
}

/**
 * Imports a CSV with a header naming the columns date, metric, value (and optionally entity). Bad rows are
 * rejected with their line and the reason; good rows are kept, replacing an earlier value of the same day.
 */
export async function importMetricsCsv(db: Kysely<Database>, path: string, entityId: string = ALL_ENTITIES): Promise<ImportResult> {
  const rejected: ImportResult['rejected'] = [];
  const records = parse(readFileSync(path, 'utf8'), {
    // A row with broken quoting is rejected on its own; without this one stray quote would refuse the whole file.
    skip_records_with_error: true,
    on_skip: (error) => {
      rejected.push({ line: Number((error as { lines?: number } | undefined)?.lines ?? 0), error: `unreadable CSV row (${(error?.message ?? 'parse error').slice(0, 200)})` });
      return undefined;
    },
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
    bom: true,
    relax_column_count: true,
    info: true,
  }) as { record: Record<string, string>; info: { lines: number } }[];
  const rows = new Map<string, MetricRow>();
  for (const { record, info } of records) {
    const parsed = parseMetricRecord(record, entityId);
    if (typeof parsed === 'string') rejected.push({ line: info.lines, error: parsed });
    else rows.set(`${parsed.entityId}\u0000${parsed.day}\u0000${parsed.name}`, parsed);
  }
  await upsertMetrics(db, [...rows.values()]);
  return { imported: rows.size, rejected };
}

export async function upsertMetrics(db: Kysely<Database>, rows: readonly MetricRow[]): Promise<void> {
  for (const chunk of chunkRows(rows, 4)) {
    await db
      .insertInto('business_metrics')
      .values(chunk.map((r) => ({ entity_id: r.entityId, day: r.day, name: r.name, value: r.value })))
      .onConflict((oc) => oc.columns(['entity_id', 'day', 'name']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
      .execute();
  }
}

/** Each metric of an entity (its own and the company-wide ones) as day -> value, for days in [fromDay, toDay]. */
export async function businessSeries(db: Kysely<Database>, entityId: string, fromDay: string, toDay: string): Promise<Map<string, Map<string, number>>> {
  const rows = await db
    .selectFrom('business_metrics')
    .select(['entity_id', 'day', 'name', 'value'])
    .where('entity_id', 'in', [entityId, ALL_ENTITIES])
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .orderBy('day')
    .execute();
  const out = new Map<string, Map<string, number>>();
  // The entity's own figure wins over a company-wide one of the same name and day.
  for (const r of [...rows].sort((a, b) => (a.entity_id === ALL_ENTITIES ? -1 : 0) - (b.entity_id === ALL_ENTITIES ? -1 : 0))) {
    if (!out.has(r.name)) out.set(r.name, new Map());
    out.get(r.name)!.set(r.day, Number(r.value));
  }
  return out;
}
