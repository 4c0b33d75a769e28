// The dashboard in a real headless Chromium: every page draws its charts, an alert is acknowledged with a click,
// a new alert appears without reload, hostile mention text stays text, and the interface speaks French on request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openWatchedPage } from '../helpers/chromium.js';
import { Redis } from 'ioredis';
import { startApi } from '../../src/api/server.js';
import { publishAlertEvent } from '../../src/queue/alert-events.js';
import { getAlert, insertAlert } from '../../src/store/alert-repository.js';
import { recordSourceError } from '../../src/store/cursor-repository.js';
import { createTestDatabase, REDIS_URL, requireRedis, testRedisPrefix, type TestDatabase } from '../helpers/services.js';
import { END, HOUR, openAlert, seed, silentLogger, testConfig, XSS_TEXT } from '../integration/api/api-fixtures.js';

const PERIOD = `from=${END - 7 * 86_400_000}&to=${END}`;

let db: TestDatabase;
let redis: Redis;
let browser: Browser;
let api: { url: string; close(): Promise<void> };
const prefix = testRedisPrefix();

beforeAll(async () => {
  await requireRedis();
  db = await createTestDatabase('sqlite');
  const config = testConfig();
  await seed(db.store, config);
  redis = new Redis(REDIS_URL);
  api = await startApi({ config, store: db.store, logger: silentLogger(), redis, redisPrefix: prefix });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  redis?.disconnect();
  await db?.destroy();
});

const openPage = (path: string) => openWatchedPage(browser, `${api.url}${path}`);

const drawn = (page: Page, id: string) => page.waitForSelector(`#${id}[data-drawn="true"] svg path`, { state: 'attached', timeout: 10_000 });

describe('dashboard pages', () => {
  it.each([
    ['/?entity=acme', ['volume-chart', 'sov-chart', 'platform-chart']],
    ['/alerts?id=alert-1', ['alert-chart']],
    ['/mentions?entity=acme', ['tone-chart', 'mention-platform-chart']],
    ['/influencers?entity=acme', ['influencer-chart']],
    ['/business?entity=acme', ['business-chart', 'lag-chart']],
  ])('%s loads and draws its charts', async (path, charts) => {
    const { page, problems } = await openPage(path);
    for (const id of charts) await drawn(page, id);
    await page.screenshot({ path: `/tmp/vigie-e2e${path.split('?')[0].replace(/\//g, '-') || '-overview'}.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the overview KPI cards with their change and the open alert', async () => {
    const { page } = await openPage(`/?entity=acme`);
    await page.waitForSelector('[data-kpi="volume"] .value');
    expect(await page.textContent('[data-kpi="volume"] .label')).toBe('Volume');
    await page.waitForSelector('#open-alerts li[data-id="alert-1"]');
    await page.close();
  });
});

describe('failing sources', () => {
  it('the overview names a source the platform refuses, with the platform\'s words as text', async () => {
    const config = { ...testConfig(), sources: [{ id: 'x-acme', type: 'x' }, { id: 'rss-news', type: 'rss' }] };
    const second = await startApi({ config, store: db.store, logger: silentLogger(), redis, redisPrefix: prefix });
    try {
      await recordSourceError(db.store.db, 'x-acme', `X answered 401: Unauthorized ${XSS_TEXT}`, END);
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${second.url}/?entity=acme`);
      const item = await page.waitForSelector('#failing-sources:not([hidden]) #failing-list li');
      expect(await item.textContent()).toContain(`x-acme (x): X answered 401: Unauthorized ${XSS_TEXT}`);
      expect(await page.locator('#failing-list li').count()).toBe(1);
      expect(await page.locator('#failing-list img').count()).toBe(0);
      await page.close();
    } finally {
      await second.close();
    }
  });
});

describe('hostile mention text', () => {
  it('shows <img src=x onerror=alert(1)> as text, never as an element', async () => {
    const { page, problems } = await openPage(`/mentions?entity=acme&${PERIOD}`);
    const item = await page.waitForSelector('li.mention[data-id="x:2"] .mention-text');
    expect(await item.textContent()).toBe(XSS_TEXT);
    expect(await page.locator('#mention-list img').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('alerts', () => {
  it('acknowledges an alert with a click', async () => {
    const { page, problems } = await openPage('/alerts?id=alert-1');
    await page.waitForSelector('#acknowledge:not([disabled])');
    await page.fill('#owner-name', 'Camille');
    await page.click('#acknowledge');
    await page.waitForFunction(() => document.getElementById('alert-status')?.textContent === 'taken in charge');
    expect(await getAlert(db.store.db, 'alert-1')).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'Camille' });
    expect(await page.locator('#acknowledge').isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a new alert without reload (server-sent events)', async () => {
    const { page } = await openPage('/alerts');
    await page.waitForSelector('#alert-list li[data-id="alert-1"]');
    await page.waitForSelector('#live:not([hidden])');
    const fresh = openAlert({ id: 'alert-2', dedupKey: 'acme:volume:2', why: 'Mentions of a recall spread fast', detectedAt: END - HOUR });
    await insertAlert(db.store.db, fresh);
    await publishAlertEvent(redis, prefix, { alertId: fresh.id, entityId: fresh.entityId, event: 'opened', severity: fresh.severity, at: fresh.detectedAt });
    await page.waitForSelector('#alert-list li[data-id="alert-2"]', { timeout: 10_000 });
    await page.close();
  });
});

describe('languages', () => {
  it('speaks French with ?lang=fr', async () => {
    const { page } = await openPage('/?lang=fr&entity=acme');
    await page.waitForSelector('#nav a.active');
    expect(await page.textContent('#nav a.active')).toBe("Vue d'ensemble");
    expect(await page.textContent('[data-i18n="shareOfVoice"]')).toBe('Part de voix');
    await page.close();
  });
});
