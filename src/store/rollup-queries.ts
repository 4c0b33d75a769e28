// Reads the hourly and per-minute rollups as time series (summed over platforms), for detection and KPIs.
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from './tables.js';

/** Sums of one or more rollup rows. */
export interface RollupTotals {
  total: number;
  negative: number;
  neutral: number;
  positive: number;
  engagement: number;
  reach: number;
  negativeReach: number;
  riskFlagged: number;
  sentimentSum: number;
}

export interface SeriesBucket extends RollupTotals {
  start: number;
}

export type RollupTableName = 'rollups_hourly' | 'rollups_minute';

export interface SeriesQuery {
  entityId: string;
  /** Inclusive lower bound, epoch ms. */
  from: number;
  /** Exclusive upper bound, epoch ms. */
  to: number;
  platform?: string;
}

const SUMMED = ['total', 'negative', 'neutral', 'positive', 'engagement', 'reach', 'negative_reach', 'risk_flagged', 'sentiment_sum'] as const;
export type SummedRow = Partial<Record<(typeof SUMMED)[number], unknown>>;

/** Every rollup counter summed, for a select list: `.select((eb) => summedRollupColumns(eb))`. */
export function summedRollupColumns(eb: ExpressionBuilder<Database, RollupTableName>) {
  return SUMMED.map((column) => eb.fn.sum<number>(column).as(column));
}

/** A summed row as numbers (drivers return sums as strings or null). */
export function toTotals(r: SummedRow): RollupTotals {
  return {
    total: Number(r.total ?? 0),
    negative: Number(r.negative ?? 0),
    neutral: Number(r.neutral ?? 0),
    positive: Number(r.positive ?? 0),
    engagement: Number(r.engagement ?? 0),
    reach: Number(r.reach ?? 0),
    negativeReach: Number(r.negative_reach ?? 0),
    riskFlagged: Number(r.risk_flagged ?? 0),
    sentimentSum: Number(r.sentiment_sum ?? 0),
  };
}

export async function rollupSeries(db: Kysely<Database>, table: RollupTableName, q: SeriesQuery): Promise<SeriesBucket[]> {
  let query = db
    .selectFrom(table)
    .select((eb) => ['bucket_start', ...summedRollupColumns(eb as ExpressionBuilder<Database, RollupTableName>)])
    .where('entity_id', '=', q.entityId)
    .where('bucket_start', '>=', q.from)
    .where('bucket_start', '<', q.to);
  if (q.platform) query = query.where('platform', '=', q.platform);
  const rows = await query.groupBy('bucket_start').orderBy('bucket_start').execute();
  return rows.map((r) => ({ start: Number(r.bucket_start), ...toTotals(r as SummedRow) }));
}

/** Start of the newest per-minute bucket of an entity: the entity's data clock. */
export async function latestMinute(db: Kysely<Database>, entityId: string): Promise<number | null> {
  const row = await db
    .selectFrom('rollups_minute')
    .select((eb) => eb.fn.max('bucket_start').as('latest'))
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return row?.latest == null ? null : Number(row.latest);
}

/** The span of stored data over all entities (for choosing the dashboard's default period). */
export async function dataSpan(db: Kysely<Database>): Promise<{ from: number; to: number } | null> {
  const row = await db
    .selectFrom('rollups_hourly')
    .select((eb) => [eb.fn.min('bucket_start').as('from'), eb.fn.max('bucket_start').as('to')])
    .executeTakeFirst();
  if (row?.from == null || row.to == null) return null;
  return { from: Number(row.from), to: Number(row.to) + 3_600_000 };
}
