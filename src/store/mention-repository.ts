// Stores scored mentions exactly once, with their authors, entity links and the rollups, in one transaction.
import { sql, type Transaction } from 'kysely';
import type { ScoredMention } from '../domain/mention.js';
import { linkScore, type TargetLink } from '../scoring/target-stance.js';
import { bulkInserts } from './bulk-insert.js';
import { chunkRows } from './chunk.js';
import { DAY_MS } from '../domain/time-buckets.js';
import { ensureWeekPartitions, forgetKnownWeeks } from './mention-partitions.js';
import type { DialectName, Store } from './database.js';
import { RollupAccumulator } from './rollup-writer.js';
import { storable } from './storable-text.js';
import type { Database, NewAuthor, NewMention, NewMentionEntity } from './tables.js';

export interface StoredMention extends ScoredMention {
  sourceId: string;
  collectedAt: number;
  /** Set when the author is one of the entities' own accounts. */
  authorIsOwn?: boolean;
  /**
   * The mention's tone per entity (scoring/target-stance.ts), possibly with an implied link to a competitor's brand;
   * when given, these are the mention's links. Without it every entity in entityIds takes the mention's own tone.
   */
  targets?: readonly TargetLink[];
}

/** The entity links a mention is stored with: its targets, or each of its entities with the mention's tone. */
export function mentionLinks(m: StoredMention): readonly TargetLink[] {
  return m.targets ?? m.entityIds.map((entityId) => ({ entityId, role: 'direct' as const, label: m.sentiment.label }));
}

export interface StoreResult {
  inserted: number;
  /** Mentions already stored (a retried or duplicated job): only their engagement counts were refreshed. */
  duplicates: number;
  /** Entities with new mentions, and the latest publication time seen for each. */
  touched: Map<string, number>;
  /** New mentions per entity and platform, as "entity\u0000platform" -> count (for metrics). */
  storedPerEntity: Map<string, number>;
}

export const mentionId = (platform: string, externalId: string) => `${platform}:${externalId}`;

export async function storeMentions(store: Pick<Store, 'db' | 'dialect'>, batch: readonly StoredMention[]): Promise<StoreResult> {
  const { db, dialect } = store;
  const unique = dedupeById(batch);
  if (unique.length === 0) return { inserted: 0, duplicates: 0, touched: new Map(), storedPerEntity: new Map() };
  if (dialect === 'postgres') await ensureWeekPartitions(db, unique.map((m) => Date.parse(m.publishedAt)));
  const keys = conflictKeys(dialect);
  try {
    return await storeUnique(db, dialect, keys, unique);
  } catch (error) {
    // The job is retried; this process then looks the week's partition up again instead of trusting its memory.
    if (/no partition of relation/.test((error as Error).message)) forgetKnownWeeks(db);
    throw error;
  }
}

async function storeUnique(db: Store['db'], dialect: DialectName, keys: ReturnType<typeof conflictKeys>, unique: StoredMention[]): Promise<StoreResult> {
  return db.transaction().execute(async (trx) => {
    // Insert first, look up only what was already there: most mentions are new, so the common case costs
    // one statement instead of a lookup plus an insert. Only rows this statement really inserted count:
    // a duplicate (a retried job, or a concurrent one that won the race on the primary key) gets nothing
    // back, adds nothing to the rollups, and only has its engagement refreshed below.
    const insertedIds = new Set<string>();
    for (const insert of bulkInserts(trx, dialect, 'mentions', unique.map(toRow))) {
      const rows = await insert.onConflict((oc) => oc.columns(keys.mentions).doNothing()).returning('id').execute();
      for (const r of rows) insertedIds.add(r.id);
    }
    const fresh: StoredMention[] = [];
    const seen: StoredMention[] = [];
    const seenIds: string[] = [];
    for (const m of unique) {
      const id = mentionId(m.platform, m.externalId);
      if (insertedIds.has(id)) fresh.push(m);
      else (seen.push(m), seenIds.push(id));
    }
    const existing = await existingEngagement(trx, seenIds);
    for (const insert of bulkInserts(trx, dialect, 'mention_entities', linkRows(fresh))) {
      await insert.onConflict((oc) => oc.columns(keys.links).doNothing()).execute();
    }

    await recordResponses(trx, dialect, fresh);
    const engagementDeltas = await refreshEngagement(trx, seen, existing);
    // Rows shared by concurrent batches (a busy author, the current minute's rollups) are written last, so that
    // their locks are held only until the commit that follows: written first, they made concurrent batches wait
    // for each other's whole transaction. Nothing references authors by a foreign key, so the order is free.
    await upsertAuthors(trx, dialect, unique);
    await rollupChanges(fresh, engagementDeltas).apply(trx);

    const touched = new Map<string, number>();
    const storedPerEntity = new Map<string, number>();
    for (const m of fresh) {
      const t = Date.parse(m.publishedAt);
      for (const { entityId: id } of mentionLinks(m)) {
        touched.set(id, Math.max(touched.get(id) ?? 0, t));
        const key = `${id}\u0000${m.platform}`;
        storedPerEntity.set(key, (storedPerEntity.get(key) ?? 0) + 1);
      }
    }
    return { inserted: fresh.length, duplicates: unique.length - fresh.length, touched, storedPerEntity };
  });
}

/**
 * The unique keys the inserts lean on. PostgreSQL partitions both tables by published_at, and a partitioned table's
 * unique keys must contain it, so there the key is (id, published_at). That is still one row per post: a post's
 * publication time comes from its platform with the post and never changes, so a retried or duplicated job carries
 * the same pair. (A file import that gives the same post id two different dates would store it twice on PostgreSQL;
 * checking every id against every week's partition would cost each batch one index probe per partition and id.)
 */
export function conflictKeys(dialect: DialectName): { mentions: ('id' | 'published_at')[]; links: ('mention_id' | 'entity_id' | 'published_at')[] } {
  return dialect === 'postgres'
    ? { mentions: ['id', 'published_at'], links: ['mention_id', 'entity_id', 'published_at'] }
    : { mentions: ['id'], links: ['mention_id', 'entity_id'] };
}

/** The batch's mentions, each once (the last copy wins), with their text made storable. */
function dedupeById(batch: readonly StoredMention[]): StoredMention[] {
  const byId = new Map<string, StoredMention>();
  for (const m of batch.map(storable)) byId.set(mentionId(m.platform, m.externalId), m);
  return [...byId.values()];
}

const engagementTotal = (e: { likes: number; reshares: number; replies: number; quotes: number }) =>
  e.likes + e.reshares + e.replies + e.quotes;

/** The mentions row of a scored mention (the bench inserts the same rows in its plain-insert baseline). */
export function toRow(m: StoredMention): NewMention {
  const ref = (id?: string) => (id ? mentionId(m.platform, id) : null);
  return {
    id: mentionId(m.platform, m.externalId),
    platform: m.platform,
    external_id: m.externalId,
    source_id: m.sourceId,
    url: m.url ?? null,
    text: m.text,
    lang: m.lang,
    published_at: Date.parse(m.publishedAt),
    collected_at: m.collectedAt,
    author_id: mentionId(m.author.platform, m.author.externalId),
    reply_to: ref(m.replyTo),
    quote_of: ref(m.quoteOf),
    reshare_of: ref(m.reshareOf),
    likes: m.engagement.likes,
    reshares: m.engagement.reshares,
    replies: m.engagement.replies,
    quotes: m.engagement.quotes,
    views: m.engagement.views ?? null,
    sentiment_label: m.sentiment.label,
    sentiment_score: m.sentiment.score,
    sentiment_confidence: m.sentiment.confidence,
    sentiment_drivers: JSON.stringify(m.sentiment.drivers),
    influence: m.influence,
    reach: Math.round(m.reach),
    risk_flags: JSON.stringify(m.riskFlags),
    topics: '[]',
    is_own: m.authorIsOwn ? 1 : 0,
    first_response_at: null,
  };
}

/** The mention_entities rows of new mentions (the bench's storage baseline writes the same). */
export function linkRows(fresh: readonly StoredMention[]): NewMentionEntity[] {
  return fresh.flatMap((m) =>
    mentionLinks(m).map((link) => ({
      mention_id: mentionId(m.platform, m.externalId),
      entity_id: link.entityId,
      published_at: Date.parse(m.publishedAt),
      sentiment_label: link.label,
      influence: m.influence,
      stance: link.role,
      stance_versus: link.versus ?? null,
    })),
  );
}

/** Inserts or refreshes the batch's authors (influence figures are left to the author-graph job). */
export async function upsertAuthors(trx: Transaction<Database>, dialect: DialectName, batch: readonly StoredMention[]): Promise<void> {
  for (const insert of bulkInserts(trx, dialect, 'authors', authorRows(batch))) {
    await insert
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          handle: eb.ref('excluded.handle'),
          display_name: eb.ref('excluded.display_name'),
          description: eb.ref('excluded.description'),
          followers: eb.ref('excluded.followers'),
          following: eb.ref('excluded.following'),
          verified: eb.ref('excluded.verified'),
          is_own: eb.ref('excluded.is_own'),
          last_seen_at: eb.ref('excluded.last_seen_at'),
        })),
      )
      .execute();
  }
}

/** One authors row per distinct author of the batch, sorted by id. */
export function authorRows(batch: readonly StoredMention[]): NewAuthor[] {
  const byId = new Map<string, StoredMention>();
  for (const m of batch) byId.set(mentionId(m.author.platform, m.author.externalId), m);
  // Sorted so concurrent workers lock shared author rows in the same order and never deadlock.
  return [...byId.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, m]) => ({
    id,
    platform: m.author.platform,
    external_id: m.author.externalId,
    handle: m.author.handle,
    display_name: m.author.displayName ?? null,
    description: m.author.description ?? null,
    followers: m.author.followers,
    following: m.author.following ?? null,
    verified: m.author.verified ? 1 : 0,
    is_own: m.authorIsOwn ? 1 : 0,
    // Influence figures are computed by the periodic author-graph job, never by ingest.
    posts: 0,
    engagement_earned: 0,
    amplified_count: 0,
    influence: 0,
    graph_rank: 0,
    first_seen_at: m.collectedAt,
    last_seen_at: m.collectedAt,
  }));
}

interface Engagement {
  likes: number;
  reshares: number;
  replies: number;
  quotes: number;
  published_at: number;
}

async function existingEngagement(trx: Transaction<Database>, ids: string[]): Promise<Map<string, Engagement>> {
  const found = new Map<string, Engagement>();
  for (const chunk of chunkRows(ids, 1)) {
    const rows = await trx
      .selectFrom('mentions')
      .select(['id', 'likes', 'reshares', 'replies', 'quotes', 'published_at'])
      .where('id', 'in', chunk)
      .execute();
    for (const r of rows) found.set(r.id, r);
  }
  return found;
}

/** Newer engagement counts for mentions seen again; returns the engagement gained, for the rollups. */
async function refreshEngagement(
  trx: Transaction<Database>,
  seen: readonly StoredMention[],
  existing: Map<string, Engagement>,
): Promise<{ mention: StoredMention; delta: number }[]> {
  const deltas: { mention: StoredMention; delta: number }[] = [];
  for (const m of seen) {
    const id = mentionId(m.platform, m.externalId);
    const before = existing.get(id);
    if (!before) continue;
    const delta = engagementTotal(m.engagement) - engagementTotal(before);
    if (delta <= 0) continue; // counts only grow; an older copy arriving late changes nothing
    await trx
      .updateTable('mentions')
      .set({ likes: m.engagement.likes, reshares: m.engagement.reshares, replies: m.engagement.replies, quotes: m.engagement.quotes })
      .where('id', '=', id)
      .execute();
    deltas.push({ mention: m, delta });
  }
  return deltas;
}

/**
 * The brand's own posts (its replies, announcements) are not what people say about it: they stay out of the rollups,
 * so neither the volume nor the tone of the brand's KPIs, nor its detectors, count them.
 */
export function rollupChanges(fresh: readonly StoredMention[], engagementDeltas: { mention: StoredMention; delta: number }[]): RollupAccumulator {
  const rollups = new RollupAccumulator();
  for (const m of fresh) {
    if (m.authorIsOwn) continue;
    rollups.addMention({
      entities: mentionLinks(m).map((l) => ({ entityId: l.entityId, label: l.label, sentimentScore: linkScore(l.label, m.sentiment) })),
      platform: m.platform,
      publishedAt: Date.parse(m.publishedAt),
      engagement: engagementTotal(m.engagement),
      reach: m.reach,
      riskFlagged: m.riskFlags.length > 0,
    });
  }
  for (const { mention, delta } of engagementDeltas) {
    if (mention.authorIsOwn) continue;
    rollups.addEngagement({ entityIds: mentionLinks(mention).map((l) => l.entityId), platform: mention.platform, publishedAt: Date.parse(mention.publishedAt) }, delta);
  }
  return rollups;
}

/**
 * A reply from one of the brand's own accounts answers its parent: the parent's first response time
 * is the earliest such reply. Replies can arrive before their parent, so a new parent also looks for them.
 * Each half is one statement per batch whatever the number of replies: one UPDATE per reply (about 20 a batch of
 * the bench's stream) cost more round trips than the rest of the batch together.
 */
async function recordResponses(trx: Transaction<Database>, dialect: DialectName, fresh: readonly StoredMention[]): Promise<void> {
  const responses = new Map<string, number>();
  for (const m of fresh) {
    if (!m.authorIsOwn || !m.replyTo) continue;
    const parent = mentionId(m.platform, m.replyTo);
    const t = Date.parse(m.publishedAt);
    responses.set(parent, Math.min(responses.get(parent) ?? t, t));
  }
  for (const chunk of chunkRows([...responses], 2)) {
    // VALUES columns are column1, column2 on both databases; the cast types the time on PostgreSQL.
    const values = sql.join(chunk.map(([parent, at]) => sql`(${parent}, cast(${at} as bigint))`));
    // A few rows by primary key, in any week. A week's partition that has no statistics yet (before its first
    // ANALYZE; never, where autovacuum is off) is planned as a hash join over a scan of the whole week: 690 ms a batch
    // at 750,000 rows, growing with the week, half of PostgreSQL's time in bench case 2's million mentions. An index
    // probe per parent is right whatever the statistics say, so the plan is told so for this statement.
    if (dialect === 'postgres') await sql`set local enable_seqscan = off`.execute(trx);
    await sql`update mentions set first_response_at = r.column2 from (values ${values}) as r
      where mentions.id = r.column1 and (mentions.first_response_at is null or mentions.first_response_at > r.column2)`.execute(trx);
    if (dialect === 'postgres') await sql`set local enable_seqscan to default`.execute(trx);
  }
  const parentMentions = fresh.filter((m) => !m.authorIsOwn);
  if (parentMentions.length === 0) return;
  const parents = parentMentions.map((m) => mentionId(m.platform, m.externalId));
  // A reply is published after its parent: on PostgreSQL this bound, a literal known when planning, keeps the
  // lookup to the weekly partitions from the batch's oldest parent on (a day of slack for clocks that disagree).
  let oldest = Infinity;
  for (const m of parentMentions) oldest = Math.min(oldest, Date.parse(m.publishedAt));
  const repliesFrom = oldest - DAY_MS;
  for (const chunk of chunkRows(parents, 1, 5000)) {
    // On PostgreSQL one array parameter instead of 1,000 bound values: less to build here, to parse and to plan there.
    const among = dialect === 'postgres' ? sql`reply_to = any(${chunk}::text[])` : sql`reply_to in (${sql.join(chunk)})`;
    // is_own = 1 as a literal, so that the planner matches the partial index mentions_own_reply_to (migration 0003).
    await sql`update mentions set first_response_at = r.at
      from (select reply_to, min(published_at) as at from mentions
            where ${among} and is_own = 1 and published_at >= ${sql.lit(repliesFrom)} group by reply_to) as r
      where mentions.id = r.reply_to`.execute(trx);
  }
}
