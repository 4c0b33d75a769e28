// Counts of every mention a filter matches, by tone, platform and language: what the Mentions page charts (not the
// 50 rows a page of the list holds). One GROUP BY over the same conditions as listMentions.
import { sql, type Kysely } from 'kysely';
import type { MentionFilter } from './mention-queries.js';
import type { Database } from './tables.js';

export interface KeyCount {
  key: string;
  count: number;
}

export interface MentionSummary {
  total: number;
  tones: { negative: number; neutral: number; positive: number };
  /** Most mentions first. */
  platforms: KeyCount[];
  languages: KeyCount[];
}

const byCount = (m: Map<string, number>): KeyCount[] => [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

/** Paging fields (before, beforeId, limit) are ignored: the summary is of the whole filter. Keep in step with listMentions. */
export async function summariseMentions(db: Kysely<Database>, f: MentionFilter): Promise<MentionSummary> {
  // For one entity, the tones are its links' (target-stance.ts), as its KPIs and listMentions count them.
  const tone = f.entityId ? sql.ref<string>('me.sentiment_label') : sql.ref<string>('m.sentiment_label');
  let q = db
    .selectFrom('mentions as m')
    .select((eb) => ['m.platform', 'm.lang', tone.as('tone'), eb.fn.countAll<number>().as('n')])
    .groupBy(['m.platform', 'm.lang', tone]);
  if (f.entityId) {
    let links = db.selectFrom('mention_entities').select(['mention_id', 'sentiment_label']).where('entity_id', '=', f.entityId);
    // The links carry the mention's time: the same bounds keep PostgreSQL to the period's weekly partitions.
    if (f.from !== undefined) links = links.where('published_at', '>=', f.from);
    if (f.to !== undefined) links = links.where('published_at', '<', f.to);
    if (f.sentiment) links = links.where('sentiment_label', '=', f.sentiment);
    q = q.innerJoin(links.as('me'), 'me.mention_id', 'm.id');
  }
  if (f.from !== undefined) q = q.where('m.published_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('m.published_at', '<', f.to);
  if (f.sentiment && !f.entityId) q = q.where('m.sentiment_label', '=', f.sentiment);
  if (f.platform) q = q.where('m.platform', '=', f.platform);
  if (f.lang) q = q.where('m.lang', '=', f.lang);
  if (f.minInfluence !== undefined) q = q.where('m.influence', '>=', f.minInfluence);
  if (f.text) q = q.where(sql<boolean>`lower(m.text) like ${`%${f.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  const rows = await q.execute();

  const tones = { negative: 0, neutral: 0, positive: 0 };
  const platforms = new Map<string, number>();
  const languages = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    const n = Number(r.n);
    total += n;
    if (r.tone === 'negative' || r.tone === 'neutral' || r.tone === 'positive') tones[r.tone] += n;
    platforms.set(r.platform, (platforms.get(r.platform) ?? 0) + n);
    languages.set(r.lang, (languages.get(r.lang) ?? 0) + n);
  }
  return { total, tones, platforms: byCount(platforms), languages: byCount(languages) };
}
