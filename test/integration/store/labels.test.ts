// A label wins at once everywhere (mention, entity links, rollups) and moves the rollups exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoredMention } from '../../../src/domain/mention.js';
import { entityTotals } from '../../../src/store/kpi-queries.js';
import { applyLabels, countLabels, labelledMentions, type LabelInput } from '../../../src/store/label-repository.js';
import { listMentions } from '../../../src/store/mention-queries.js';
import { storeMentions, type StoredMention } from '../../../src/store/mention-repository.js';
import { applyRetention, forgetAuthor } from '../../../src/store/privacy-repository.js';
import { mostEngagingPositiveMention } from '../../../src/store/digest-queries.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/services.js';
import { alternatingTone, readingOf, storedMention } from '../../helpers/stored-mention.js';

const T0 = Date.UTC(2026, 10, 20, 10);
const PERIOD = { from: T0 - 86_400_000, to: T0 + 86_400_000 };

const mention = (i: number, overrides: Partial<StoredMention & ScoredMention> = {}): StoredMention =>
  storedMention(i, T0, { engagement: { likes: 2, reshares: 0, replies: 0, quotes: 0 }, sentiment: readingOf(alternatingTone(i)), influence: 10, reach: 100, ...overrides });

const label = (i: number, l: LabelInput['label'], by = 'ana'): LabelInput => ({ mentionId: `x:m${i}`, label: l, by, source: 'api', at: T0 + 3_600_000 + i });

describe.each(DIALECTS)('labels on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await storeMentions(t.store, [mention(0), mention(1), mention(2), mention(3), mention(9, { authorIsOwn: true, author: { platform: 'x', externalId: 'own', handle: 'acme', followers: 1 } })]);
  });
  afterAll(async () => t?.destroy());

  const totals = async () => (await entityTotals(t.store.db, ['acme'], PERIOD)).get('acme')!;
  const hourly = async () => t.store.db.selectFrom('rollups_minute').select((eb) => [eb.fn.sum<number>('negative').as('n'), eb.fn.sum<number>('positive').as('p')]).executeTakeFirstOrThrow();

  it('leaves the brand\'s own posts out of the rollups', async () => {
    expect(await totals()).toMatchObject({ total: 4, negative: 2, positive: 2 });
  });

  it('moves a relabelled mention from one tone to the other once, however often the label is repeated', async () => {
    const before = await totals();
    const [first] = await applyLabels(t.store, [label(0, 'positive')]);
    expect(first).toEqual({ mentionId: 'x:m0', status: 'changed', effective: 'positive' });
    // The same label again, from the dashboard and from an import: nothing moves.
    const repeats = await applyLabels(t.store, [label(0, 'positive', 'bob'), label(0, 'positive')]);
    expect(repeats.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
    // Two concurrent requests for the same label: one changes it, the other finds it done.
    const concurrent = await Promise.all([applyLabels(t.store, [label(1, 'negative')]), applyLabels(t.store, [label(1, 'negative')])]);
    expect(concurrent.flat().map((r) => r.status).sort()).toEqual(['changed', 'unchanged']);

    const after = await totals();
    expect(after.total).toBe(before.total);
    expect(after.negative).toBe(before.negative); // m0 left negative, m1 joined it
    expect(after.positive).toBe(before.positive);
    expect(after.sentimentSum).toBeCloseTo(before.sentimentSum + 0.4 + 0.5 - 0.3 - 0.5, 6);
    expect(Number((await hourly()).n)).toBe(2);

    const [m0] = await listMentions(t.store.db, { text: 'post 0 ' });
    expect(m0.sentiment).toMatchObject({ label: 'positive', confidence: 1 });
    const links = await t.store.db.selectFrom('mention_entities').select('sentiment_label').where('mention_id', '=', 'x:m0').executeTakeFirstOrThrow();
    expect(links.sentiment_label).toBe('positive');
  });

  it('keeps who and when, the machine reading, and every change; removing a label restores the machine', async () => {
    await applyLabels(t.store, [label(2, 'neutral', 'carla')]);
    const events = await t.store.db.selectFrom('label_events').selectAll().where('mention_id', '=', 'x:m2').execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ label: 'neutral', previous_label: null, labelled_by: 'carla', source: 'api' });
    expect((await totals()).neutral).toBe(1);

    await applyLabels(t.store, [label(2, null, 'carla')]);
    expect((await totals())).toMatchObject({ neutral: 0, negative: 2 });
    const [m2] = await listMentions(t.store.db, { text: 'post 2 ' });
    expect(m2.sentiment).toEqual({ label: 'negative', score: -0.4, confidence: 0.6, drivers: [] });
    expect(await countLabels(t.store.db)).toEqual({ total: 2, since: 2 });

    const pages = [];
    for await (const page of labelledMentions(t.store.db, { pageSize: 1 })) pages.push(...page);
    expect(pages.map((p) => [p.mentionId, p.label, p.machineLabel, p.text])).toEqual([
      ['x:m0', 'positive', 'negative', 'post 0 about Acme'],
      ['x:m1', 'negative', 'positive', 'post 1 about Acme'],
    ]);
  });

  it('labels the brand\'s own posts without touching the rollups, and reports unknown mentions', async () => {
    const before = await totals();
    const out = await applyLabels(t.store, [label(9, 'negative'), { ...label(0, 'neutral'), mentionId: 'x:nope' }]);
    expect(out.map((o) => o.status)).toEqual(['changed', 'unknown-mention']);
    expect(await totals()).toEqual(before);
  });

  it('erasing an author erases their labels with their posts and takes the corrected reading out of the rollups', async () => {
    await forgetAuthor(t.store.db, { platform: 'x', author: 'author0' }, T0 + 7_200_000);
    expect(await countLabels(t.store.db)).toMatchObject({ total: 2 });
    expect(await totals()).toMatchObject({ total: 3, positive: 1, negative: 2, neutral: 0 });
  });

  it('the digest\'s best positive moment follows the labels', async () => {
    const best = async () => (await mostEngagingPositiveMention(t.store.db, ['acme'], PERIOD))?.id;
    expect(await best()).toBe('x:m3');
    await applyLabels(t.store, [label(3, 'negative')]);
    expect(await best()).toBeUndefined();
    await applyLabels(t.store, [label(2, 'positive')]);
    expect(await best()).toBe('x:m2');
  });

  it('retention takes labels and tags away with the posts', async () => {
    await applyRetention(t.store.db, { mentionsDays: 1, minuteRollupsDays: 3, hourlyRollupsDays: 730, alertsDays: 730, quarantineDays: 30 }, T0 + 3 * 86_400_000);
    expect(await countLabels(t.store.db)).toMatchObject({ total: 0 });
    expect(await t.store.db.selectFrom('label_events').selectAll().execute()).toEqual([]);
  });
});
