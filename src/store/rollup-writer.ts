// Accumulates changes to the hourly and per-minute rollups and applies them as upserts (additions or, on erasure, subtractions).
import type { Transaction } from 'kysely';
import { floorTo, HOUR_MS, MINUTE_MS } from '../domain/time-buckets.js';
import { chunkRows } from './chunk.js';
import type { Database, RollupTable } from './tables.js';

export type RollupDelta = RollupTable;

/** How one mention reads for one of its entities: a post can praise a competitor and hurt the brand (target-stance.ts). */
export interface EntityTone {
  entityId: string;
  label: 'negative' | 'neutral' | 'positive';
  sentimentScore: number;
}

/** What one mention adds to (sign 1) or removes from (sign -1) its buckets, each entity with its own tone. */
export interface RollupContribution {
  entities: readonly EntityTone[];
  platform: string;
  publishedAt: number;
  engagement: number;
  reach: number;
  riskFlagged: boolean;
}

export class RollupAccumulator {
  private readonly hourly = new Map<string, RollupDelta>();
  private readonly minute = new Map<string, RollupDelta>();

  addMention(c: RollupContribution, sign: 1 | -1 = 1): void {
    const reach = Math.round(c.reach);
    for (const tone of c.entities) {
      this.bump(tone.entityId, c, (r) => {
        r.total += sign;
        r[tone.label] += sign;
        r.engagement += sign * c.engagement;
        r.reach += sign * reach;
        if (tone.label === 'negative') r.negative_reach += sign * reach;
        if (c.riskFlagged) r.risk_flagged += sign;
        r.sentiment_sum += sign * tone.sentimentScore;
      });
    }
  }

  addEngagement(c: { entityIds: readonly string[]; platform: string; publishedAt: number }, delta: number): void {
    for (const entity of c.entityIds) this.bump(entity, c, (r) => (r.engagement += delta));
  }

  async apply(trx: Transaction<Database>): Promise<void> {
    await applyRollupDeltas(trx, 'rollups_hourly', [...this.hourly.values()]);
    await applyRollupDeltas(trx, 'rollups_minute', [...this.minute.values()]);
  }

  private bump(entity: string, c: { platform: string; publishedAt: number }, change: (r: RollupDelta) => void): void {
    change(row(this.hourly, entity, c.platform, floorTo(c.publishedAt, HOUR_MS)));
    change(row(this.minute, entity, c.platform, floorTo(c.publishedAt, MINUTE_MS)));
  }
}

function row(target: Map<string, RollupDelta>, entity: string, platform: string, bucket: number): RollupDelta {
  const key = `${entity}\u0000${platform}\u0000${bucket}`;
  let r = target.get(key);
  if (!r) {
    r = { entity_id: entity, platform, bucket_start: bucket, total: 0, negative: 0, neutral: 0, positive: 0, engagement: 0, reach: 0, negative_reach: 0, risk_flagged: 0, sentiment_sum: 0 };
    target.set(key, r);
  }
  return r;
}

export async function applyRollupDeltas(trx: Transaction<Database>, table: 'rollups_hourly' | 'rollups_minute', rows: RollupDelta[]): Promise<void> {
  // Sorted so concurrent workers lock rollup rows in the same order and never deadlock.
  rows.sort((a, b) => a.entity_id.localeCompare(b.entity_id) || a.bucket_start - b.bucket_start || a.platform.localeCompare(b.platform));
  for (const chunk of chunkRows(rows, 12)) {
    await trx
      .insertInto(table)
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['entity_id', 'bucket_start', 'platform']).doUpdateSet((eb) => ({
          total: eb(`${table}.total`, '+', eb.ref('excluded.total')),
          negative: eb(`${table}.negative`, '+', eb.ref('excluded.negative')),
          neutral: eb(`${table}.neutral`, '+', eb.ref('excluded.neutral')),
          positive: eb(`${table}.positive`, '+', eb.ref('excluded.positive')),
          engagement: eb(`${table}.engagement`, '+', eb.ref('excluded.engagement')),
          reach: eb(`${table}.reach`, '+', eb.ref('excluded.reach')),
          negative_reach: eb(`${table}.negative_reach`, '+', eb.ref('excluded.negative_reach')),
          risk_flagged: eb(`${table}.risk_flagged`, '+', eb.ref('excluded.risk_flagged')),
          sentiment_sum: eb(`${table}.sentiment_sum`, '+', eb.ref('excluded.sentiment_sum')),
        })),
      )
      .execute();
  }
}
