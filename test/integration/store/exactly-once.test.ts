// A retried or duplicated score job stores nothing twice: mentions, entity links and rollups stay exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoredMention } from '../../../src/domain/mention.js';
import { storeMentions, type StoredMention } from '../../../src/store/mention-repository.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/services.js';

function mention(i: number, overrides: Partial<ScoredMention> = {}): StoredMention {
  return {
    platform: 'x',
    externalId: `m${i}`,
    text: `post ${i} about Acme`,
    publishedAt: new Date(Date.UTC(2026, 10, 20, 10, i % 60)).toISOString(),
    author: { platform: 'x', externalId: `a${i % 7}`, handle: `author${i % 7}`, followers: 100 * (i % 7) },
    engagement: { likes: 1, reshares: 0, replies: 0, quotes: 0 },
    lang: 'en',
    sentiment: { label: i % 3 === 0 ? 'negative' : 'positive', score: i % 3 === 0 ? -0.5 : 0.5, confidence: 0.8, drivers: [] },
    influence: 10,
    reach: 100,
    riskFlags: [],
    entityIds: ['acme'],
    sourceId: 'test',
    collectedAt: Date.UTC(2026, 10, 20, 12),
    ...overrides,
  };
}

const sumRollup = async (db: TestDatabase['store']['db'], table: 'rollups_hourly' | 'rollups_minute') =>
  db.selectFrom(table).select((eb) => [eb.fn.sum<number>('total').as('total'), eb.fn.sum<number>('negative').as('negative'), eb.fn.sum<number>('engagement').as('engagement')]).executeTakeFirstOrThrow();

describe.each(DIALECTS)('exactly-once storage on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => t?.destroy());

  it('a retried batch, a concurrent duplicate and an overlapping batch store each mention once', async () => {
    const { db } = t.store;
    const batch = Array.from({ length: 300 }, (_, i) => mention(i));
    const first = await storeMentions(t.store, batch);
    expect(first.inserted).toBe(300);
    expect(first.touched.get('acme')).toBe(Date.UTC(2026, 10, 20, 10, 59));

    const retried = await storeMentions(t.store, batch);
    expect(retried).toMatchObject({ inserted: 0, duplicates: 300 });

    // Two workers running the same new job at once: exactly one of them inserts each row.
    const fresh = Array.from({ length: 200 }, (_, i) => mention(1000 + i));
    const [a, b] = await Promise.all([storeMentions(t.store, fresh), storeMentions(t.store, fresh)]);
    expect(a.inserted + b.inserted).toBe(200);

    // A batch overlapping old and new mentions, with one duplicate inside the batch itself.
    const overlap = [mention(5), mention(2000), mention(2000), mention(2001)];
    expect((await storeMentions(t.store, overlap)).inserted).toBe(2);

    const count = await db.selectFrom('mentions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(502);
    const links = await db.selectFrom('mention_entities').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(links.n)).toBe(502);
    for (const table of ['rollups_hourly', 'rollups_minute'] as const) {
      const sums = await sumRollup(db, table);
      expect(Number(sums.total)).toBe(502);
      expect(Number(sums.engagement)).toBe(502);
    }
  });

  it('a mention seen again with more engagement updates it and the rollups by the difference only', async () => {
    const { db } = t.store;
    const before = await sumRollup(db, 'rollups_hourly');
    const again = mention(7, { engagement: { likes: 11, reshares: 4, replies: 0, quotes: 0 } });
    expect((await storeMentions(t.store, [again])).inserted).toBe(0);
    const row = await db.selectFrom('mentions').select(['likes', 'reshares']).where('id', '=', 'x:m7').executeTakeFirstOrThrow();
    expect(row).toEqual({ likes: 11, reshares: 4 });
    const after = await sumRollup(db, 'rollups_hourly');
    expect(Number(after.engagement) - Number(before.engagement)).toBe(14);
    expect(Number(after.total)).toBe(Number(before.total));
    // An older copy arriving late changes nothing.
    await storeMentions(t.store, [mention(7)]);
    expect(await db.selectFrom('mentions').select(['likes']).where('id', '=', 'x:m7').executeTakeFirstOrThrow()).toEqual({ likes: 11 });
  });

  it('stores text with a NUL or a lone surrogate, cleaned, instead of failing the batch', async () => {
    const { db } = t.store;
    const hostile = mention(3000, { text: 'Acme\u0000 broken \ud83d emoji "quoted" \\ back', author: { platform: 'x', externalId: 'nul', handle: 'nul\u0000l', displayName: '\udc00x', followers: 1 } });
    expect((await storeMentions(t.store, [hostile, mention(3001)])).inserted).toBe(2);
    const row = await db.selectFrom('mentions').select('text').where('id', '=', 'x:m3000').executeTakeFirstOrThrow();
    expect(row.text).toBe('Acme broken \ufffd emoji "quoted" \\ back');
    const author = await db.selectFrom('authors').select(['handle', 'display_name']).where('id', '=', 'x:nul').executeTakeFirstOrThrow();
    expect(author).toEqual({ handle: 'null', display_name: '\ufffdx' });

    // The same characters in an id: cleaned the same way everywhere, so the mention is linked and counted once.
    const hostileId = mention(3002, { externalId: 'id\u0000\ud800' });
    expect(await storeMentions(t.store, [hostileId])).toMatchObject({ inserted: 1, duplicates: 0 });
    expect(await storeMentions(t.store, [hostileId])).toMatchObject({ inserted: 0, duplicates: 1 });
    const link = await db.selectFrom('mention_entities').select('mention_id').where('mention_id', '=', 'x:id\ufffd').executeTakeFirst();
    expect(link).toEqual({ mention_id: 'x:id\ufffd' });
  });
});
