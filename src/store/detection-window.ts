// Builds a detector's view of one entity at one instant from the rollups and the recent notable mentions.
import type { Kysely } from 'kysely';
import type { Bucket, EntityWindow, NotableMention } from '../detection/series.js';
import { DAY_MS, floorTo, HOUR_MS, MINUTE_MS } from '../domain/time-buckets.js';
import { rollupSeries, type SeriesBucket } from './rollup-queries.js';
import type { Database } from './tables.js';

export const WINDOW_MINUTES_SPAN = 3 * HOUR_MS;
export const HISTORY_SPAN = 28 * DAY_MS;
const NOTABLE_LIMIT = 200;
const TEXT_LIMIT = 500;

const toBucket = (b: SeriesBucket): Bucket => ({
  start: b.start,
  total: b.total,
  negative: b.negative,
  neutral: b.neutral,
  positive: b.positive,
  reach: b.reach,
  negativeReach: b.negativeReach,
  riskFlagged: b.riskFlagged,
});

/** `now` is the end of the data: minute buckets with start < now are included (the last may be partial). */
export async function loadEntityWindow(db: Kysely<Database>, entityId: string, now: number): Promise<EntityWindow> {
  const hourEnd = floorTo(now, HOUR_MS);
  const recentFrom = now - WINDOW_MINUTES_SPAN;
  // A week of minutes: how bursty the entity is (burst-dispersion.ts) and how high its usual peaks reach (usual-peaks.ts).
  const fineFrom = recentFrom - 7 * DAY_MS;
  const [minutes, fine, hours, notable, recentNegativeTexts, backgroundTexts] = await Promise.all([
    rollupSeries(db, 'rollups_minute', { entityId, from: floorTo(recentFrom, MINUTE_MS), to: now }),
    rollupSeries(db, 'rollups_minute', { entityId, from: floorTo(fineFrom, MINUTE_MS), to: recentFrom }),
    rollupSeries(db, 'rollups_hourly', { entityId, from: hourEnd - HISTORY_SPAN, to: hourEnd }),
    notableMentions(db, entityId, recentFrom, now),
    texts(db, entityId, recentFrom, now, true),
    texts(db, entityId, now - DAY_MS - WINDOW_MINUTES_SPAN, recentFrom, false),
  ]);
  const fineHistory = { buckets: fine.map(toBucket), stepMs: MINUTE_MS, from: fineFrom, to: recentFrom };
  return { entityId, now, minutes: minutes.map(toBucket), hours: hours.map(toBucket), notable, recentNegativeTexts, backgroundTexts, fineHistory };
}

async function notableMentions(db: Kysely<Database>, entityId: string, from: number, to: number): Promise<NotableMention[]> {
  const rows = await db
    .selectFrom('mention_entities as me')
    .innerJoin('mentions as m', 'm.id', 'me.mention_id')
    .innerJoin('authors as a', 'a.id', 'm.author_id')
    .select([
      'm.id', 'm.published_at', 'm.text', 'me.sentiment_label', 'm.likes', 'm.reshares', 'm.replies', 'm.quotes', 'm.risk_flags', 'm.reshare_of',
      'm.influence', 'a.handle', 'a.followers', 'a.influence as author_influence',
    ])
    .where('me.entity_id', '=', entityId)
    .where('me.published_at', '>=', from)
    .where('me.published_at', '<', to)
    // The link's label, not the post's: a post praising a competitor at the brand's expense is negative for the brand only.
    .where((eb) => eb.or([eb('me.sentiment_label', '=', 'negative'), eb('m.risk_flags', '!=', '[]')]))
    // The brand's own posts (apologies, statements) are its answer to a crisis, never the evidence of one.
    .where('m.is_own', '=', 0)
    .orderBy('m.influence', 'desc')
    .limit(NOTABLE_LIMIT)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    publishedAt: Number(r.published_at),
    text: r.text,
    authorHandle: r.handle,
    authorFollowers: Number(r.followers),
    // Until the author-graph job has run, the mention's own influence is the best estimate of its author's.
    authorInfluence: Math.max(r.author_influence, r.influence),
    sentiment: r.sentiment_label as NotableMention['sentiment'],
    engagement: { likes: r.likes, reshares: r.reshares, replies: r.replies, quotes: r.quotes },
    riskFlags: JSON.parse(r.risk_flags),
    ...(r.reshare_of ? { isReshareOf: r.reshare_of } : {}),
  }));
}

async function texts(db: Kysely<Database>, entityId: string, from: number, to: number, negativeOnly: boolean): Promise<string[]> {
  let q = db
    .selectFrom('mention_entities as me')
    .innerJoin('mentions as m', 'm.id', 'me.mention_id')
    .select('m.text')
    .where('me.entity_id', '=', entityId)
    .where('me.published_at', '>=', from)
    .where('me.published_at', '<', to)
    .where('m.reshare_of', 'is', null)
    .where('m.is_own', '=', 0);
  if (negativeOnly) q = q.where('me.sentiment_label', '=', 'negative');
  const rows = await q.orderBy('me.published_at', 'desc').limit(TEXT_LIMIT).execute();
  return rows.map((r) => r.text);
}
