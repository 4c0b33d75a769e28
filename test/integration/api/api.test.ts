// The HTTP API on SQLite and PostgreSQL: security rules, KPI figures computed by hand from the fixtures, mentions, CSV, alerts, signed links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { assertSafeBinding, buildApi, startApi } from '../../../src/api/server.js';
import { linkSecret } from '../../../src/notify/link-secret.js';
import { signAction } from '../../../src/notify/signed-link.js';
import { getAlert, insertAlert } from '../../../src/store/alert-repository.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/services.js';
import { DAY, END, FORMULA_TEXT, openAlert, seed, silentLogger, testConfig, XSS_TEXT } from './api-fixtures.js';

const TOKEN = 'test-token-0123456789';
const PERIOD = `from=${END - 7 * DAY}&to=${END}`;
const auth = { authorization: `Bearer ${TOKEN}` };

describe.each(DIALECTS)('API on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  const config = testConfig({ token: TOKEN });
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: auth });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json();
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

  describe('security', () => {
    it('keeps /health public and every /api route behind the token', async () => {
      expect((await app.inject('/health')).json()).toEqual({ status: 'ok' });
      for (const url of ['/api/entities', '/api/kpis', '/api/mentions', '/api/alerts', '/api/openapi.json', '/api/business']) {
        expect((await app.inject(url)).statusCode, url).toBe(401);
        expect((await app.inject({ url, headers: { authorization: 'Bearer wrong' }, remoteAddress: '10.0.0.1' })).statusCode, url).toBe(401);
      }
      expect((await app.inject({ url: '/api/entities', headers: auth })).statusCode).toBe(200);
    });

    it('blocks a client after repeated failed attempts, but never the right token', async () => {
      const guarded = await buildApi({ config, store: db.store, logger: silentLogger() });
      const from = { remoteAddress: '10.1.2.3' };
      // Calls without any token (a page before its user typed it) are not guesses.
      for (let i = 0; i < 20; i++) expect((await guarded.inject({ url: '/api/entities', ...from })).statusCode).toBe(401);
      for (let i = 0; i < 10; i++) expect((await guarded.inject({ url: '/api/entities', headers: { authorization: `Bearer guess${i}` }, ...from })).statusCode).toBe(401);
      const blocked = await guarded.inject({ url: '/api/entities', headers: { authorization: 'Bearer guess10' }, ...from });
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await guarded.inject({ url: '/api/entities', headers: auth, ...from })).statusCode).toBe(200);
      expect((await guarded.inject({ url: '/api/entities', headers: auth, remoteAddress: '10.9.9.9' })).statusCode).toBe(200);
      await guarded.close();
    });

    it('sends a Content-Security-Policy without inline script, and pages carry no inline script', async () => {
      for (const url of ['/', '/alerts', '/mentions', '/influencers', '/business']) {
        const res = await app.inject(url);
        expect(res.statusCode).toBe(200);
        const csp = String(res.headers['content-security-policy']);
        expect(csp).toMatch(/script-src 'self'(;|$)/);
        expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
        const scripts = res.body.match(/<script[^>]*>/g) ?? [];
        expect(scripts.length).toBeGreaterThan(0);
        for (const tag of scripts) expect(tag).toMatch(/\ssrc="\/(assets|vendor)\//);
        expect(res.body).not.toMatch(/\son[a-z]+="/);
      }
      expect((await app.inject('/api/entities')).headers['content-security-policy']).toBeDefined();
    });

    it('serves ECharts from the package, not a CDN', async () => {
      const res = await app.inject('/vendor/echarts.min.js');
      expect(res.statusCode).toBe(200);
      expect(res.body.length).toBeGreaterThan(100_000);
    });

    it('refuses a cross-origin POST', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/alerts/alert-1/resolve', headers: { ...auth, origin: 'https://evil.example' } });
      expect(res.statusCode).toBe(403);
      expect((await getAlert(db.store.db, 'alert-1'))?.status).toBe('open');
    });
  });

  describe('KPIs (hand-computed from the fixtures)', () => {
    it('gives the week against the previous week, the norm and the competitor', async () => {
      const body = await get(`/api/kpis?entity=acme&${PERIOD}`);
      // 5 mentions (the brand's own post is not counted): 2 negative, 1 neutral, 2 positive; engagement 40+20+10 = 70;
      // reach 300+100+100+100+100 = 700.
      expect(body.kpis).toMatchObject({ volume: 5, engagement: 70, impressions: 700 });
      expect(body.kpis.negativeShare).toBeCloseTo(2 / 5);
      expect(body.kpis.netSentiment).toBeCloseTo((2 - 2) / 4);
      expect(body.kpis.engagementRate).toBeCloseTo(0.1);
      const volume = body.comparison.find((c: { name: string }) => c.name === 'volume');
      expect(volume).toMatchObject({ value: 5, previous: 2, change: 3, changeRatio: 1.5 });
      const negative = body.comparison.find((c: { name: string }) => c.name === 'negativeShare');
      expect(negative.previous).toBe(1);
      expect(negative.norm).toBe(0.18);
      expect(negative.vsNorm).toBeCloseTo(2 / 5 - 0.18);
      // Globex: 2 mentions, reach 3000.
      expect(body.shareOfVoice).toEqual([
        expect.objectContaining({ entityId: 'acme', volumeShare: 5 / 7, reachShare: 700 / 3700 }),
        expect.objectContaining({ entityId: 'globex', volumeShare: 2 / 7, reachShare: 3000 / 3700 }),
      ]);
      expect(body.competitors[0]).toMatchObject({ entityId: 'globex', name: 'Globex', gap: { volume: 3 } });
      expect(body.bucket).toBe('hour');
      expect(body.series).toHaveLength(7 * 24);
      expect(body.series.reduce((s: number, b: { total: number }) => s + b.total, 0)).toBe(5);
      expect(body.platforms).toEqual([expect.objectContaining({ key: 'x', count: 5, share: 1 })]);
    });

    it('defaults to the last 7 days of stored data', async () => {
      const body = await get('/api/kpis?entity=acme');
      // The newest mention is at END - 1 day, so the data ends one hour later.
      expect(body.period).toEqual({ from: END - DAY + 3_600_000 - 7 * DAY, to: END - DAY + 3_600_000 });
    });

    it('answers 404 for an unknown entity and 400 for a bad date', async () => {
      expect((await app.inject({ url: '/api/kpis?entity=nope', headers: auth })).statusCode).toBe(404);
      expect((await app.inject({ url: '/api/kpis?from=yesterday-ish', headers: auth })).statusCode).toBe(400);
    });

    it('gives languages, top authors, unique audience and advocacy', async () => {
      const body = await get(`/api/audience?entity=acme&${PERIOD}`);
      expect(body.languages).toEqual([{ key: 'en', count: 5, share: 5 / 6 }, { key: 'fr', count: 1, share: 1 / 6 }]);
      expect(body.uniqueAudience).toBe(5000 + 5 * 100);
      expect(body.advocacy.official).toMatchObject({ posts: 1, engagement: 30 });
      expect(body.advocacy.employees).toMatchObject({ posts: 1, engagement: 20 });
      expect(body.advocacy.employeeToOfficialEngagement).toBeCloseTo(20 / 30);
      expect(body.topAuthors[0].handle).toBe('acme');
    });

    it('ranks influencers with the reasons for their score', async () => {
      const body = await get(`/api/influencers?entity=acme&${PERIOD}`);
      expect(body.authors[0]).toMatchObject({ handle: 'acme', own: true, followers: 5000 });
      expect(body.authors[0].why[0].factor).toBe('audience');
      expect(body.authors[0].score).toBeGreaterThan(body.authors[1].score);
    });

    it('correlates the social series with the imported business metrics over 29 lags', async () => {
      const body = await get(`/api/business?entity=acme`);
      const pair = body.correlations.find((c: { social: string; business: string }) => c.social === 'volume' && c.business === 'web sessions');
      expect(pair.lags.map((l: { lag: number }) => l.lag)).toEqual(Array.from({ length: 29 }, (_, i) => i - 14));
      expect(body.days.length).toBe(body.business['web sessions'].length);
    });

    it('documents the API in OpenAPI', async () => {
      const doc = await get('/api/openapi.json');
      expect(doc.openapi).toMatch(/^3\./);
      for (const path of ['/api/kpis', '/api/mentions', '/api/alerts/{id}/acknowledge', '/api/business', '/api/influencers']) expect(doc.paths[path], path).toBeDefined();
      expect(doc.paths['/api/mentions'].get.parameters.map((p: { name: string }) => p.name)).toContain('sentiment');
    });
  });

  describe('mentions', () => {
    it('filters by entity, tone, period and text, newest first', async () => {
      const negative = await get(`/api/mentions?entity=acme&sentiment=negative&${PERIOD}`);
      expect(negative.mentions.map((m: { id: string }) => m.id)).toEqual(['x:2', 'x:1']);
      expect(negative.mentions[0].text).toBe(XSS_TEXT);
      const text = await get(`/api/mentions?entity=acme&text=REFUND`);
      expect(text.mentions.map((m: { id: string }) => m.id)).toEqual(['x:1']);
      const french = await get(`/api/mentions?lang=fr`);
      expect(french.mentions.map((m: { id: string }) => m.id)).toEqual(['x:3']);
    });

    it('pages with nextBefore', async () => {
      const first = await get(`/api/mentions?entity=acme&limit=3`);
      expect(first.mentions).toHaveLength(3);
      expect(first.nextBeforeId).toBe(first.mentions[2].id);
      const second = await get(`/api/mentions?entity=acme&limit=10&before=${first.nextBefore}&beforeId=${encodeURIComponent(first.nextBeforeId)}`);
      expect(second.mentions).toHaveLength(5);
      expect(second.nextBefore).toBeNull();
      expect(second.nextBeforeId).toBeNull();
    });

    it('exports CSV with formula-like cells neutralised', async () => {
      const res = await app.inject({ url: `/api/mentions.csv?entity=acme&${PERIOD}`, headers: auth });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const lines = res.body.replace(/^\ufeff/, '').trim().split('\r\n');
      expect(lines[0]).toMatch(/^published_at,platform,author/);
      expect(lines).toHaveLength(7);
      const formulaRow = lines.find((l) => l.includes('HYPERLINK'))!;
      expect(formulaRow).toContain(`"'${FORMULA_TEXT.replace(/"/g, '""')}"`);
      for (const line of lines) for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+@]/);
    });
  });

  describe('alerts', () => {
    it('lists alerts and shows one with its evidence and timeline', async () => {
      const list = await get('/api/alerts?entity=acme');
      expect(list.alerts.map((a: { id: string }) => a.id)).toContain('alert-1');
      const detail = await get('/api/alerts/alert-1');
      expect(detail.alert).toMatchObject({ id: 'alert-1', entityName: 'Acme', status: 'open' });
      expect(detail.evidence.map((m: { id: string; text: string }) => [m.id, m.text])).toEqual([['x:1', 'Acme support never answered my refund request'], ['x:2', XSS_TEXT]]);
      expect(detail.timeline.map((s: { event: string }) => s.event)).toEqual(['onset', 'detected']);
      expect(detail.deliveries).toEqual([]);
      expect((await app.inject({ url: '/api/alerts/nope', headers: auth })).statusCode).toBe(404);
    });

    it('lists unanswered negative mentions above an influence threshold as the inbox', async () => {
      const week = `from=${new Date(END - 7 * DAY).toISOString()}&to=${new Date(END).toISOString()}`;
      const inbox = await app.inject({ url: `/api/inbox?entity=acme&${week}&minInfluence=5`, headers: auth });
      expect(inbox.statusCode).toBe(200);
      // Both negative mentions of the week (influence 10), none answered yet; the older ones are out of the period.
      expect(inbox.json().items.map((m: { id: string }) => m.id).sort()).toEqual(['x:1', 'x:2']);
      expect((await app.inject({ url: `/api/inbox?entity=acme&${week}&minInfluence=50`, headers: auth })).json().items).toEqual([]);
      expect((await app.inject({ url: '/api/inbox?entity=acme' })).statusCode).toBe(401);
    });

    it('acknowledges and resolves', async () => {
      await insertAlert(db.store.db, openAlert({ id: 'alert-ack', dedupKey: 'acme:ack' }));
      const ack = await app.inject({ method: 'POST', url: '/api/alerts/alert-ack/acknowledge', headers: auth, payload: { by: 'Claire' } });
      expect(ack.statusCode).toBe(200);
      expect(ack.json().alert).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'Claire', acknowledgedAt: END });
      const resolved = await app.inject({ method: 'POST', url: '/api/alerts/alert-ack/resolve', headers: auth });
      expect(resolved.json().alert).toMatchObject({ status: 'resolved', resolvedAt: END });
    });

    it('acknowledges from a signed email link after a confirm, and refuses a forged or expired one', async () => {
      await insertAlert(db.store.db, openAlert({ id: 'alert-link', dedupKey: 'acme:link', why: '<b>spike</b>' }));
      const secret = linkSecret(config.api, config.dataDir);
      const forged = await app.inject(`/ack?${signAction('another-secret', { action: 'acknowledge', id: 'alert-link', expires: END + DAY })}`);
      expect(forged.statusCode).toBe(403);
      const expired = await app.inject(`/ack?${signAction(secret, { action: 'acknowledge', id: 'alert-link', expires: END - 1 })}`);
      expect(expired.statusCode).toBe(403);
      expect(expired.body).toContain('expired');
      expect((await getAlert(db.store.db, 'alert-link'))?.status).toBe('open');
      // Opening the link (a person, or a mail scanner that opens every link) only shows the alert and a button.
      const link = signAction(secret, { action: 'acknowledge', id: 'alert-link', expires: END + DAY });
      const opened = await app.inject(`/ack?${link}`);
      expect(opened.statusCode).toBe(200);
      expect(opened.body).toContain('&lt;b&gt;spike&lt;/b&gt;');
      expect(opened.body).toContain('<form method="post" action="/ack">');
      expect(opened.headers['content-security-policy']).toBeDefined();
      expect((await getAlert(db.store.db, 'alert-link'))?.status).toBe('open');
      // The button posts the signed fields back, as a browser sends a form.
      const fields = Object.fromEntries([...opened.body.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&')]));
      expect(fields).toEqual(Object.fromEntries(new URLSearchParams(link)));
      const forgedPost = await app.inject({ method: 'POST', url: '/ack', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...fields, id: 'alert-ack' }).toString() });
      expect(forgedPost.statusCode).toBe(403);
      // Taking charge names a person: the form asks for a name and comes back without one.
      const nameless = await app.inject({ method: 'POST', url: '/ack', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
      expect(nameless.statusCode).toBe(400);
      expect(nameless.body).toContain('Give your name');
      const ok = await app.inject({ method: 'POST', url: '/ack', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...fields, by: 'Camille' }).toString() });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('You are in charge');
      expect(await getAlert(db.store.db, 'alert-link')).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'Camille' });
      expect((await app.inject(`/ack?${link}`)).body).toContain('Already taken in charge');
      // A second click on the button acknowledges nothing more.
      const again = await app.inject({ method: 'POST', url: '/ack', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...fields, by: 'Someone else' }).toString() });
      expect(again.body).toContain('Already taken in charge');
      expect(again.body).toContain('Taken in charge by Camille.');
      // The page speaks the language of the alert's entity, as the email that linked to it does.
      await insertAlert(db.store.db, openAlert({ id: 'alert-fr', entityId: 'globex', dedupKey: 'globex:link' }));
      const french = await app.inject(`/ack?${signAction(secret, { action: 'acknowledge', id: 'alert-fr', expires: END + DAY })}`);
      expect(french.body).toContain('<html lang="fr">');
      expect(french.body).toContain('Prendre en charge cette alerte ?');
      expect(french.body).toContain('<button type="submit">Prendre en charge</button>');
      // /api still refuses HTML forms: other sites cannot post one with the browser's saved credentials.
      const form = await app.inject({ method: 'POST', url: '/api/alerts/alert-ack/acknowledge', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'by=x' });
      expect(form.statusCode).toBe(415);
    });
  });

  it('chooses the page language from ?lang= or Accept-Language', async () => {
    expect((await app.inject('/?lang=fr')).body).toContain('<html lang="fr" ');
    expect((await app.inject({ url: '/', headers: { 'accept-language': 'de-DE, fr;q=0.8, en;q=0.5' } })).body).toContain('<html lang="fr" ');
    expect((await app.inject({ url: '/', headers: { 'accept-language': 'fr;q=0.2, en' } })).body).toContain('<html lang="en" ');
  });
});

describe('listening', () => {
  it('refuses to listen beyond loopback without a token', async () => {
    expect(() => assertSafeBinding(testConfig({ host: '0.0.0.0' }).api)).toThrow(/without an API token/);
    expect(() => assertSafeBinding(testConfig({ host: '0.0.0.0', token: TOKEN }).api)).not.toThrow();
    expect(() => assertSafeBinding(testConfig().api)).not.toThrow();
  });

  it('refuses a foreign Host header when no token protects the API (DNS rebinding)', async () => {
    const db = await createTestDatabase('sqlite');
    const app = await buildApi({ config: testConfig(), store: db.store, logger: silentLogger() });
    expect((await app.inject({ url: '/api/entities', headers: { host: 'attacker.example' } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/entities', headers: { host: '127.0.0.1:8080' } })).statusCode).toBe(200);
    await app.close();
    await db.destroy();
  });

  it('streams alert changes as server-sent events', async () => {
    const db = await createTestDatabase('sqlite');
    const config = testConfig();
    await seed(db.store, config);
    const api = await startApi({ config, store: db.store, logger: silentLogger() });
    const controller = new AbortController();
    const response = await fetch(`${api.url}/api/events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // the "connected" comment
    await fetch(`${api.url}/api/alerts/alert-1/acknowledge`, { method: 'POST' });
    let received = '';
    while (!received.includes('\n\n') || !received.includes('event: alert')) received += (await reader.read()).value ?? '';
    const data = JSON.parse(/data: (.*)\n/.exec(received)![1]);
    expect(data).toMatchObject({ alertId: 'alert-1', entityId: 'acme', event: 'acknowledged' });
    controller.abort();
    await api.close();
    await db.destroy();
  });
});
