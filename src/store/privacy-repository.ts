// GDPR tools: forget an author everywhere, export what is stored about one, and delete what is past retention.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { DAY_MS } from '../domain/time-buckets.js';
import { chunkRows } from './chunk.js';
import type { SentimentLabel } from '../domain/mention.js';
import { linkScore } from '../scoring/target-stance.js';
import { RollupAccumulator } from './rollup-writer.js';
import { MENTION_JUDGEMENT_TABLES, type Database } from './tables.js';

export interface AuthorRef {
  platform: string;
  /** Handle (with or without @, any case) or the platform's author id. */
  author: string;
}

const ERASED = '@[erased]';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function findAuthors(db: Kysely<Database> | Transaction<Database>, ref: AuthorRef) {
  const handle = ref.author.replace(/^@/, '').toLowerCase();
  return db
    .selectFrom('authors')
    .selectAll()
    .where('platform', '=', ref.platform)
    .where((eb) => eb.or([eb(eb.fn('lower', ['handle']), '=', handle), eb('external_id', '=', ref.author)]))
    .execute();
}

export interface ForgetResult {
  authors: number;
  mentions: number;
  redacted: number;
}

/**
 * Erases an author: their mentions and reshares of them (with the rollups reduced as if they had
 * never been counted), their handle in other people's texts, alert sentences and quarantined
 * payloads, and their author row. Keeps only a record that an erasure happened.
 */
export async function forgetAuthor(db: Kysely<Database>, ref: AuthorRef, now = Date.now()): Promise<ForgetResult> {
  return db.transaction().execute(async (trx) => {
    const authors = await findAuthors(trx, ref);
    if (authors.length === 0) return { authors: 0, mentions: 0, redacted: 0 };
    const authorIds = authors.map((a) => a.id);
    const handles = authors.map((a) => a.handle);
    const own = await trx.selectFrom('mentions').select('id').where('author_id', 'in', authorIds).execute();
    const ownIds = own.map((m) => m.id);
    const reshares = ownIds.length
      ? await trx.selectFrom('mentions').select('id').where('reshare_of', 'in', ownIds).execute()
      : [];
    const doomed = [...ownIds, ...reshares.map((r) => r.id)];
    await eraseMentions(trx, doomed);

    const handlePattern = new RegExp(`@(?:${handles.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
    const redacted = await redactTexts(trx, handles, handlePattern);
    await redactAlerts(trx, doomed, handles, handlePattern);
    for (const needle of [...handles, ...authors.map((a) => a.external_id)]) {
      await trx.deleteFrom('quarantine').where('payload', 'like', `%${needle}%`).execute();
    }
    await trx.deleteFrom('authors').where('id', 'in', authorIds).execute();
    await trx.insertInto('erasures').values({ id: randomUUID(), platform: ref.platform, erased_at: now, mentions_erased: doomed.length, reason: 'request' }).execute();
    return { authors: authors.length, mentions: doomed.length, redacted };
  });
}

/** Deletes mentions and their entity links, and takes them out of the rollups. */
async function eraseMentions(trx: Transaction<Database>, ids: string[]): Promise<void> {
  const rollups = new RollupAccumulator();
  for (const chunk of chunkRows(ids, 1, 1000)) {
    const rows = await trx
      .selectFrom('mentions as m')
      .innerJoin('mention_entities as me', 'me.mention_id', 'm.id')
      .select(['m.id', 'm.platform', 'm.published_at', 'm.sentiment_label', 'm.sentiment_score', 'm.likes', 'm.reshares', 'm.replies', 'm.quotes', 'm.reach', 'm.risk_flags', 'm.is_own', 'me.entity_id', 'me.sentiment_label as link_label'])
      .where('m.id', 'in', chunk)
      .execute();
    for (const r of rows) {
      // The brand's own posts were never counted in the rollups (storeMentions).
      if (r.is_own === 1) continue;
      // Each link is taken out with the tone it was counted with: a post can have praised one entity and hurt another.
      const label = r.link_label as SentimentLabel;
      rollups.addMention(
        {
          entities: [{ entityId: r.entity_id, label, sentimentScore: linkScore(label, { label: r.sentiment_label as SentimentLabel, score: r.sentiment_score }) }],
          platform: r.platform,
          publishedAt: Number(r.published_at),
          engagement: r.likes + r.reshares + r.replies + r.quotes,
          reach: Number(r.reach),
          riskFlagged: r.risk_flags !== '[]',
        },
        -1,
      );
    }
    await trx.deleteFrom('mention_entities').where('mention_id', 'in', chunk).execute();
    // Labels and tags are about the erased posts too: they go with them.
    for (const table of MENTION_JUDGEMENT_TABLES) await trx.deleteFrom(table).where('mention_id', 'in', chunk).execute();
    await trx.updateTable('mentions').set({ reply_to: null }).where('reply_to', 'in', chunk).execute();
    await trx.updateTable('mentions').set({ quote_of: null }).where('quote_of', 'in', chunk).execute();
    await trx.deleteFrom('mentions').where('id', 'in', chunk).execute();
  }
  await rollups.apply(trx);
}

async function redactTexts(trx: Transaction<Database>, handles: string[], pattern: RegExp): Promise<number> {
  let count = 0;
  for (const handle of handles) {
    const rows = await trx
      .selectFrom('mentions')
      .select(['id', 'text'])
      .where(sql<string>`lower(text)`, 'like', `%@${handle.toLowerCase()}%`)
      .execute();
    for (const r of rows) {
      const text = r.text.replace(pattern, ERASED);
      if (text !== r.text) {
        await trx.updateTable('mentions').set({ text }).where('id', '=', r.id).execute();
        count++;
      }
    }
  }
  return count;
}

async function redactAlerts(trx: Transaction<Database>, erasedIds: string[], handles: string[], pattern: RegExp): Promise<void> {
  const erased = new Set(erasedIds);
  const alerts = await trx.selectFrom('alerts').select(['id', 'why', 'evidence']).execute();
  for (const a of alerts) {
    const evidence = (JSON.parse(a.evidence) as string[]).filter((id) => !erased.has(id));
    const why = handles.some((h) => a.why.toLowerCase().includes(h.toLowerCase())) ? a.why.replace(pattern, ERASED) : a.why;
    if (why !== a.why || evidence.length !== JSON.parse(a.evidence).length) {
      await trx.updateTable('alerts').set({ why, evidence: JSON.stringify(evidence) }).where('id', '=', a.id).execute();
    }
  }
}

/** Everything stored about one author, for an access request. */
export async function exportAuthor(db: Kysely<Database>, ref: AuthorRef) {
  const authors = await findAuthors(db, ref);
  const authorIds = authors.map((a) => a.id);
  const mentions = authorIds.length ? await db.selectFrom('mentions').selectAll().where('author_id', 'in', authorIds).orderBy('published_at').execute() : [];
  const mentionIds = mentions.map((m) => m.id);
  const entities = mentionIds.length ? await db.selectFrom('mention_entities').select(['mention_id', 'entity_id']).where('mention_id', 'in', mentionIds).execute() : [];
  const quarantined = [];
  for (const a of authors) {
    quarantined.push(...(await db.selectFrom('quarantine').selectAll().where('payload', 'like', `%${a.handle}%`).execute()));
  }
  return {
    exportedAt: new Date().toISOString(),
    query: ref,
    authors,
    mentions: mentions.map((m) => ({ ...m, entities: entities.filter((e) => e.mention_id === m.id).map((e) => e.entity_id) })),
    quarantined,
  };
}

export interface RetentionPolicy {
  mentionsDays: number;
  minuteRollupsDays: number;
  hourlyRollupsDays: number;
  alertsDays: number;
  quarantineDays: number;
}

export interface RetentionResult {
  mentions: number;
  authors: number;
  minuteRollups: number;
  hourlyRollups: number;
  alerts: number;
  quarantine: number;
}

/**
 * Deletes what is older than its retention. Rollups are aggregates: deleting the raw mentions
 * leaves them as they were, so the dashboards' history stays right after the text is gone.
 */
export async function applyRetention(db: Kysely<Database>, policy: RetentionPolicy, now = Date.now()): Promise<RetentionResult> {
  const mentionCutoff = now - policy.mentionsDays * DAY_MS;
  const result: RetentionResult = { mentions: 0, authors: 0, minuteRollups: 0, hourlyRollups: 0, alerts: 0, quarantine: 0 };
  // In slices, so one daily run never holds a long lock over a big table.
  for (;;) {
    const old = await db.selectFrom('mentions').select('id').where('published_at', '<', mentionCutoff).limit(5000).execute();
    if (old.length === 0) break;
    const ids = old.map((r) => r.id);
    await db.transaction().execute(async (trx) => {
      // The time condition lets PostgreSQL look in the expired weeks' partitions only.
      await trx.deleteFrom('mention_entities').where('mention_id', 'in', ids).where('published_at', '<', mentionCutoff).execute();
      // Labels and tags name the post and who judged it: they go with its text (trained models keep only weights).
      for (const table of MENTION_JUDGEMENT_TABLES) await trx.deleteFrom(table).where('mention_id', 'in', ids).execute();
      await trx.deleteFrom('mentions').where('id', 'in', ids).where('published_at', '<', mentionCutoff).execute();
    });
    result.mentions += ids.length;
  }
  const authors = await db
    .deleteFrom('authors')
    .where('last_seen_at', '<', mentionCutoff)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('mentions').select('mentions.id').whereRef('mentions.author_id', '=', 'authors.id'))))
    .executeTakeFirst();
  result.authors = Number(authors.numDeletedRows);
  result.minuteRollups = Number((await db.deleteFrom('rollups_minute').where('bucket_start', '<', now - policy.minuteRollupsDays * DAY_MS).executeTakeFirst()).numDeletedRows);
  result.hourlyRollups = Number((await db.deleteFrom('rollups_hourly').where('bucket_start', '<', now - policy.hourlyRollupsDays * DAY_MS).executeTakeFirst()).numDeletedRows);
  const alerts = await db.deleteFrom('alerts').where('status', '=', 'resolved').where('resolved_at', '<', now - policy.alertsDays * DAY_MS).returning('id').execute();
  result.alerts = alerts.length;
  if (alerts.length) {
    for (const chunk of chunkRows(alerts.map((a) => a.id), 1, 1000)) await db.deleteFrom('alert_deliveries').where('alert_id', 'in', chunk).execute();
  }
  result.quarantine = Number((await db.deleteFrom('quarantine').where('created_at', '<', now - policy.quarantineDays * DAY_MS).executeTakeFirst()).numDeletedRows);
  return result;
}
