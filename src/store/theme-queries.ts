// The texts and tones themes are found in: an entity's newest mentions of a period, own accounts left out (the
// brand's own posts say what it wants to be talked about, not what people talk about).
import type { Kysely } from 'kysely';
import type { Database } from './tables.js';

export async function themeTexts(db: Kysely<Database>, entityId: string, q: { from: number; to: number }, limit: number): Promise<{ text: string; sentiment: string }[]> {
  const rows = await db
    .selectFrom('mention_entities as me')
    .innerJoin('mentions as m', 'm.id', 'me.mention_id')
    .select(['m.text', 'me.sentiment_label'])
    .where('me.entity_id', '=', entityId)
    .where('me.published_at', '>=', q.from)
    .where('me.published_at', '<', q.to)
    .where('m.is_own', '=', 0)
    .orderBy('me.published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ text: r.text, sentiment: r.sentiment_label }));
}
