// Reads of stored mentions for the API and for alert evidence; always bounded by entity, time and a limit.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { EvidenceMention } from '../domain/alert.js';
import { evidenceLinks } from './evidence-links.js';
import type { Database } from './tables.js';
import { tagsOfMentions } from './tag-repository.js';

export interface MentionFilter {
  entityId?: string;
  /** Only these mentions (the review list). */
  ids?: readonly string[];
  /** Only mentions this custom tag applies to (by a person or the classifier). */
  tag?: string;
  from?: number;
  to?: number;
  sentiment?: 'negative' | 'neutral' | 'positive';
  platform?: string;
  lang?: string;
  minInfluence?: number;
  /** Case-insensitive substring of the text. */
  text?: string;
  limit?: number;
  /** Keyset pagination: only mentions published before this time (the last one of the previous page)... */
  before?: number;
  /** ...or at that time with a smaller id, so that mentions sharing the page edge's time are neither lost nor repeated. */
  beforeId?: string;
}

export interface MentionView {
  id: string;
  platform: string;
  url: string | null;
  text: string;
  lang: string;
  publishedAt: number;
  author: { handle: string; followers: number; verified: boolean; influence: number };
  engagement: { likes: number; reshares: number; replies: number; quotes: number };
  sentiment: { label: string; score: number; confidence: number; drivers: string[] };
  influence: number;
  reach: number;
  riskFlags: string[];
  entityIds: string[];
  /**
   * The tone per linked entity (scoring/target-stance.ts): a post praising a competitor at the brand's expense is
   * positive for the competitor and negative for the brand. `stance` says why; `versus` is the other side, if any.
   */
  targets: { entityId: string; label: string; stance: string; versus: string | null }[];
  /** The team's label when someone corrected the sentiment (then `sentiment` is that label, confidence 1). */
  labelledBy: { by: string; at: number; machineLabel: string } | null;
  /** Custom tags that apply, set by a person ('label') or the classifier ('model'). */
  tags: { id: string; source: string }[];
}

/** The filters a mention's link to its entity answers alone: the link carries the time and the tone for that entity. */
const onlyLinkFilters = (f: MentionFilter): boolean =>
  f.entityId !== undefined && f.ids === undefined && f.tag === undefined && f.platform === undefined && f.lang === undefined && f.minInfluence === undefined && !f.text;

/**
 * The period and the keyset page edge on a (time, id) pair: the mentions' own, or their links'. The `<=` alone is an
 * index range on the time; the `or` settles the ties at the page's edge. No bound at all is `1 = 1`.
 */
function periodAndPageEdge(eb: ExpressionBuilder<any, any>, f: MentionFilter, time: string, id: string): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (f.from !== undefined) conditions.push(eb(time, '>=', f.from));
  if (f.to !== undefined) conditions.push(eb(time, '<', f.to));
  if (f.before !== undefined && f.beforeId !== undefined) {
    conditions.push(eb(time, '<=', f.before), eb.or([eb(time, '<', f.before), eb(id, '<', f.beforeId)]));
  } else if (f.before !== undefined) conditions.push(eb(time, '<', f.before));
  return eb.and(conditions);
}

/**
 * One entity's page when the links alone decide it: the newest links of the entity (and tone) in their index's order,
 * then those mentions by primary key. Filtering mentions newest first with an EXISTS on the links reads every mention
 * of all entities until the page fills: 9,000 probes and 284 ms for the negative mentions of an entity with 4 % of the
 * volume (bench case 5, 10 M mentions), against 12 ms this way whatever the entity's share.
 */
function entityPage(db: Kysely<Database>, f: MentionFilter, limit: number) {
  let links = db.selectFrom('mention_entities as me').select(['me.mention_id', 'me.published_at']).where('me.entity_id', '=', f.entityId!);
  if (f.sentiment) links = links.where('me.sentiment_label', '=', f.sentiment);
  links = links.where((eb) => periodAndPageEdge(eb, f, 'me.published_at', 'me.mention_id'));
  return links.orderBy('me.published_at', 'desc').orderBy('me.mention_id', 'desc').limit(limit);
}

/** What a mention's view reads: the mention, its author and the team's label. */
const VIEW_COLUMNS = [
  'l.labelled_by', 'l.labelled_at', 'l.machine_label',
  'm.id', 'm.platform', 'm.url', 'm.text', 'm.lang', 'm.published_at', 'm.likes', 'm.reshares', 'm.replies', 'm.quotes',
  'm.sentiment_label', 'm.sentiment_score', 'm.sentiment_confidence', 'm.sentiment_drivers', 'm.influence', 'm.reach', 'm.risk_flags',
  'a.handle', 'a.followers', 'a.verified', 'a.influence as author_influence',
] as const;

const mentionsWithAuthors = (db: Kysely<Database>) =>
  db.selectFrom('mentions as m').innerJoin('authors as a', 'a.id', 'm.author_id').leftJoin('mention_labels as l', 'l.mention_id', 'm.id').select(VIEW_COLUMNS);
type ViewRow = Awaited<ReturnType<ReturnType<typeof mentionsWithAuthors>['execute']>>[number];

export async function listMentions(db: Kysely<Database>, f: MentionFilter): Promise<MentionView[]> {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
  if (onlyLinkFilters(f)) {
    const rows = await db
      .selectFrom(entityPage(db, f, limit).as('page'))
      .innerJoin('mentions as m', (join) => join.onRef('m.id', '=', 'page.mention_id').onRef('m.published_at', '=', 'page.published_at'))
      .innerJoin('authors as a', 'a.id', 'm.author_id')
      .leftJoin('mention_labels as l', 'l.mention_id', 'm.id')
      .select(VIEW_COLUMNS)
      // The links' bounds again, on the mentions: a join alone does not let PostgreSQL leave out the other weeks.
      .where((eb) => periodAndPageEdge(eb, f, 'm.published_at', 'm.id'))
      .orderBy('m.published_at', 'desc')
      .orderBy('m.id', 'desc')
      .execute();
    return mentionViews(db, rows);
  }
  let q = mentionsWithAuthors(db);
  if (f.entityId) {
    q = q.where((eb) => {
      // The links carry the mention's time: the same bounds on them keep PostgreSQL to the period's weekly partitions.
      let links = eb.selectFrom('mention_entities as me').select('me.mention_id').whereRef('me.mention_id', '=', 'm.id').where('me.entity_id', '=', f.entityId!);
      // For one entity, a tone is the link's: the negative mentions of Kelio are those its KPIs count as negative.
      if (f.sentiment) links = links.where('me.sentiment_label', '=', f.sentiment);
      if (f.from !== undefined) links = links.where('me.published_at', '>=', f.from);
      if (f.to !== undefined) links = links.where('me.published_at', '<', f.to);
      if (f.before !== undefined) links = links.where('me.published_at', '<=', f.before);
      return eb.exists(links);
    });
  }
  if (f.ids) q = f.ids.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('m.id', 'in', [...f.ids]);
  if (f.tag) {
    const tag = f.tag;
    q = q.where((eb) => eb.exists(eb.selectFrom('mention_tags as mt').select('mt.mention_id').whereRef('mt.mention_id', '=', 'm.id').where('mt.tag_id', '=', tag).where('mt.applies', '=', 1)));
  }
  q = q.where((eb) => periodAndPageEdge(eb, f, 'm.published_at', 'm.id'));
  if (f.sentiment && !f.entityId) q = q.where('m.sentiment_label', '=', f.sentiment);
  if (f.platform) q = q.where('m.platform', '=', f.platform);
  if (f.lang) q = q.where('m.lang', '=', f.lang);
  if (f.minInfluence !== undefined) q = q.where('m.influence', '>=', f.minInfluence);
  // ESCAPE is explicit: SQLite has no default escape character, so a searched % or _ would be a wildcard.
  if (f.text) q = q.where(sql<boolean>`lower(m.text) like ${`%${escapeLike(f.text.toLowerCase())}%`} escape '\\'`);
  return mentionViews(db, await q.orderBy('m.published_at', 'desc').orderBy('m.id', 'desc').limit(limit).execute());
}

async function mentionViews(db: Kysely<Database>, rows: readonly ViewRow[]): Promise<MentionView[]> {
  const [links, tags] = await Promise.all([entityLinks(db, rows), tagsOfMentions(db, rows.map((r) => r.id))]);
  return rows.map((r) => ({
    id: r.id,
    platform: r.platform,
    url: r.url,
    text: r.text,
    lang: r.lang,
    publishedAt: Number(r.published_at),
    author: { handle: r.handle, followers: Number(r.followers), verified: r.verified === 1, influence: r.author_influence },
    engagement: { likes: r.likes, reshares: r.reshares, replies: r.replies, quotes: r.quotes },
    sentiment: { label: r.sentiment_label, score: r.sentiment_score, confidence: r.sentiment_confidence, drivers: JSON.parse(r.sentiment_drivers) },
    influence: r.influence,
    reach: Number(r.reach),
    riskFlags: JSON.parse(r.risk_flags),
    entityIds: (links.get(r.id) ?? []).map((l) => l.entityId),
    targets: links.get(r.id) ?? [],
    tags: tags.get(r.id) ?? [],
    labelledBy: r.labelled_by === null ? null : { by: r.labelled_by, at: Number(r.labelled_at), machineLabel: r.machine_label! },
  }));
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type Link = MentionView['targets'][number];

async function entityLinks(db: Kysely<Database>, mentions: readonly { id: string; published_at: number }[]): Promise<Map<string, Link[]>> {
  const out = new Map<string, Link[]>();
  if (mentions.length === 0) return out;
  const times = mentions.map((m) => Number(m.published_at));
  const rows = await db
    .selectFrom('mention_entities')
    .select(['mention_id', 'entity_id', 'sentiment_label', 'stance', 'stance_versus'])
    .where('mention_id', 'in', mentions.map((m) => m.id))
    // The page's time span: on PostgreSQL only the weeks it covers are read.
    .where('published_at', '>=', Math.min(...times))
    .where('published_at', '<=', Math.max(...times))
    .execute();
  for (const r of rows) {
    const link = { entityId: r.entity_id, label: r.sentiment_label, stance: r.stance, versus: r.stance_versus };
    out.set(r.mention_id, [...(out.get(r.mention_id) ?? []), link]);
  }
  return out;
}

/** How many of the given mentions each of the given entities is linked to (entities linked to none are absent). */
export async function mentionsLinkedPerEntity(db: Kysely<Database>, mentionIds: readonly string[], entityIds: readonly string[]): Promise<Map<string, number>> {
  if (mentionIds.length === 0 || entityIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('mention_entities')
    .select((eb) => ['entity_id', eb.fn.countAll<number>().as('n')])
    .where('mention_id', 'in', [...mentionIds])
    .where('entity_id', 'in', [...entityIds])
    .groupBy('entity_id')
    .execute();
  return new Map(rows.map((r) => [r.entity_id, Number(r.n)]));
}

/**
 * The evidence posts in the given order. With `entityId` (the alert's entity), each post's sentiment is its tone for
 * that entity (its link's label) and carries the post's own tone and the link's stance, as the alert page shows them.
 */
export async function evidenceMentions(db: Kysely<Database>, ids: readonly string[], entityId?: string): Promise<EvidenceMention[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('mentions as m')
    .innerJoin('authors as a', 'a.id', 'm.author_id')
    .select(['m.id', 'm.url', 'm.text', 'm.published_at', 'm.sentiment_label', 'a.handle', 'a.followers'])
    .where('m.id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const links = entityId === undefined ? undefined : await evidenceLinks(db, rows.map((r) => ({ id: r.id, publishedAt: Number(r.published_at), tone: r.sentiment_label, entityId })));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const post = { id: r.id, url: r.url, text: r.text, authorHandle: r.handle, authorFollowers: Number(r.followers), publishedAt: Number(r.published_at), sentiment: r.sentiment_label };
    const link = links?.get(id);
    return [link ? { ...post, sentiment: link.label, tone: link.tone, entityId: link.entityId, stance: link.stance, versus: link.versus } : post];
  });
}
