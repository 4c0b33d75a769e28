// The periodic author-graph job: who gets amplified by whom ranks them, and influence is written back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { recomputeInfluence } from '../../../src/stages/maintain.js';
import { storeMentions, type StoredMention } from '../../../src/store/mention-repository.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/services.js';

const NOW = Date.UTC(2026, 10, 24, 12);

function post(id: string, handle: string, followers: number, extra: Partial<StoredMention> = {}): StoredMention {
  return {
    platform: 'x', externalId: id, text: `Acme ${id}`, publishedAt: new Date(NOW - 3_600_000).toISOString(),
    author: { platform: 'x', externalId: handle, handle, followers }, engagement: { likes: 0, reshares: 0, replies: 0, quotes: 0 },
    lang: 'en', sentiment: { label: 'neutral', score: 0, confidence: 0.5, drivers: [] }, influence: 0, reach: followers,
    riskFlags: [], entityIds: ['acme'], sourceId: 'test', collectedAt: NOW, ...extra,
  };
}

describe.each(DIALECTS)('author influence on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => t?.destroy());

  it('ranks the amplified author above a bigger but ignored one', async () => {
    // "hub" has few followers but five people reshare or answer them; "loud" has many followers and nobody reacts.
    const mentions = [
      post('hub1', 'hub', 800, { engagement: { likes: 40, reshares: 4, replies: 2, quotes: 0 } }),
      post('loud1', 'loud', 90_000),
      ...['a', 'b', 'c', 'd', 'e'].map((h, i) => post(`r${h}`, h, 100, i % 2 ? { replyTo: 'hub1' } : { reshareOf: 'hub1' })),
    ];
    await storeMentions(t.store, mentions);
    const ctx = { store: t.store, now: () => NOW } as unknown as AppContext;
    expect(await recomputeInfluence(ctx)).toBe(7);
    const rows = await t.store.db.selectFrom('authors').select(['id', 'influence', 'graph_rank', 'amplified_count', 'posts']).orderBy('influence', 'desc').execute();
    expect(rows[0]).toMatchObject({ id: 'x:hub', amplified_count: 5, posts: 1, graph_rank: 1 });
    const loud = rows.find((r) => r.id === 'x:loud')!;
    expect(loud.amplified_count).toBe(0);
    expect(rows[0].influence).toBeGreaterThan(loud.influence);
    expect(loud.influence).toBeGreaterThan(rows.find((r) => r.id === 'x:a')!.influence);
  });
});
