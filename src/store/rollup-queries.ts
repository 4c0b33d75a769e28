// Reads the hourly and per-minute rollups as time series (summed over platforms), for detection and KPIs.
import type { Kysely } from 'kysely';
import type { Database } from './tables.js';

export interface SeriesBucket {
  start: number;
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

export type RollupTableName = 'rollups_hourly' | 'rollups_minute';

export interface SeriesQuery {
  entityId: string;
  /** Inclusive lower bound, epoch ms. */
  from: number;
  /** Exclusive upper bound, epoch ms. */
  to: number;
  platform?: string;
}

export async function rollupSeries(db: Kysely<Database>, table: RollupTableName, q: SeriesQuery): Promise<SeriesBucket[]> {
  let query = db
    .selectFrom(table)
    .select((eb) => [
      'bucket_start',
      eb.fn.sum<number>('total').as('total'),
      eb.fn.sum<number>('negative').as('negative'),
      eb.fn.sum<number>('neutral').as('neutral'),
      eb.fn.sum<number>('positive').as('positive'),
      eb.fn.sum<number>('engagement').as('engagement'),
      eb.fn.sum<number>('reach').as('reach'),
      eb.fn.sum<number>('negative_reach').as('negative_reach'),
      eb.fn.sum<number>('risk_flagged').as('risk_flagged'),
      eb.fn.sum<number>('sentiment_sum').as('sentiment_sum'),
    ])
    .where('entity_id', '=', q.entityId)
    .where('bucket_start', '>=', q.from)
    .where('bucket_start', '<', q.to);
  if (q.platform) query = query.where('platform', '=', q.platform);
  const rows = await query.groupBy('bucket_start').orderBy('bucket_start').execute();
  return rows.map((r) => ({
    start: Number(r.bucket_start),
    total: Number(r.total),
    negative: Number(r.negative),
    neutral: Number(r.neutral),
    positive: Number(r.positive),
    engagement: Number(r.engagement),
    reach: Number(r.reach),
    negativeReach: Number(r.negative_reach),
    riskFlagged: Number(r.risk_flagged),
    sentimentSum: Number(r.sentiment_sum),
  }));
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
