// Brand replies are recognised: per-mention first response time, per-alert time to first response, and the inbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeMentions, type StoredMention } from '../../../src/store/mention-repository.js';
import { firstResponseAt, responseInbox } from '../../../src/store/response-queries.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/services.js';

const T0 = Date.UTC(2026, 10, 20, 9, 0);
const minutes = (n: number) => new Date(T0 + n * 60_000).toISOString();

function post(id: string, at: number, opts: Partial<StoredMention> & { own?: boolean; influence?: number; negative?: boolean } = {}): StoredMention {
  const own = opts.own ?? false;
  return {
    platform: 'x',
    externalId: id,
    text: own ? 'Sorry to hear that, we are on it @someone' : `Acme broke again ${id}`,
    publishedAt: minutes(at),
    author: own ? { platform: 'x', externalId: 'acme', handle: 'acme', followers: 50_000 } : { platform: 'x', externalId: `u-${id}`, handle: `user_${id}`, followers: 1000 },
    engagement: { likes: 0, reshares: 0, replies: 0, quotes: 0 },
    lang: 'en',
    sentiment: opts.negative === false || own ? { label: 'neutral', score: 0, confidence: 0.5, drivers: [] } : { label: 'negative', score: -0.6, confidence: 0.8, drivers: [] },
    influence: opts.influence ?? 50,
    reach: 1000,
    riskFlags: [],
    entityIds: ['acme'],
    sourceId: 'test',
    collectedAt: T0,
    authorIsOwn: own,
    ...opts,
  };
}

describe.each(DIALECTS)('brand responses on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => t?.destroy());

  it('records the earliest brand reply, even one stored before its parent, and leaves the rest in the inbox', async () => {
    const { db } = t.store;
    // The reply to p2 arrives before p2 itself.
    await storeMentions(t.store, [post('p1', 0, { influence: 80 }), post('r1', 25, { own: true, replyTo: 'p1' }), post('r2', 40, { own: true, replyTo: 'p2' })]);
    await storeMentions(t.store, [post('p2', 10, { influence: 70 }), post('p3', 12, { influence: 90 }), post('p4', 14, { influence: 5 }), post('r1b', 30, { own: true, replyTo: 'p1' })]);

    const rows = await db.selectFrom('mentions').select(['id', 'first_response_at']).where('id', 'in', ['x:p1', 'x:p2', 'x:p3']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'x:p1', first_response_at: T0 + 25 * 60_000 },
      { id: 'x:p2', first_response_at: T0 + 40 * 60_000 },
      { id: 'x:p3', first_response_at: null },
    ]);

    const inbox = await responseInbox(db, { entityId: 'acme', since: T0, minInfluence: 20 });
    expect(inbox.map((m) => m.id)).toEqual(['x:p3']);

    // The alert on p1..p3 was first answered by the reply at +25 min (before the brand's other posts).
    expect(await firstResponseAt(db, { entityId: 'acme', onsetAt: T0, evidence: ['x:p3', 'x:p2', 'x:p1'] })).toBe(T0 + 25 * 60_000);
    // Nothing the brand said before the onset counts.
    expect(await firstResponseAt(db, { entityId: 'acme', onsetAt: T0 + 60 * 60_000, evidence: ['x:p3'] })).toBeNull();
  });
});
