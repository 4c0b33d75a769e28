// The posts behind a crisis, most influential and widest-reaching first: the journalist's key post leads. Each post's
// tone is its tone for the entity whose alert cited it (its mention_entities link, scoring/target-stance.ts): a post
// praising a competitor is evidence against the brand, and shows so.
import type { Kysely } from 'kysely';
import { evidenceLinks, type EvidenceLink } from './evidence-links.js';
import type { Database } from './tables.js';

export interface RankedEvidence extends Omit<EvidenceLink, 'label'> {
  id: string;
  platform: string;
  url: string | null;
  text: string;
  publishedAt: number;
  /** The tone for `entityId` (the link's label); the post's own tone is `tone`. */
  sentiment: string;
  influence: number;
  reach: number;
  authorHandle: string;
  authorFollowers: number;
  answered: boolean;
}

/** What an alert cited: its entity and its evidence mention ids. */
export interface Citation {
  entityId: string;
  evidence: readonly string[];
}

/** The cited posts, ranked; each with its link to the first citing alert's entity (citations in the crisis's order). */
export async function rankedEvidence(db: Kysely<Database>, citations: readonly Citation[], limit = 100): Promise<RankedEvidence[]> {
  const citedBy = new Map<string, string>();
  for (const c of citations) for (const id of c.evidence) if (!citedBy.has(id)) citedBy.set(id, c.entityId);
  if (citedBy.size === 0) return [];
  const rows = await db
    .selectFrom('mentions as m')
    .innerJoin('authors as a', 'a.id', 'm.author_id')
    .select(['m.id', 'm.platform', 'm.url', 'm.text', 'm.published_at', 'm.sentiment_label', 'm.influence', 'm.reach', 'm.first_response_at', 'a.handle', 'a.followers'])
    .where('m.id', 'in', [...citedBy.keys()])
    .orderBy('m.influence', 'desc')
    .orderBy('m.reach', 'desc')
    .orderBy('m.id')
    .limit(limit)
    .execute();
  const links = await evidenceLinks(db, rows.map((r) => ({ id: r.id, publishedAt: Number(r.published_at), tone: r.sentiment_label, entityId: citedBy.get(r.id)! })));
  return rows.map((r) => {
    const link = links.get(r.id)!;
    return {
      id: r.id,
      platform: r.platform,
      url: r.url,
      text: r.text,
      publishedAt: Number(r.published_at),
      sentiment: link.label,
      tone: link.tone,
      entityId: link.entityId,
      stance: link.stance,
      versus: link.versus,
      influence: Number(r.influence),
      reach: Number(r.reach),
      authorHandle: r.handle,
      authorFollowers: Number(r.followers),
      answered: r.first_response_at !== null,
    };
  });
}
