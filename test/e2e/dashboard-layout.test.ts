// Every dashboard page (but the alerts page, tested with the crisis room) in Chromium at 1400×900 and on a 390×844
// phone, in English and French: it loads without script error, fits the width without horizontal scroll, has one h1,
// and axe-core finds no serious or critical violation. One browser, one page per viewport, reused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Redis } from 'ioredis';
import { startApi } from '../../src/api/server.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import { launchChromium } from '../helpers/chromium.js';
import { createTestDatabase, REDIS_URL, requireRedis, testRedisPrefix, type TestDatabase } from '../helpers/services.js';
import { seed, silentLogger, testConfig } from '../integration/api/api-fixtures.js';

const VIEWPORTS = { desktop: { width: 1400, height: 900 }, phone: { width: 390, height: 844 } } as const;
/** Each page and what shows it has finished loading. */
const PAGES: [string, string][] = [
  ['/?entity=acme', '#volume-chart[data-drawn="true"]'],
  ['/mentions?entity=acme', '#tone-chart[data-drawn="true"]'],
  ['/influencers?entity=acme', '#influencer-chart[data-drawn="true"]'],
  ['/business?entity=acme', '#business-chart[data-drawn="true"]'],
];

let db: TestDatabase;
let redis: Redis;
let browser: Browser;
let api: { url: string; close(): Promise<void> };
const pages = new Map<string, { page: Page; problems: string[] }>();

beforeAll(async () => {
  await requireRedis();
  db = await createTestDatabase('sqlite');
  const config = { ...testConfig(), workspace: { timeZone: 'Europe/Paris' } };
  await seed(db.store, config);
  redis = new Redis(REDIS_URL);
  api = await startApi({ config, store: db.store, logger: silentLogger(), redis, redisPrefix: testRedisPrefix() });
  browser = await launchChromium();
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    const page = await browser.newPage({ viewport });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    pages.set(name, { page, problems });
  }
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  redis?.disconnect();
  await db?.destroy();
});

describe.each(['en', 'fr'])('dashboard in %s', (lang) => {
  describe.each(Object.keys(VIEWPORTS))('at %s size', (viewport) => {
    it.each(PAGES)('%s fits, has one h1 and passes axe', async (path, ready) => {
      const { page, problems } = pages.get(viewport)!;
      problems.length = 0;
      await page.goto(`${api.url}${path}&lang=${lang}`);
      await page.waitForSelector(ready, { state: 'attached', timeout: 15_000 });
      await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, null, { timeout: 15_000 });
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll, `${path} is ${widths.scroll} px wide at ${widths.client} px`).toBeLessThanOrEqual(widths.client);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.textContent('#time-zone')).toContain('Europe/Paris');
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });
  });
});

describe('overview chart', () => {
  it('marks the alert and opens the mentions of a clicked bar', async () => {
    const { page, problems } = pages.get('desktop')!;
    problems.length = 0;
    await page.goto(`${api.url}/?entity=acme&lang=en`);
    await page.waitForSelector('#volume-chart[data-drawn="true"]', { state: 'attached' });
    expect(await page.textContent('#chart-alerts')).toContain('high');
    expect(await page.getAttribute('#volume-chart', 'aria-label')).toMatch(/^Volume and sentiment over time: 5 mentions/);
    await page.screenshot({ path: '/tmp/vigie-e2e-overview-desktop.png', fullPage: true });
    // The pixel of the first positive bar (the brand's own post stays out of the rollups), clicked like a user would.
    const point = await page.evaluate(() => {
      const container = document.getElementById('volume-chart')!;
      const chart = (globalThis as unknown as { echarts: { getInstanceByDom(e: Element): { getOption(): { series: { data: [number, number, number][] }[] }; convertToPixel(f: object, v: number[]): number[] } } }).echarts.getInstanceByDom(container);
      const positive = chart.getOption().series[2].data.find((d) => d[1] > 0)!;
      const [x, y] = chart.convertToPixel({ seriesIndex: 2 }, [positive[0], positive[1] / 2]);
      const box = container.getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    });
    await Promise.all([page.waitForURL(/\/mentions\?/), page.mouse.click(point.x, point.y)]);
    const url = new URL(page.url());
    expect(url.searchParams.get('entity')).toBe('acme');
    expect(url.searchParams.get('sentiment')).toBe('positive');
    expect(url.searchParams.get('from')).toMatch(/^\d{4}-\d\d-\d\d$/);
    await page.waitForSelector('#mention-list li.mention');
    const tones = await page.locator('#mention-list li.mention .badge').allTextContents();
    expect(tones.length).toBeGreaterThan(0);
    expect(new Set(tones)).toEqual(new Set(['positive']));
    expect(problems).toEqual([]);
  });
});

describe('period control', () => {
  it('shows an ISO week as the digest does, and custom dates, in the workspace time zone', async () => {
    const { page, problems } = pages.get('desktop')!;
    problems.length = 0;
    await page.goto(`${api.url}/?entity=acme&lang=en`);
    await page.waitForSelector('[data-kpi="volume"] .value');
    expect(await page.textContent('[data-kpi="volume"] .value')).toBe('5');
    // 2026-W12: Monday 16 to Sunday 22 March in Paris holds mentions x:3 to x:6, three without the brand's own x:4.
    await page.selectOption('#period', 'week');
    await page.fill('#period-week', '2026-W12');
    await page.waitForFunction(() => document.querySelector('[data-kpi="volume"] .value')?.textContent === '3');
    expect(new URL(page.url()).searchParams.get('week')).toBe('2026-W12');
    // 14 March in Paris (13 March 23:00 to 14 March 23:00 UTC) holds x:1 only.
    await page.selectOption('#period', 'custom');
    await page.fill('#period-from', '2026-03-14');
    await page.fill('#period-to', '2026-03-14');
    await page.waitForFunction(() => document.querySelector('[data-kpi="volume"] .value')?.textContent === '1');
    expect(problems).toEqual([]);
  });
});

describe('loading and errors', () => {
  it('shows a readable error with a retry button, and the retry loads the page', async () => {
    const { page, problems } = pages.get('phone')!;
    await page.route('**/api/kpis*', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"internal error"}' }));
    await page.goto(`${api.url}/?entity=acme&lang=fr`);
    await page.waitForSelector('#kpis .error[role="alert"] button');
    expect(await page.textContent('#kpis .error p')).toBe('Chargement impossible /api/kpis (500)');
    await page.unroute('**/api/kpis*');
    problems.length = 0;
    await page.click('#kpis .error button');
    await page.waitForSelector('[data-kpi="volume"] .value');
    expect(problems).toEqual([]);
  });
});
