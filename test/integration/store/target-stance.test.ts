// Per-entity tone stored on SQLite and PostgreSQL: a post praising a competitor at the brand's expense counts as
// negative for the brand (linked once, though only the competitor is named) and not for the competitor, and the
// rollups stay exactly what the stored links say through retries, team corrections and erasures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentimentLabel } from '../../../src/domain/mention.js';
import { createTargetStance, linkScore, type StanceEntity } from '../../../src/scoring/target-stance.js';
import { applyLabels } from '../../../src/store/label-repository.js';
import { storeMentions, type StoredMention } from '../../../src/store/mention-repository.js';
import { listMentions } from '../../../src/store/mention-queries.js';
import { summariseMentions } from '../../../src/store/mention-summary-queries.js';
import { forgetAuthor } from '../../../src/store/privacy-repository.js';
import { responseInbox } from '../../../src/store/response-queries.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/services.js';

const T0 = Date.UTC(2026, 10, 24, 10);
const ENTITIES: StanceEntity[] = [
  { id: 'kelio', name: 'Kelio', kind: 'brand', terms: ['Kelio', '@kelio'] },
  { id: 'kelio-aura', name: 'Kelio Aura', kind: 'product', parent: 'kelio', terms: ['Kelio Aura', '#KelioAura'] },
  { id: 'veltra', name: 'Veltra', kind: 'competitor', parent: 'kelio', terms: ['Veltra', '@veltra', '#veltra'] },
];
const stance = createTargetStance(ENTITIES);

/** A mention as the score stage hands it to storage (scoreMention): its tone, then its links per target. */
function scored(id: string, handle: string, text: string, label: SentimentLabel, score: number, entityIds: string[], minute: number): StoredMention {
  const targets = stance.targets({ text, lang: 'en', tone: label, entityIds });
  return {
    platform: 'x', externalId: id, text, publishedAt: new Date(T0 + minute * 60_000).toISOString(),
    author: { platform: 'x', externalId: `id-${handle}`, handle, followers: 100 },
    engagement: { likes: 2, reshares: 1, replies: 0, quotes: 0 }, lang: 'en',
    sentiment: { label, score, confidence: 0.8, drivers: [] }, influence: 10, reach: 300, riskFlags: [],
    entityIds: targets.map((t) => t.entityId), targets, sourceId: 'test', collectedAt: T0,
  };
}

const BATCH = [
  scored('m1', 'alice', 'yeah no. glad i went with #Veltra last year. at least it does not melt.', 'negative', -0.5, ['veltra'], 0),
  scored('m2', 'bob', '@veltra must be enjoying this Kelio Aura mess', 'negative', -0.4, ['kelio', 'kelio-aura', 'veltra'], 1),
  scored('m3', 'carol', 'Veltra support is awful', 'negative', -0.6, ['veltra'], 2),
];

type Counts = Record<string, { total: number; negative: number; neutral: number; positive: number; sum: number }>;
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Per entity, what a rollup table holds. */
async function rollups(t: TestDatabase, table: 'rollups_hourly' | 'rollups_minute'): Promise<Counts> {
  const rows = await t.store.db
    .selectFrom(table)
    .select((eb) => ['entity_id', eb.fn.sum<number>('total').as('total'), eb.fn.sum<number>('negative').as('negative'), eb.fn.sum<number>('neutral').as('neutral'), eb.fn.sum<number>('positive').as('positive'), eb.fn.sum<number>('sentiment_sum').as('sum')])
    .groupBy('entity_id')
    .execute();
  return Object.fromEntries(rows.filter((r) => Number(r.total) !== 0).map((r) => [r.entity_id, { total: Number(r.total), negative: Number(r.negative), neutral: Number(r.neutral), positive: Number(r.positive), sum: round(Number(r.sum)) }]));
}

/** Per entity, the same figures recounted from the stored links and their mentions: what the rollups must equal. */
async function recount(t: TestDatabase): Promise<Counts> {
  const rows = await t.store.db
    .selectFrom('mention_entities as me')
    .innerJoin('mentions as m', 'm.id', 'me.mention_id')
    .select(['me.entity_id', 'me.sentiment_label', 'm.sentiment_label as tone', 'm.sentiment_score'])
    .execute();
  const out: Counts = {};
  for (const r of rows) {
    const c = (out[r.entity_id] ??= { total: 0, negative: 0, neutral: 0, positive: 0, sum: 0 });
    const label = r.sentiment_label as SentimentLabel;
    c.total += 1;
    c[label] += 1;
    c.sum = round(c.sum + linkScore(label, { label: r.tone as SentimentLabel, score: r.sentiment_score }));
  }
  return out;
}

async function expectExact(t: TestDatabase): Promise<Counts> {
  const expected = await recount(t);
  expect(await rollups(t, 'rollups_hourly')).toEqual(expected);
  expect(await rollups(t, 'rollups_minute')).toEqual(expected);
  return expected;
}

describe.each(DIALECTS)('per-entity tone on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('stores each link with its own label, the implied brand link exactly once, and rolls them up per entity', async () => {
    expect((await storeMentions(t.store, BATCH)).inserted).toBe(3);
    // A retried job changes nothing.
    expect((await storeMentions(t.store, BATCH)).inserted).toBe(0);
    const links = await t.store.db.selectFrom('mention_entities').select(['mention_id', 'entity_id', 'sentiment_label', 'stance', 'stance_versus']).orderBy('mention_id').orderBy('entity_id').execute();
    expect(links).toEqual([
      { mention_id: 'x:m1', entity_id: 'kelio', sentiment_label: 'negative', stance: 'implied', stance_versus: 'veltra' },
      { mention_id: 'x:m1', entity_id: 'veltra', sentiment_label: 'positive', stance: 'favoured', stance_versus: 'kelio' },
      { mention_id: 'x:m2', entity_id: 'kelio', sentiment_label: 'negative', stance: 'direct', stance_versus: null },
      { mention_id: 'x:m2', entity_id: 'kelio-aura', sentiment_label: 'negative', stance: 'direct', stance_versus: null },
      { mention_id: 'x:m2', entity_id: 'veltra', sentiment_label: 'neutral', stance: 'bystander', stance_versus: null },
      { mention_id: 'x:m3', entity_id: 'veltra', sentiment_label: 'negative', stance: 'direct', stance_versus: null },
    ]);
    expect(await expectExact(t)).toEqual({
      kelio: { total: 2, negative: 2, neutral: 0, positive: 0, sum: -0.9 },
      'kelio-aura': { total: 1, negative: 1, neutral: 0, positive: 0, sum: -0.4 },
      // Only the plain complaint is negative for the competitor.
      veltra: { total: 3, negative: 1, neutral: 1, positive: 1, sum: -0.1 },
    });
  });

  it('lists, summarises and queues an entity\'s mentions by the tone of its link, and shows each link\'s stance', async () => {
    const ids = async (entityId: string, sentiment: SentimentLabel) => (await listMentions(t.store.db, { entityId, sentiment })).map((m) => m.id).sort();
    expect(await ids('veltra', 'negative')).toEqual(['x:m3']);
    expect(await ids('veltra', 'positive')).toEqual(['x:m1']);
    expect(await ids('kelio', 'negative')).toEqual(['x:m1', 'x:m2']);
    expect((await summariseMentions(t.store.db, { entityId: 'veltra' })).tones).toEqual({ negative: 1, neutral: 1, positive: 1 });
    expect((await summariseMentions(t.store.db, { entityId: 'kelio', sentiment: 'negative' })).total).toBe(2);
    const [m1] = await listMentions(t.store.db, { ids: ['x:m1'] });
    expect(m1.targets.sort((a, b) => a.entityId.localeCompare(b.entityId))).toEqual([
      { entityId: 'kelio', label: 'negative', stance: 'implied', versus: 'veltra' },
      { entityId: 'veltra', label: 'positive', stance: 'favoured', versus: 'kelio' },
    ]);
    // The community manager's inbox: the post choosing Veltra over Kelio is Kelio's to answer, not Veltra's.
    const inbox = async (entityId: string) => (await responseInbox(t.store.db, { entityId, since: 0, minInfluence: 0 })).map((m) => m.id).sort();
    expect(await inbox('kelio')).toEqual(['x:m1', 'x:m2']);
    expect(await inbox('veltra')).toEqual(['x:m3']);
  });

  it('a team correction of the tone re-labels every link through its stance, keeping the rollups exact', async () => {
    const at = T0 + 3_600_000;
    await applyLabels(t.store, [{ mentionId: 'x:m1', label: 'neutral', by: 'ana', source: 'dashboard', at }]);
    let counts = await expectExact(t);
    expect(counts.kelio).toMatchObject({ total: 2, negative: 1, neutral: 1 });
    expect(counts.veltra).toMatchObject({ total: 3, negative: 1, neutral: 2, positive: 0 });

    // "Positive" for a post choosing Veltra over Kelio: still bad news for Kelio, good for Veltra.
    await applyLabels(t.store, [{ mentionId: 'x:m1', label: 'positive', by: 'ana', source: 'dashboard', at: at + 1 }]);
    counts = await expectExact(t);
    expect(counts.kelio).toMatchObject({ negative: 2, neutral: 0 });
    expect(counts.veltra).toMatchObject({ positive: 1, neutral: 1, negative: 1 });

    // The gloat corrected to positive: positive for everyone it names; then the label removed: the machine's reading back.
    await applyLabels(t.store, [{ mentionId: 'x:m2', label: 'positive', by: 'ana', source: 'dashboard', at: at + 2 }]);
    counts = await expectExact(t);
    expect(counts['kelio-aura']).toMatchObject({ positive: 1, negative: 0 });
    await applyLabels(t.store, [{ mentionId: 'x:m1', label: null, by: 'ana', source: 'dashboard', at: at + 3 }, { mentionId: 'x:m2', label: null, by: 'ana', source: 'dashboard', at: at + 3 }]);
    expect(await expectExact(t)).toEqual({
      kelio: { total: 2, negative: 2, neutral: 0, positive: 0, sum: -0.9 },
      'kelio-aura': { total: 1, negative: 1, neutral: 0, positive: 0, sum: -0.4 },
      veltra: { total: 3, negative: 1, neutral: 1, positive: 1, sum: -0.1 },
    });
  });

  it('an erasure takes every link out with the label it was counted with', async () => {
    await applyLabels(t.store, [{ mentionId: 'x:m1', label: 'neutral', by: 'ana', source: 'dashboard', at: T0 + 7_200_000 }]);
    expect(await forgetAuthor(t.store.db, { platform: 'x', author: 'alice' }, T0 + 8_000_000)).toMatchObject({ mentions: 1 });
    expect(await expectExact(t)).toEqual({
      kelio: { total: 1, negative: 1, neutral: 0, positive: 0, sum: -0.4 },
      'kelio-aura': { total: 1, negative: 1, neutral: 0, positive: 0, sum: -0.4 },
      veltra: { total: 2, negative: 1, neutral: 1, positive: 0, sum: -0.6 },
    });
    await forgetAuthor(t.store.db, { platform: 'x', author: 'bob' }, T0 + 8_000_000);
    expect(await expectExact(t)).toEqual({ veltra: { total: 1, negative: 1, neutral: 0, positive: 0, sum: -0.6 } });
  });
});
