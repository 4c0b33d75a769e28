// Paging through mentions: every mention exactly once, newest first, even when many share the page edge's time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMentions, type MentionFilter } from '../../../src/store/mention-queries.js';
import { storeMentions } from '../../../src/store/mention-repository.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/services.js';
import { END, HOUR, mention } from '../api/api-fixtures.js';

describe.each(DIALECTS)('mention pages on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    // Five mentions in the same millisecond (a platform that gives times to the second does this all the time).
    const sameTime = ['a', 'b', 'c', 'd', 'e'].map((id) => mention({ id, at: END - HOUR, text: `Acme ${id}`, tone: 'neutral' }));
    // Another entity's mentions in between, some at the same time, and one negative Acme mention among them.
    const globex = ['g1', 'g2'].map((id) => mention({ id, at: END - HOUR, text: `Globex ${id}`, tone: 'neutral', entity: 'globex' }));
    await storeMentions(t.store, [
      mention({ id: 'newest', at: END, text: 'Acme new', tone: 'neutral' }),
      ...sameTime,
      ...globex,
      mention({ id: 'angry', at: END - HOUR, text: 'Acme angry', tone: 'negative' }),
      mention({ id: 'oldest', at: END - 2 * HOUR, text: 'Acme old', tone: 'neutral' }),
    ]);
  });
  afterAll(async () => t?.destroy());

  /** Every page of the filter, two mentions at a time, each page after the last one's (time, id). */
  async function allPages(filter: MentionFilter): Promise<string[]> {
    const seen: string[] = [];
    let cursor: { before?: number; beforeId?: string } = {};
    for (let pages = 0; pages < 10; pages++) {
      const page = await listMentions(t.store.db, { ...filter, ...cursor, limit: 2 });
      seen.push(...page.map((m) => m.id));
      if (page.length < 2) break;
      const last = page[page.length - 1];
      cursor = { before: last.publishedAt, beforeId: last.id };
    }
    return seen;
  }

  it('pages by time and id, neither skipping nor repeating the mentions that share a time', async () => {
    expect(await allPages({})).toEqual(['x:newest', 'x:g2', 'x:g1', 'x:e', 'x:d', 'x:c', 'x:b', 'x:angry', 'x:a', 'x:oldest']);
  });

  // One entity's pages are read from its links first (entityPage); with a filter the links cannot answer, from the mentions.
  it("pages one entity's mentions the same way, whichever way the page is read", async () => {
    const acme = ['x:newest', 'x:e', 'x:d', 'x:c', 'x:b', 'x:angry', 'x:a', 'x:oldest'];
    expect(await allPages({ entityId: 'acme' })).toEqual(acme);
    expect(await allPages({ entityId: 'acme', platform: 'x' })).toEqual(acme);
    expect(await allPages({ entityId: 'acme', sentiment: 'negative' })).toEqual(['x:angry']);
    expect(await allPages({ entityId: 'acme', sentiment: 'negative', lang: 'en' })).toEqual(['x:angry']);
    expect(await allPages({ entityId: 'acme', from: END - HOUR, to: END })).toEqual(acme.slice(1, 7));
    expect(await allPages({ entityId: 'globex' })).toEqual(['x:g2', 'x:g1']);
  });
});
