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
  let q = db
    .selectFrom('mentions as m')
    .select((eb) => ['m.platform', 'm.lang', 'm.sentiment_label', eb.fn.countAll<number>().as('n')])
    .groupBy(['m.platform', 'm.lang', 'm.sentiment_label']);
  if (f.entityId) {
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('mention_entities as me').select('me.mention_id').whereRef('me.mention_id', '=', 'm.id').where('me.entity_id', '=', f.entityId!)),
    );
  }
  if (f.from !== undefined) q = q.where('m.published_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('m.published_at', '<', f.to);
  if (f.sentiment) q = q.where('m.sentiment_label', '=', f.sentiment);
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
    if (r.sentiment_label === 'negative' || r.sentiment_label === 'neutral' || r.sentiment_label === 'positive') tones[r.sentiment_label] += n;
    platforms.set(r.platform, (platforms.get(r.platform) ?? 0) + n);
    languages.set(r.lang, (languages.get(r.lang) ?? 0) + n);
  }
  return { total, tones, platforms: byCount(platforms), languages: byCount(languages) };
}
