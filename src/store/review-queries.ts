// Candidates for the "to review" list: recent mentions nobody labelled, written by others than the brand.
import type { Kysely } from 'kysely';
import type { Database } from './tables.js';

export interface ReviewCandidateRow {
  id: string;
  text: string;
  lang: string;
}

/** The newest unlabelled mentions (of one entity, or all), at most `limit`: the pool the review ranking picks from. */
export async function reviewCandidates(db: Kysely<Database>, q: { entityId?: string; since: number; limit: number }): Promise<ReviewCandidateRow[]> {
  let query = db
    .selectFrom('mentions as m')
    .select(['m.id', 'm.text', 'm.lang'])
    .where('m.published_at', '>=', q.since)
    .where('m.is_own', '=', 0)
    .where('m.reshare_of', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('mention_labels as l').select('l.mention_id').whereRef('l.mention_id', '=', 'm.id'))));
  if (q.entityId) {
    const entityId = q.entityId;
    query = query.where((eb) => eb.exists(eb.selectFrom('mention_entities as me').select('me.mention_id').whereRef('me.mention_id', '=', 'm.id').where('me.entity_id', '=', entityId)));
  }
  return query.orderBy('m.published_at', 'desc').orderBy('m.id', 'desc').limit(q.limit).execute();
}
