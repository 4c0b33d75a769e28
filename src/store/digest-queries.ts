// Reads only the digest needs: the alerts detected in a week and the week's best-received positive mention.
import type { Kysely } from 'kysely';
import type { Period } from '../analytics/period.js';
import type { Alert } from '../domain/alert.js';
import { rowToAlert } from './alert-repository.js';
import type { Database } from './tables.js';

/** Alerts of any of the entities first detected in the period, in detection order. */
export async function alertsDetectedIn(db: Kysely<Database>, entityIds: readonly string[], period: Period): Promise<Alert[]> {
  if (entityIds.length === 0) return [];
  const rows = await db
    .selectFrom('alerts')
    .selectAll()
    .where('entity_id', 'in', [...entityIds])
    .where('detected_at', '>=', period.from)
    .where('detected_at', '<', period.to)
    .orderBy('detected_at')
    .orderBy('id')
    .limit(50)
    .execute();
  return rows.map(rowToAlert);
}

export interface PositiveMention {
  id: string;
  text: string;
  url: string | null;
  platform: string;
  publishedAt: number;
  engagement: number;
  authorHandle: string;
  authorFollowers: number;
}

/**
 * The positive mention of any of the entities that earned the most engagement in the period: written by someone
 * else than the brand (its own posts are not a moment of reputation), not a plain reshare, and carrying no risk flag.
 */
export async function mostEngagingPositiveMention(db: Kysely<Database>, entityIds: readonly string[], period: Period): Promise<PositiveMention | null> {
  if (entityIds.length === 0) return null;
  const row = await db
    .selectFrom('mentions as m')
    .innerJoin('authors as a', 'a.id', 'm.author_id')
    .select((eb) => [
      'm.id', 'm.text', 'm.url', 'm.platform', 'm.published_at', 'a.handle', 'a.followers',
      eb(eb(eb('m.likes', '+', eb.ref('m.reshares')), '+', eb.ref('m.replies')), '+', eb.ref('m.quotes')).as('engagement'),
    ])
    .where('m.id', 'in', (eb) =>
      eb
        .selectFrom('mention_entities as me')
        .select('me.mention_id')
        .where('me.entity_id', 'in', [...entityIds])
        .where('me.published_at', '>=', period.from)
        .where('me.published_at', '<', period.to)
        .where('me.sentiment_label', '=', 'positive'),
    )
    .where('m.is_own', '=', 0)
    .where('m.reshare_of', 'is', null)
    // A post flagged for safety, legal or boycott risk is no good news, whatever its tone score says.
    .where('m.risk_flags', '=', '[]')
    .orderBy('engagement', 'desc')
    .orderBy('m.influence', 'desc')
    .orderBy('m.id')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    text: row.text,
    url: row.url,
    platform: row.platform,
    publishedAt: Number(row.published_at),
    engagement: Number(row.engagement),
    authorHandle: row.handle,
    authorFollowers: Number(row.followers),
  };
}
