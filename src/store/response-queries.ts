// Brand responses: time to first response per alert, and the inbox of unanswered influential negative mentions.
import type { Kysely } from 'kysely';
import type { Database } from './tables.js';

/**
 * The first time the brand answered a crisis: its earliest reply to one of the alert's evidence
 * mentions, or its earliest own post about the entity after the crisis began (a public statement).
 */
export async function firstResponseAt(db: Kysely<Database>, alert: { entityId: string; onsetAt: number; evidence: readonly string[] }): Promise<number | null> {
  const candidates: number[] = [];
  if (alert.evidence.length > 0) {
    const replied = await db
      .selectFrom('mentions')
      .select((eb) => eb.fn.min('first_response_at').as('at'))
      .where('id', 'in', [...alert.evidence])
      .where('first_response_at', '>=', alert.onsetAt)
      .executeTakeFirst();
    if (replied?.at != null) candidates.push(Number(replied.at));
  }
  const statement = await db
    .selectFrom('mention_entities as me')
    .innerJoin('mentions as m', 'm.id', 'me.mention_id')
    .select((eb) => eb.fn.min('m.published_at').as('at'))
    .where('me.entity_id', '=', alert.entityId)
    .where('me.published_at', '>=', alert.onsetAt)
    .where('m.is_own', '=', 1)
    .executeTakeFirst();
  if (statement?.at != null) candidates.push(Number(statement.at));
  return candidates.length ? Math.min(...candidates) : null;
}

export interface InboxFilter {
  entityId?: string;
  /** Mentions of any of these entities (a crisis room's family); with `entityId`, of both. */
  entityIds?: readonly string[];
  since: number;
  /** Only mentions at least this influential (0-100). */
  minInfluence: number;
  limit?: number;
}

export interface InboxItem {
  id: string;
  url: string | null;
  text: string;
  publishedAt: number;
  /** The post's influence: 0.6 x its author's influence + what the post itself earned (scoring/influence.ts). */
  influence: number;
  authorHandle: string;
  /** What the author's influence is computed from (analytics/influencer-ranking.ts authorScore). */
  authorStats: { description: string | null; followers: number; verified: boolean; posts: number; engagementEarned: number; amplifiedCount: number; graphRank: number };
  authorFollowers: number;
  riskFlags: string[];
}

/** Negative mentions nobody from the brand has answered yet, most influential first: the community manager's to-do list. */
export async function responseInbox(db: Kysely<Database>, f: InboxFilter): Promise<InboxItem[]> {
  let q = db
    .selectFrom('mentions as m')
    .innerJoin('authors as a', 'a.id', 'm.author_id')
    .select(['m.id', 'm.url', 'm.text', 'm.published_at', 'm.influence', 'm.risk_flags', 'a.handle', 'a.followers',
      'a.description', 'a.verified', 'a.posts', 'a.engagement_earned', 'a.amplified_count', 'a.graph_rank'])
    .where('m.first_response_at', 'is', null)
    .where('m.is_own', '=', 0)
    .where('m.reshare_of', 'is', null)
    .where('m.published_at', '>=', f.since)
    .where('m.influence', '>=', f.minInfluence);
  // For an entity, negative is the link's label (target-stance.ts): "glad i went with Veltra, at least it does not melt"
  // is in Kelio's inbox, not in Veltra's.
  if (f.entityId) {
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('mention_entities as me').select('me.mention_id').whereRef('me.mention_id', '=', 'm.id').where('me.entity_id', '=', f.entityId!).where('me.sentiment_label', '=', 'negative')),
    );
  }
  if (f.entityIds) {
    const ids = [...f.entityIds];
    if (ids.length === 0) return [];
    q = q.where((eb) => eb.exists(eb.selectFrom('mention_entities as me').select('me.mention_id').whereRef('me.mention_id', '=', 'm.id').where('me.entity_id', 'in', ids).where('me.sentiment_label', '=', 'negative')));
  }
  if (!f.entityId && !f.entityIds) q = q.where('m.sentiment_label', '=', 'negative');
  const rows = await q.orderBy('m.influence', 'desc').limit(Math.min(f.limit ?? 50, 500)).execute();
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    text: r.text,
    publishedAt: Number(r.published_at),
    influence: r.influence,
    authorHandle: r.handle,
    authorStats: {
      description: r.description, followers: Number(r.followers), verified: r.verified === 1, posts: Number(r.posts),
      engagementEarned: Number(r.engagement_earned), amplifiedCount: Number(r.amplified_count), graphRank: Number(r.graph_rank),
    },
    authorFollowers: Number(r.followers),
    riskFlags: JSON.parse(r.risk_flags),
  }));
}
