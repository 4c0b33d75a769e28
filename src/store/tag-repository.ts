// Custom tags: their definitions, a person's tag on a mention, the classifier's tags, and counts per tag for charts.
import { sql, type Kysely } from 'kysely';
import { chunkRows } from './chunk.js';
import type { Database } from './tables.js';

export interface TagDefinition {
  id: string;
  name: string;
  description: string;
  source: 'config' | 'api';
}

/** The config's tags, created or renamed; tags created through the API are left alone. */
export async function syncConfigTags(db: Kysely<Database>, tags: readonly { id: string; name: string; description: string }[], now: number): Promise<void> {
  for (const t of tags) {
    await db
      .insertInto('tags')
      .values({ id: t.id, name: t.name, description: t.description, source: 'config', created_at: now, created_by: 'config' })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: t.name, description: t.description }))
      .execute();
  }
}

export async function createTag(db: Kysely<Database>, t: { id: string; name: string; description: string; by: string; now: number }): Promise<{ created: boolean }> {
  const rows = await db
    .insertInto('tags')
    .values({ id: t.id, name: t.name, description: t.description, source: 'api', created_at: t.now, created_by: t.by })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  return { created: rows.length > 0 };
}

export async function listTags(db: Kysely<Database>): Promise<(TagDefinition & { labelled: number; tagged: number })[]> {
  const [tags, counts] = await Promise.all([
    db.selectFrom('tags').select(['id', 'name', 'description', 'source']).orderBy('name').execute(),
    db
      .selectFrom('mention_tags')
      .select((eb) => ['tag_id', 'source', eb.fn.countAll<number>().as('n')])
      .where('applies', '=', 1)
      .groupBy(['tag_id', 'source'])
      .execute(),
  ]);
  const count = (id: string, source: string) => Number(counts.find((c) => c.tag_id === id && c.source === source)?.n ?? 0);
  return tags.map((t) => ({ ...t, source: t.source as TagDefinition['source'], labelled: count(t.id, 'label'), tagged: count(t.id, 'model') }));
}

export async function tagExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('tags').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** A person says whether a tag applies to a mention; it replaces the classifier's answer and is never replaced by it. */
export async function setMentionTag(
  db: Kysely<Database>,
  t: { mentionId: string; tagId: string; applies: boolean; by: string; at: number },
): Promise<'changed' | 'unchanged' | 'unknown-mention'> {
  return db.transaction().execute(async (trx) => {
    const mention = await trx.selectFrom('mentions').select(['published_at']).where('id', '=', t.mentionId).executeTakeFirst();
    if (!mention) return 'unknown-mention';
    const before = await trx.selectFrom('mention_tags').select(['applies', 'source']).where('mention_id', '=', t.mentionId).where('tag_id', '=', t.tagId).executeTakeFirst();
    if (before && before.source === 'label' && before.applies === (t.applies ? 1 : 0)) return 'unchanged';
    const row = { mention_id: t.mentionId, tag_id: t.tagId, applies: t.applies ? 1 : 0, source: 'label', confidence: 1, labelled_by: t.by, labelled_at: t.at, published_at: Number(mention.published_at) };
    await trx
      .insertInto('mention_tags')
      .values(row)
      .onConflict((oc) => oc.columns(['mention_id', 'tag_id']).doUpdateSet({ applies: row.applies, source: 'label', confidence: 1, labelled_by: t.by, labelled_at: t.at }))
      .execute();
    return 'changed';
  });
}

/** The classifier's tags for newly scored mentions; a mention a person already answered for keeps that answer. */
export async function writeModelTags(db: Kysely<Database>, rows: readonly { mentionId: string; tagIds: readonly string[]; publishedAt: number }[], now: number): Promise<void> {
  const values = rows.flatMap((r) =>
    r.tagIds.map((tagId) => ({ mention_id: r.mentionId, tag_id: tagId, applies: 1, source: 'model', confidence: 0, labelled_by: null, labelled_at: now, published_at: r.publishedAt })),
  );
  for (const chunk of chunkRows(values, 8)) {
    await db.insertInto('mention_tags').values(chunk).onConflict((oc) => oc.columns(['mention_id', 'tag_id']).doNothing()).execute();
  }
}

/** Mentions a person tagged (or said a tag does not apply to), with the tags that apply: the classifier's examples. */
export async function tagExamples(db: Kysely<Database>): Promise<{ mentionId: string; text: string; lang: string; tags: string[] }[]> {
  const rows = await db
    .selectFrom('mention_tags as t')
    .innerJoin('mentions as m', 'm.id', 't.mention_id')
    .select(['t.mention_id', 't.tag_id', 't.applies', 'm.text', 'm.lang'])
    .where('t.source', '=', 'label')
    .orderBy('t.mention_id')
    .execute();
  const byMention = new Map<string, { mentionId: string; text: string; lang: string; tags: string[] }>();
  for (const r of rows) {
    let e = byMention.get(r.mention_id);
    if (!e) byMention.set(r.mention_id, (e = { mentionId: r.mention_id, text: r.text, lang: r.lang, tags: [] }));
    if (r.applies === 1) e.tags.push(r.tag_id);
  }
  return [...byMention.values()];
}

/** The tags that apply to each of the given mentions. */
export async function tagsOfMentions(db: Kysely<Database>, mentionIds: readonly string[]): Promise<Map<string, { id: string; source: string }[]>> {
  const out = new Map<string, { id: string; source: string }[]>();
  for (const chunk of chunkRows([...mentionIds], 1, 500)) {
    const rows = await db.selectFrom('mention_tags').select(['mention_id', 'tag_id', 'source']).where('mention_id', 'in', chunk).where('applies', '=', 1).execute();
    for (const r of rows) out.set(r.mention_id, [...(out.get(r.mention_id) ?? []), { id: r.tag_id, source: r.source }]);
  }
  return out;
}

/** Mentions per tag per day (UTC), for one entity or all, in a period: the tag chart. */
export async function tagDailyCounts(db: Kysely<Database>, q: { entityId?: string; from: number; to: number }): Promise<{ tagId: string; day: number; count: number }[]> {
  let query = db
    .selectFrom('mention_tags as t')
    .select((eb) => ['t.tag_id', sql<number>`t.published_at - (t.published_at % 86400000)`.as('day'), eb.fn.countAll<number>().as('n')])
    .where('t.applies', '=', 1)
    .where('t.published_at', '>=', q.from)
    .where('t.published_at', '<', q.to);
  if (q.entityId) {
    const entityId = q.entityId;
    query = query.where((eb) => eb.exists(eb.selectFrom('mention_entities as me').select('me.mention_id').whereRef('me.mention_id', '=', 't.mention_id').where('me.entity_id', '=', entityId)));
  }
  const rows = await query.groupBy(['t.tag_id', sql`t.published_at - (t.published_at % 86400000)`]).orderBy('day').execute();
  return rows.map((r) => ({ tagId: r.tag_id, day: Number(r.day), count: Number(r.n) }));
}

/** The custom tags of an alert's evidence mentions, for routing (a route on product-defect goes to the quality team). */
export async function evidenceTags(db: Kysely<Database>, mentionIds: readonly string[]): Promise<string[]> {
  if (mentionIds.length === 0) return [];
  const rows = await db.selectFrom('mention_tags').select('tag_id').distinct().where('mention_id', 'in', [...mentionIds]).where('applies', '=', 1).execute();
  return rows.map((r) => r.tag_id).sort();
}
