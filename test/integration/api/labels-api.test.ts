// PUT /api/mentions/:id/label on SQLite and PostgreSQL: guarded like every write, validated, and the corrected
// label wins at once in the KPIs, the CSV export and the alert's evidence, exactly once however often it is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../../src/api/server.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/services.js';
import { DAY, END, seed, silentLogger, testConfig } from './api-fixtures.js';

const TOKEN = 'labels-token-0123456789';
const PERIOD = `from=${END - 7 * DAY}&to=${END}`;
const auth = { authorization: `Bearer ${TOKEN}` };
const json = { ...auth, 'content-type': 'application/json' };

describe.each(DIALECTS)('label API on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  const config = testConfig({ token: TOKEN });
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: auth });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return url.endsWith('.csv') || url.includes('.csv?') ? res.body : res.json();
  };
  const put = (id: string, body: unknown, headers: Record<string, string> = json) =>
    app.inject({ method: 'PUT', url: `/api/mentions/${encodeURIComponent(id)}/label`, headers, payload: JSON.stringify(body) });

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await seed(db.store, config);
    app = await buildApi({ config, store: db.store, logger: silentLogger(), now: () => END });
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  it('refuses a write without the token, from a foreign origin, with a bad body or for an unknown mention', async () => {
    expect((await put('x:1', { label: 'positive' }, { 'content-type': 'application/json' })).statusCode).toBe(401);
    expect((await put('x:1', { label: 'positive' }, { ...json, origin: 'https://evil.example' })).statusCode).toBe(403);
    const bad = await put('x:1', { label: 'great', extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/label: .*"negative"/);
    expect(bad.json().error).toMatch(/extra/);
    expect((await put('x:none', { label: 'positive' })).statusCode).toBe(404);
    // Nothing moved.
    expect((await get(`/api/kpis?entity=acme&${PERIOD}`)).kpis.negativeShare).toBeCloseTo(2 / 5);
  });

  it('moves KPIs, CSV and alert evidence once, however often the same label is sent', async () => {
    const first = await put('x:1', { label: 'positive', by: 'ana', source: 'dashboard' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ mentionId: 'x:1', label: 'positive', effective: 'positive', changed: true });
    for (let i = 0; i < 3; i++) expect((await put('x:1', { label: 'positive', by: 'bob' })).json().changed).toBe(false);

    const { kpis } = await get(`/api/kpis?entity=acme&${PERIOD}`);
    expect(kpis.volume).toBe(5);
    expect(kpis.negativeShare).toBeCloseTo(1 / 5);
    expect(kpis.positiveShare).toBeCloseTo(3 / 5);

    const csv: string = await get(`/api/mentions.csv?entity=acme&${PERIOD}`);
    const row = csv.split('\n').find((l) => l.includes('never answered my refund'))!;
    expect(row).toMatch(/,positive,/);
    expect(row).toMatch(/,ana,\r?$/);

    const { evidence } = await get('/api/alerts/alert-1');
    expect(evidence.find((e: { id: string }) => e.id === 'x:1').sentiment).toBe('positive');

    const { mentions } = await get(`/api/mentions?entity=acme&text=refund`);
    expect(mentions[0].sentiment).toMatchObject({ label: 'positive', confidence: 1 });
    expect(mentions[0].labelledBy).toMatchObject({ by: 'ana', machineLabel: 'negative' });

    const { labels } = await get('/api/labels');
    expect(labels).toEqual([expect.objectContaining({ mentionId: 'x:1', label: 'positive', by: 'ana', source: 'dashboard', machineLabel: 'negative' })]);
    const summary = await get('/api/labels/summary');
    expect(summary).toMatchObject({ total: 1, languages: [{ lang: 'en', labels: 1, agreed: 0, toTrain: 19, model: null }] });
  });

  it('DELETE takes the label back to the scorer\'s reading', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/api/mentions/x%3A1/label', headers: auth });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ effective: 'negative', changed: true });
    expect((await get(`/api/kpis?entity=acme&${PERIOD}`)).kpis.negativeShare).toBeCloseTo(2 / 5);
  });

  it('ranks unlabelled mentions to review, with their text and why', async () => {
    const { items, model } = await get('/api/review?entity=acme&limit=10');
    expect(model).toBeNull();
    const ids = items.map((i: { id: string }) => i.id);
    // Labelled mentions and the brand's own post are not proposed; every other mention of the month is.
    expect(ids).not.toContain('x:4');
    expect(ids.length).toBeGreaterThan(3);
    // A handful of labels: the list is the random sample a language's first labels are drawn from.
    expect(items[0]).toMatchObject({ priority: 1, reason: expect.stringMatching(/^random sample for the first 100 labels \(\d+ so far\)$/), why: { kind: 'first-labels-sample', label: expect.any(String), labelled: expect.any(Number), firstLabels: 100 }, mention: { id: ids[0], text: expect.any(String) } });
    const priorities = items.map((i: { priority: number }) => i.priority);
    expect([...priorities].sort((a, b) => b - a)).toEqual(priorities);
  });

  it('defines a tag, tags a mention, filters and charts on it', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/tags', headers: json, payload: JSON.stringify({ id: 'refund', name: 'Refund' }) });
    expect(created.statusCode, created.body).toBe(201);
    expect((await app.inject({ method: 'POST', url: '/api/tags', headers: json, payload: JSON.stringify({ id: 'Bad Id', name: 'x' }) })).statusCode).toBe(400);
    const tag = (id: string, applies: boolean) => app.inject({ method: 'PUT', url: `/api/mentions/${id}/tags/refund`, headers: json, payload: JSON.stringify({ applies, by: 'ana' }) });
    expect((await tag('x:1', true)).json()).toMatchObject({ changed: true });
    expect((await tag('x:1', true)).json()).toMatchObject({ changed: false });
    expect((await tag('x:2', false)).statusCode).toBe(200);
    expect((await app.inject({ method: 'PUT', url: '/api/mentions/x:1/tags/nope', headers: json, payload: JSON.stringify({ applies: true }) })).statusCode).toBe(404);

    const { mentions } = await get(`/api/mentions?entity=acme&tag=refund&${PERIOD}`);
    expect(mentions.map((m: { id: string }) => m.id)).toEqual(['x:1']);
    expect(mentions[0].tags).toEqual([{ id: 'refund', source: 'label' }]);
    const { series } = await get(`/api/tags/series?entity=acme&${PERIOD}`);
    expect(series).toEqual([{ tagId: 'refund', day: END - 6 * DAY, count: 1 }]);
    const { tags } = await get('/api/tags');
    expect(tags).toEqual([expect.objectContaining({ id: 'refund', labelled: 1, tagged: 0 })]);
  });
});
