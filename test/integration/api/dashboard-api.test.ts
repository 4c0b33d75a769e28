// What the dashboard pages read, on SQLite and PostgreSQL: the workspace's time zone in pages and CSV, CSV dialects
// and file names, the Mentions page's counts of the whole filter, and comparisons without a basis left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../../src/api/server.js';
import { listMentions } from '../../../src/store/mention-queries.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/services.js';
import { DAY, END, seed, silentLogger, testConfig } from './api-fixtures.js';

const PERIOD = `from=${END - 7 * DAY}&to=${END}`;

describe.each(DIALECTS)('dashboard API on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  const base = testConfig();
  // Own accounts given for every platform ("*"), as the demo does.
  const config = {
    ...base,
    workspace: { timeZone: 'Europe/Paris' },
    entities: base.entities.map((e) => (e.id === 'acme' ? { ...e, ownHandles: { '*': ['acme'] } } : e)),
  };
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res;
  };

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await seed(db.store, config);
    app = await buildApi({ config, store: db.store, logger: silentLogger(), now: () => END });
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  it('writes the workspace time zone on every page', async () => {
    for (const url of ['/', '/mentions', '/influencers', '/business', '/alerts']) {
      expect((await get(url)).body, url).toContain('data-time-zone="Europe/Paris"');
    }
  });

  it('counts every mention of the filter, by tone, platform and language', async () => {
    const summary = (await get(`/api/mentions/summary?entity=acme&${PERIOD}`)).json();
    expect(summary).toEqual({
      total: 6,
      tones: { negative: 2, neutral: 1, positive: 3 },
      platforms: [{ key: 'x', count: 6 }],
      languages: [{ key: 'en', count: 5 }, { key: 'fr', count: 1 }],
    });
    // The same filter as the list, whatever the page size.
    const filters = [{ entityId: 'acme' }, { entityId: 'acme', sentiment: 'negative' as const }, { lang: 'fr' }, { text: 'ACME' }, {}];
    for (const f of filters) {
      const all = await listMentions(db.store.db, { ...f, limit: 500 });
      const q = new URLSearchParams(Object.entries({ entity: f.entityId, sentiment: f.sentiment, lang: f.lang, text: f.text }).filter(([, v]) => v) as [string, string][]);
      expect((await get(`/api/mentions/summary?${q}`)).json().total, JSON.stringify(f)).toBe(all.length);
    }
  });

  it('exports CSV with local dates, a ; dialect and a file name that says what and when', async () => {
    const comma = await get(`/api/mentions.csv?entity=acme&${PERIOD}`);
    expect(comma.headers['content-disposition']).toBe('attachment; filename="mentions-acme-2026-03-13-to-2026-03-20.csv"');
    const rows = comma.body.replace(/^\ufeff/, '').trim().split('\r\n');
    // Mention x:1, published 2026-03-14 00:00 UTC, is 01:00 in Paris.
    expect(rows.find((r) => r.includes('never answered'))).toMatch(/^2026-03-14 01:00:00,x,/);

    const semicolon = await get(`/api/mentions.csv?entity=acme&${PERIOD}&sep=semicolon`);
    const lines = semicolon.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^published_at;platform;author;followers;sentiment;sentiment_score;/);
    const refund = lines.find((r) => r.includes('never answered'))!.split(';');
    expect(refund[0]).toBe('2026-03-14 01:00:00');
    expect(refund[5]).toBe('-0,5');
    expect((await get('/api/mentions.csv')).headers['content-disposition']).toBe('attachment; filename="mentions-all-entities-all-time.csv"');
  });

  it('gives no change against a previous period without data', async () => {
    // END-10d..END-8d holds two mentions; the two days before hold none.
    const kpis = (await get(`/api/kpis?entity=acme&from=${END - 10 * DAY}&to=${END - 8 * DAY}`)).json();
    expect(kpis.kpis.volume).toBe(2);
    for (const row of kpis.comparison) expect(row.change, row.name).toBeNull();
    const week = (await get(`/api/kpis?entity=acme&${PERIOD}`)).json();
    expect(week.comparison.find((r: { name: string }) => r.name === 'volume').change).toBe(3);
  });

  it('counts the posts of own accounts given for every platform in advocacy', async () => {
    const audience = (await get(`/api/audience?entity=acme&${PERIOD}`)).json();
    expect(audience.advocacy.official).toMatchObject({ posts: 1, engagement: 30 });
  });

  it('gives an author the same influence on the Influencers page and in the inbox', async () => {
    const week = `from=${END - 7 * DAY}&to=${END}`;
    const { authors } = (await get(`/api/influencers?entity=acme&${week}`)).json();
    const { items } = (await get(`/api/inbox?entity=acme&${week}&minInfluence=0`)).json();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const author = authors.find((a: { handle: string }) => a.handle === item.authorHandle);
      expect(author, item.authorHandle).toBeDefined();
      expect(item.authorInfluence, item.authorHandle).toBe(author.score);
    }
  });

  it("finds themes in the period without the brand's own posts", async () => {
    const body = (await get(`/api/themes?entity=acme&${PERIOD}`)).json();
    // Six mentions in the week, one of them by @acme itself.
    expect(body.posts).toBe(5);
    expect(body.previousPosts).toBe(2);
    for (const theme of body.themes) expect(theme.label).not.toMatch(/acme|globex/i);
  });
});
