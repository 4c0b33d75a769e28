// The tone an evidence post carries for the entity that cited it: its mention_entities link (label and stance), not
// the post's overall tone. Shared by the alert detail and the crisis room.
import type { Kysely } from 'kysely';
import type { Database } from './tables.js';

export interface EvidenceLink {
  /** The entity the tone is for. */
  entityId: string;
  /** The link's label (the post's tone when the post has no link to the entity). */
  label: string;
  /** The post's overall tone. */
  tone: string;
  /** The link's role (direct, favoured, bystander, disfavoured, implied). */
  stance: string;
  /** The other side of a comparison, if any. */
  versus: string | null;
}

export interface EvidencePost {
  id: string;
  publishedAt: number;
  tone: string;
  entityId: string;
}

/** Each post's link to its entity, by post id; a post without that link keeps its own tone as a direct one. */
export async function evidenceLinks(db: Kysely<Database>, posts: readonly EvidencePost[]): Promise<Map<string, EvidenceLink>> {
  const out = new Map<string, EvidenceLink>(posts.map((p) => [p.id, { entityId: p.entityId, label: p.tone, tone: p.tone, stance: 'direct', versus: null }]));
  if (posts.length === 0) return out;
  const times = posts.map((p) => p.publishedAt);
  const rows = await db
    .selectFrom('mention_entities')
    .select(['mention_id', 'entity_id', 'sentiment_label', 'stance', 'stance_versus'])
    .where('mention_id', 'in', posts.map((p) => p.id))
    .where('entity_id', 'in', [...new Set(posts.map((p) => p.entityId))])
    // The posts' time span: on PostgreSQL only the partitions it covers are read.
    .where('published_at', '>=', Math.min(...times))
    .where('published_at', '<=', Math.max(...times))
    .execute();
  for (const r of rows) {
    const post = out.get(r.mention_id);
    if (post && post.entityId === r.entity_id) Object.assign(post, { label: r.sentiment_label, stance: r.stance, versus: r.stance_versus });
  }
  return out;
}
