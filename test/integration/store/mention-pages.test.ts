// Paging through mentions: every mention exactly once, newest first, even when many share the page edge's time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMentions } from '../../../src/store/mention-queries.js';
import { storeMentions } from '../../../src/store/mention-repository.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/services.js';
import { END, HOUR, mention } from '../api/api-fixtures.js';

describe.each(DIALECTS)('mention pages on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    // Five mentions in the same millisecond (a platform that gives times to the second does this all the time).
    const sameTime = ['a', 'b', 'c', 'd', 'e'].map((id) => mention({ id, at: END - HOUR, text: `Acme ${id}`, tone: 'neutral' }));
    await storeMentions(t.store, [mention({ id: 'newest', at: END, text: 'Acme new', tone: 'neutral' }), ...sameTime, mention({ id: 'oldest', at: END - 2 * HOUR, text: 'Acme old', tone: 'neutral' })]);
  });
  afterAll(async () => t?.destroy());

  it('pages by time and id, neither skipping nor repeating the mentions that share a time', async () => {
    const seen: string[] = [];
    let cursor: { before?: number; beforeId?: string } = {};
    for (let pages = 0; pages < 10; pages++) {
      const page = await listMentions(t.store.db, { ...cursor, limit: 2 });
      seen.push(...page.map((m) => m.id));
      if (page.length < 2) break;
      const last = page[page.length - 1];
      cursor = { before: last.publishedAt, beforeId: last.id };
    }
    expect(seen).toEqual(['x:newest', 'x:e', 'x:d', 'x:c', 'x:b', 'x:a', 'x:oldest']);
  });
});
