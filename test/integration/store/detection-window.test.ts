// The detectors' window: rollups as series, notable mentions without the brand's own statements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEntityWindow } from '../../../src/store/detection-window.js';
import { storeMentions, type StoredMention } from '../../../src/store/mention-repository.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/services.js';

const NOW = Date.UTC(2026, 10, 24, 12);

function post(id: string, minutesAgo: number, label: 'negative' | 'positive', own = false): StoredMention {
  return {
    platform: 'x', externalId: id, text: `Acme ${id}`, publishedAt: new Date(NOW - minutesAgo * 60_000).toISOString(),
    author: own ? { platform: 'x', externalId: 'acme', handle: 'acme', followers: 90_000 } : { platform: 'x', externalId: `u${id}`, handle: `u${id}`, followers: 10 },
    engagement: { likes: 1, reshares: 0, replies: 0, quotes: 0 }, lang: 'en',
    sentiment: { label, score: label === 'negative' ? -0.5 : 0.5, confidence: 0.8, drivers: [] },
    influence: own ? 90 : 10, reach: 100, riskFlags: [], entityIds: ['acme'], sourceId: 't', collectedAt: NOW, authorIsOwn: own,
  };
}

describe.each(DIALECTS)('detection window on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => t?.destroy());

  it('sums minutes and complete hours, and leaves the brand’s own statements out of the evidence', async () => {
    await storeMentions(t.store, [post('a', 5, 'negative'), post('b', 5, 'positive'), post('c', 90, 'negative'), post('own', 3, 'negative', true), post('old', 26 * 60, 'negative')]);
    const w = await loadEntityWindow(t.store.db, 'acme', NOW);
    expect(w.notable.map((m) => m.id).sort()).toEqual(['x:a', 'x:c']);
    expect(w.recentNegativeTexts.sort()).toEqual(['Acme a', 'Acme c']);
    expect(w.backgroundTexts).toEqual(['Acme old']);
    const fiveMinutesAgo = w.minutes.find((b) => b.start === NOW - 5 * 60_000)!;
    expect(fiveMinutesAgo).toMatchObject({ total: 2, negative: 1, positive: 1 });
    // The rollups count what others say, not the brand's own posts (its replies would dilute a crisis's negative
    // share of audience); only complete hours (before NOW) are history.
    expect(w.hours.every((h) => h.start < NOW)).toBe(true);
    expect(w.hours.reduce((s, h) => s + h.total, 0)).toBe(4);
    // The week before the recent 3 h, minute by minute, from which the detectors learn how bursty the entity is and its usual peaks.
    expect(w.fineHistory).toMatchObject({ stepMs: 60_000, from: NOW - 3 * 3_600_000 - 7 * 86_400_000, to: NOW - 3 * 3_600_000 });
    expect(w.fineHistory!.buckets.map((b) => [b.start, b.total])).toEqual([[NOW - 26 * 3_600_000, 1]]);
  });
});
