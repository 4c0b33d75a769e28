// KPI reads over the hourly rollups (never the mentions): totals per entity and per platform for a period.
import type { Kysely } from 'kysely';
import type { Database } from './tables.js';

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

export interface PeriodQuery {
  /** Inclusive, epoch ms. */
  from: number;
  /** Exclusive, epoch ms. */
  to: number;
}

function summed(db: Kysely<Database>, q: PeriodQuery) {
  return db
    .selectFrom('rollups_hourly')
    .select((eb) => [
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
    .where('bucket_start', '>=', q.from)
    .where('bucket_start', '<', q.to);
}

type SummedRow = Record<'total' | 'negative' | 'neutral' | 'positive' | 'engagement' | 'reach' | 'negative_reach' | 'risk_flagged' | 'sentiment_sum', unknown>;

const toTotals = (r: SummedRow): RollupTotals => ({
  total: Number(r.total ?? 0),
  negative: Number(r.negative ?? 0),
  neutral: Number(r.neutral ?? 0),
  positive: Number(r.positive ?? 0),
  engagement: Number(r.engagement ?? 0),
  reach: Number(r.reach ?? 0),
  negativeReach: Number(r.negative_reach ?? 0),
  riskFlagged: Number(r.risk_flagged ?? 0),
  sentimentSum: Number(r.sentiment_sum ?? 0),
});

/** Totals of each of the given entities (entities without data get zeros), in one query. */
export async function entityTotals(db: Kysely<Database>, entityIds: readonly string[], q: PeriodQuery): Promise<Map<string, RollupTotals>> {
  const out = new Map<string, RollupTotals>(entityIds.map((id) => [id, toTotals({} as SummedRow)]));
  if (entityIds.length === 0) return out;
  const rows = await summed(db, q).select('entity_id').where('entity_id', 'in', [...entityIds]).groupBy('entity_id').execute();
  for (const r of rows) out.set(r.entity_id, toTotals(r));
  return out;
}

/** Totals of one entity per platform. */
export async function platformTotals(db: Kysely<Database>, entityId: string, q: PeriodQuery): Promise<{ platform: string; totals: RollupTotals }[]> {
  const rows = await summed(db, q).select('platform').where('entity_id', '=', entityId).groupBy('platform').execute();
  return rows.map((r) => ({ platform: r.platform, totals: toTotals(r) }));
}
