// KPI reads over the hourly rollups (never the mentions): totals per entity and per platform for a period.
import type { ExpressionBuilder, Kysely } from 'kysely';
import { summedRollupColumns, toTotals, type RollupTableName, type RollupTotals } from './rollup-queries.js';
import type { Database } from './tables.js';

export type { RollupTotals };

export interface PeriodQuery {
  /** Inclusive, epoch ms. */
  from: number;
  /** Exclusive, epoch ms. */
  to: number;
}

function summed(db: Kysely<Database>, q: PeriodQuery) {
  return db
    .selectFrom('rollups_hourly')
    .select((eb) => summedRollupColumns(eb as ExpressionBuilder<Database, RollupTableName>))
    .where('bucket_start', '>=', q.from)
    .where('bucket_start', '<', q.to);
}

/** Totals of each of the given entities (entities without data get zeros), in one query. */
export async function entityTotals(db: Kysely<Database>, entityIds: readonly string[], q: PeriodQuery): Promise<Map<string, RollupTotals>> {
  const out = new Map<string, RollupTotals>(entityIds.map((id) => [id, toTotals({})]));
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
