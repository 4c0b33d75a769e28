// The posts behind a crisis, most influential and widest-reaching first: the journalist's key post leads.
import type { Kysely } from 'kysely';
import type { Database } from './tables.js';

export interface RankedEvidence {
  id: string;
  platform: string;
  url: string | null;
  text: string;
  publishedAt: number;
  sentiment: string;
  influence: number;
  reach: number;
  authorHandle: string;
  authorFollowers: number;
  answered: boolean;
}

export async function rankedEvidence(db: Kysely<Database>, ids: readonly string[], limit = 100): Promise<RankedEvidence[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('mentions as m')
    .innerJoin('authors as a', 'a.id', 'm.author_id')
    .select(['m.id', 'm.platform', 'm.url', 'm.text', 'm.published_at', 'm.sentiment_label', 'm.influence', 'm.reach', 'm.first_response_at', 'a.handle', 'a.followers'])
    .where('m.id', 'in', [...new Set(ids)])
    .orderBy('m.influence', 'desc')
    .orderBy('m.reach', 'desc')
    .orderBy('m.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    platform: r.platform,
    url: r.url,
    text: r.text,
    publishedAt: Number(r.published_at),
    sentiment: r.sentiment_label,
    influence: Number(r.influence),
    reach: Number(r.reach),
    authorHandle: r.handle,
    authorFollowers: Number(r.followers),
    answered: r.first_response_at !== null,
  }));
}
