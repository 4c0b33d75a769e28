// PostgreSQL partitions of mentions by week: migration 0009 converts a filled table in place, ingest stays exactly
// once across the legacy and the weekly partitions, maintain creates weeks ahead, retention drops whole weeks.
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index.js';
import { openDatabase, type Store } from '../../../src/store/database.js';
import { createPartitionsAhead, dropExpiredPartitions, listPartitions, partitionName, weekStart } from '../../../src/store/mention-partitions.js';
import { migrateTo, migrateToLatest } from '../../../src/store/migrate.js';
import { storeMentions, type StoredMention } from '../../../src/store/mention-repository.js';
import { applyRetention } from '../../../src/store/privacy-repository.js';
import { POSTGRES_URL, uniqueName } from '../../helpers/services.js';
import type { AppContext } from '../../../src/app/context.js';
import { createLogger } from '../../../src/logger.js';
import { runMaintain } from '../../../src/stages/maintain.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 12); // a Wednesday
const POLICY = { mentionsDays: 90, minuteRollupsDays: 3, hourlyRollupsDays: 730, alertsDays: 730, quarantineDays: 30 };

function mention(id: string, publishedAt: number): StoredMention {
  return {
    platform: 'x', externalId: id, text: `post ${id} about Acme`, publishedAt: new Date(publishedAt).toISOString(),
    author: { platform: 'x', externalId: 'a1', handle: 'author1', followers: 10 },
    engagement: { likes: 1, reshares: 0, replies: 0, quotes: 0 }, lang: 'en',
    sentiment: { label: 'neutral', score: 0, confidence: 0.5, drivers: [] }, influence: 1, reach: 10, riskFlags: [],
    entityIds: ['acme'], sourceId: 'test', collectedAt: publishedAt,
  };
}

let store: Store | undefined;
let schema: string | undefined;
afterEach(async () => {
  await store?.close();
  if (schema) {
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
  store = schema = undefined;
});

async function openSchema(): Promise<Store> {
  schema = uniqueName('part');
  store = await openDatabase(POSTGRES_URL, 'data', { schema, poolSize: 3 });
  return store;
}

const count = async (s: Store, table: 'mentions' | 'mention_entities') => Number((await s.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const relkind = async (s: Store, table: string) => (await sql<{ relkind: string }>`SELECT relkind FROM pg_class WHERE oid = to_regclass(${table})`.execute(s.db)).rows[0]?.relkind;

describe('mentions partitioned by week on PostgreSQL', () => {
  it('converts a filled unpartitioned table in place and stays exactly once', async () => {
    const s = await openSchema();
    // Through the store's wrapper: it retries kysely's introspection, which a schema dropped by a parallel test breaks.
    const before = Object.keys(migrations).filter((name) => name < '0009');
    await migrateTo(s, before.at(-1)!);
    expect(await relkind(s, 'mentions')).toBe('r');
    // 20,000 mentions over the last 200 days, one entity link each, written the pre-0009 way.
    await sql`INSERT INTO mentions (id, platform, external_id, source_id, text, lang, published_at, collected_at, author_id,
        sentiment_label, sentiment_score, sentiment_confidence, sentiment_drivers, influence, reach, risk_flags, topics)
      SELECT 'x:old' || g, 'x', 'old' || g, 'test', 'old post ' || g, 'en', ${NOW}::bigint - g::bigint * 864000, ${NOW}::bigint, 'x:a1',
        'neutral', 0, 0.5, '[]', 1, 10, '[]', '[]' FROM generate_series(1, 20000) AS g`.execute(s.db);
    await sql`INSERT INTO mention_entities (mention_id, entity_id, published_at, sentiment_label, influence)
      SELECT id, 'acme', published_at, sentiment_label, influence FROM mentions`.execute(s.db);

    await migrateToLatest(s);
    expect(await relkind(s, 'mentions')).toBe('p');
    expect(await relkind(s, 'mention_entities')).toBe('p');
    expect(await count(s, 'mentions')).toBe(20_000);
    expect(await count(s, 'mention_entities')).toBe(20_000);
    const parts = await listPartitions(s.db);
    expect(parts.filter((p) => p.name.endsWith('_legacy')).map((p) => p.name).sort()).toEqual(['mention_entities_legacy', 'mentions_legacy']);
    // The indexes of the old table serve the parent's (no second copy), and lookups by time still use them.
    // pg_indexes spans every schema: another test's or bench's conversion running beside this one has its own mentions_legacy.
    const indexes = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = ${schema} AND tablename = 'mentions_legacy'`.execute(s.db);
    expect(indexes.rows[0].n).toBe(5);

    // A mention already in the legacy partition, sent again: not stored twice. A new one lands in its week.
    const old = await s.db.selectFrom('mentions').select(['external_id', 'published_at']).where('id', '=', 'x:old7').executeTakeFirstOrThrow();
    const again = await storeMentions(s, [mention('old7', old.published_at), mention('new1', Date.now() + 8 * DAY)]);
    expect(again).toMatchObject({ inserted: 1, duplicates: 1 });
    const home = await sql<{ part: string }>`SELECT tableoid::regclass::text AS part FROM mentions WHERE id = 'x:new1'`.execute(s.db);
    expect(home.rows[0].part).toBe(partitionName('mentions', weekStart(Date.now() + 8 * DAY)));

    // Retention once the legacy partition's last week is past: it goes whole, the new week stays.
    const legacyEnd = parts.find((p) => p.name === 'mentions_legacy')!.upperBound;
    const dropped = await dropExpiredPartitions(s.db, legacyEnd);
    expect(dropped.sort()).toEqual(['mention_entities_legacy', 'mentions_legacy']);
    expect(await count(s, 'mentions')).toBe(1);
    expect(await count(s, 'mention_entities')).toBe(1);
  });

  it('creates weeks ahead, drops the expired ones and deletes only the expired rows of the straddling week', async () => {
    const s = await openSchema();
    await migrateToLatest(s);
    expect(await relkind(s, 'mentions')).toBe('p');
    expect((await listPartitions(s.db)).some((p) => p.name.endsWith('_legacy'))).toBe(false);
    await createPartitionsAhead(s.db, NOW);
    const names = new Set((await listPartitions(s.db)).map((p) => p.name));
    for (let k = 0; k <= 4; k++) expect(names.has(partitionName('mentions', weekStart(NOW) + k * 7 * DAY))).toBe(true);

    // One mention a day for 120 days: weeks wholly older than 90 days are dropped, the week across the cutoff is trimmed.
    const batch = Array.from({ length: 120 }, (_, d) => mention(`d${d}`, NOW - d * DAY - 3_600_000));
    expect((await storeMentions(s, batch)).inserted).toBe(120);
    // The team labelled and tagged an old post and a recent one: the old one's labels and tags go with its week.
    for (const id of ['x:d100', 'x:d1']) {
      const judged = { mention_id: id, label: 'negative', labelled_by: 'ana', labelled_at: NOW, source: 'dashboard' };
      await s.db.insertInto('mention_labels').values({ ...judged, machine_label: 'neutral', machine_score: 0, machine_confidence: 0.5 }).execute();
      await s.db.insertInto('label_events').values({ ...judged, id: `event-${id}`, previous_label: null }).execute();
      const publishedAt = NOW - Number(id.slice(3)) * DAY - 3_600_000;
      await s.db.insertInto('mention_tags').values({ mention_id: id, tag_id: 'delivery', applies: 1, source: 'label', confidence: 1, labelled_by: 'ana', labelled_at: NOW, published_at: publishedAt }).execute();
    }
    const cutoff = NOW - 90 * DAY;
    const dropped = await dropExpiredPartitions(s.db, cutoff);
    for (const table of ['mention_labels', 'label_events', 'mention_tags'] as const) {
      expect((await s.db.selectFrom(table).select('mention_id').execute()).map((r) => r.mention_id)).toEqual(['x:d1']);
    }
    expect(dropped.length).toBeGreaterThanOrEqual(6); // 3 whole weeks, both tables
    expect(dropped.every((name) => (listedBound(name) ?? 0) + 7 * DAY <= cutoff)).toBe(true);
    const result = await applyRetention(s.db, POLICY, NOW);
    expect(result.mentions).toBeGreaterThan(0);
    expect(result.mentions).toBeLessThan(7); // only the straddling week's rows went by DELETE
    const left = await s.db.selectFrom('mentions').select('published_at').execute();
    expect(left.length).toBe(90);
    expect(left.every((m) => m.published_at >= cutoff)).toBe(true);
    expect(await count(s, 'mention_entities')).toBe(90);
  });
});

describe('the nightly retention job on PostgreSQL', () => {
  it('creates the coming weeks, drops the expired ones and analyses the weeks being written', async () => {
    const s = await openSchema();
    await migrateToLatest(s);
    await storeMentions(s, [mention('old', NOW - 200 * DAY), mention('last-week', NOW - 7 * DAY), mention('recent', NOW - DAY)]);
    const ctx = { store: s, config: { retention: POLICY }, now: () => NOW, logger: createLogger({ level: 'silent' }) } as unknown as AppContext;
    const result = await runMaintain(ctx, { task: 'retention' });
    expect(result).toMatchObject({ partitionsDropped: 2, partitionsAnalysed: 4 }); // the old week, mentions and links; this week's and last week's
    // The planner now knows the current week holds a row (reltuples is -1 for a table never analysed).
    const thisWeek = partitionName('mentions', weekStart(NOW));
    const tuples = await sql<{ reltuples: number }>`SELECT reltuples FROM pg_class WHERE oid = to_regclass(${thisWeek})`.execute(s.db);
    expect(Number(tuples.rows[0].reltuples)).toBe(1);
    const names = new Set((await listPartitions(s.db)).map((p) => p.name));
    expect(names.has(partitionName('mentions', weekStart(NOW - 200 * DAY)))).toBe(false);
    for (let k = 0; k <= 4; k++) expect(names.has(partitionName('mention_entities', weekStart(NOW) + k * 7 * DAY))).toBe(true);
    expect((await s.db.selectFrom('mentions').select('external_id').execute()).map((m) => m.external_id).sort()).toEqual(['last-week', 'recent']);
  });
});

/** The Monday of a partition named like mentions_p20261116. */
function listedBound(name: string): number | undefined {
  const m = /_p(\d{4})(\d{2})(\d{2})$/.exec(name);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}
