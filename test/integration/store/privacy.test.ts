// GDPR: forgetting an author leaves no trace in any table and the remaining KPIs as if they never posted;
// retention deletes exactly what is past its age and keeps the rollups.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/domain/alert.js';
import { insertAlert } from '../../../src/store/alert-repository.js';
import { storeMentions, type StoredMention } from '../../../src/store/mention-repository.js';
import { applyRetention, exportAuthor, forgetAuthor } from '../../../src/store/privacy-repository.js';
import { quarantine } from '../../../src/store/quarantine-repository.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/services.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 24, 12);

function post(id: string, handle: string, daysAgo: number, extra: Partial<StoredMention> = {}): StoredMention {
  const negative = id.endsWith('n');
  return {
    platform: 'x', externalId: id, text: `Acme post ${id}`, publishedAt: new Date(NOW - daysAgo * DAY).toISOString(),
    author: { platform: 'x', externalId: `id-${handle}`, handle, followers: 500, description: 'just me' },
    engagement: { likes: 3, reshares: 1, replies: 0, quotes: 0 }, lang: 'en',
    sentiment: negative ? { label: 'negative', score: -0.7, confidence: 0.9, drivers: [] } : { label: 'positive', score: 0.4, confidence: 0.7, drivers: [] },
    influence: 20, reach: 700, riskFlags: negative ? ['fraud'] : [], entityIds: ['acme'], sourceId: 'test', collectedAt: NOW - daysAgo * DAY, ...extra,
  };
}

/** Every table, every row, as one lower-case string: where a trace would show. */
async function everything(t: TestDatabase): Promise<string> {
  const tables = ['entities', 'authors', 'mentions', 'mention_entities', 'rollups_hourly', 'rollups_minute', 'alerts', 'alert_deliveries', 'source_cursors', 'quarantine', 'business_metrics', 'digests', 'erasures'] as const;
  const dump: unknown[] = [];
  for (const table of tables) dump.push(await t.store.db.selectFrom(table).selectAll().execute());
  return JSON.stringify(dump).toLowerCase();
}

const rollupTotals = async (t: TestDatabase) =>
  t.store.db.selectFrom('rollups_hourly').select((eb) => [eb.fn.sum<number>('total').as('total'), eb.fn.sum<number>('negative').as('negative'), eb.fn.sum<number>('engagement').as('engagement'), eb.fn.sum<number>('reach').as('reach'), eb.fn.sum<number>('risk_flagged').as('risk')]).executeTakeFirstOrThrow().then((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])));

describe.each(DIALECTS)('privacy on %s', (dialect) => {
  let t: TestDatabase;
  let others: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    others = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    await t?.destroy();
    await others?.destroy();
  });

  it('forget erases the author, their posts, reshares of them and their handle everywhere, and the KPIs match the rest', async () => {
    const erin = [post('e1n', 'Erin_Doe', 1), post('e2', 'Erin_Doe', 2)];
    const rest = [
      post('b1', 'bob', 1, { text: 'I agree with @erin_doe about Acme' }),
      post('b2n', 'bob', 2),
      post('c1', 'carol', 3, { text: 'RT @Erin_Doe: Acme post e1n', reshareOf: 'e1n' }),
      post('c2', 'carol', 3, { text: 'replying to Acme', replyTo: 'e2' }),
    ];
    await storeMentions(t.store, [...erin, ...rest]);
    await quarantine(t.store.db, [{ platform: 'x', sourceId: 'x1', payload: '{"username":"Erin_Doe","text":"broken', error: 'bad' }]);
    const alert: Alert = {
      id: 'a1', dedupKey: 'acme:1', entityId: 'acme', detectors: ['influencer'], severity: 'high', status: 'open', why: "negative mentions led by @Erin_Doe (500 followers): 'Acme post e1n'",
      numbers: {}, evidence: ['x:e1n', 'x:b2n'], phrases: [], onsetAt: NOW - DAY, detectedAt: NOW - DAY, notifiedAt: null, acknowledgedAt: null, acknowledgedBy: null,
      resolvedAt: null, firstResponseAt: null, updatedAt: NOW, lastFiredAt: NOW, lastSeenAt: NOW, quietSince: null,
    };
    await insertAlert(t.store.db, alert);
    // What the KPIs would be had Erin never posted: the remaining posts (minus the reshare of Erin) stored alone.
    await storeMentions(others.store, rest.filter((m) => m.reshareOf === undefined).map((m) => ({ ...m, replyTo: undefined })));

    const exported = await exportAuthor(t.store.db, { platform: 'x', author: '@erin_doe' });
    expect(exported.mentions.map((m) => m.id)).toEqual(['x:e2', 'x:e1n']);
    expect(exported.quarantined).toHaveLength(1);

    const result = await forgetAuthor(t.store.db, { platform: 'x', author: '@erin_doe' }, NOW);
    expect(result).toEqual({ authors: 1, mentions: 3, redacted: 1 });
    const dump = await everything(t);
    expect(dump).not.toContain('erin_doe');
    expect(dump).not.toContain('id-erin_doe');
    expect(dump).not.toContain('x:e1n');
    expect(await rollupTotals(t)).toEqual(await rollupTotals(others));
    const erasures = await t.store.db.selectFrom('erasures').selectAll().execute();
    expect(erasures).toMatchObject([{ platform: 'x', mentions_erased: 3, reason: 'request' }]);
    const text = await t.store.db.selectFrom('mentions').select('text').where('id', '=', 'x:b1').executeTakeFirstOrThrow();
    expect(text.text).toBe('I agree with @[erased] about Acme');
    // Forgetting someone unknown changes nothing.
    expect(await forgetAuthor(t.store.db, { platform: 'x', author: 'nobody' })).toEqual({ authors: 0, mentions: 0, redacted: 0 });
  });

  it('retention deletes only what is past its age and leaves the hourly rollups as they were', async () => {
    await storeMentions(t.store, [post('old1', 'olga', 100), post('old2n', 'olga', 95), post('new1', 'nina', 10), post('new2n', 'olga', 1)]);
    const before = await rollupTotals(t);
    const result = await applyRetention(t.store.db, { mentionsDays: 90, minuteRollupsDays: 3, hourlyRollupsDays: 730, alertsDays: 730, quarantineDays: 30 }, NOW);
    expect(result).toMatchObject({ mentions: 2, authors: 0, minuteRollups: 3, hourlyRollups: 0 });
    const left = await t.store.db.selectFrom('mentions').select('id').orderBy('id').execute();
    expect(left.map((r) => r.id)).toEqual(['x:new1', 'x:new2n']);
    expect(await rollupTotals(t)).toEqual(before);
    const minutes = await t.store.db.selectFrom('rollups_minute').select('bucket_start').execute();
    expect(minutes.map((m) => Number(m.bucket_start))).toEqual([NOW - DAY]);
  });
});
