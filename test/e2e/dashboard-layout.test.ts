// Every dashboard page (each of the navigation, the crisis list and room, the shared report view, the acknowledge page
// of alert emails) in Chromium at 1400×900 and on a 390×844 phone, in English and French: it loads without script
// error, fits the width without horizontal scroll, has one h1, and axe-core finds no serious or critical violation.
// Then what the keyboard alone must do (take charge of an alert, drill down from the overview chart), and the loading
// skeletons and readable errors with a retry. One browser, one page per viewport reused, the data seeded once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Redis } from 'ioredis';
import { startApi } from '../../src/api/server.js';
import { publishAlertEvent } from '../../src/queue/alert-events.js';
import { getAlert, insertAlert } from '../../src/store/alert-repository.js';
import { attachToCrisis } from '../../src/store/crisis-repository.js';
import { linkSecret } from '../../src/notify/link-secret.js';
import { signAction } from '../../src/notify/signed-link.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import { launchChromium } from '../helpers/chromium.js';
import { createTestDatabase, REDIS_URL, requireRedis, testRedisPrefix, type TestDatabase } from '../helpers/services.js';
import { createTargetStance } from '../../src/scoring/target-stance.js';
import { storeMentions } from '../../src/store/mention-repository.js';
import { DAY, END, HOUR, mention, openAlert, seed, silentLogger, testConfig } from '../integration/api/api-fixtures.js';

const VIEWPORTS = { desktop: { width: 1400, height: 900 }, phone: { width: 390, height: 844 } } as const;
const CRISIS_ALERT = 'alert-crisis';
const KEYBOARD_ALERT = 'alert-keyboard';

let db: TestDatabase;
let redis: Redis;
let browser: Browser;
let api: { url: string; close(): Promise<void> };
let crisisId: string;
let sharePath: string;
let ackPaths: Record<string, string>;
const redisPrefix = testRedisPrefix();
const pages = new Map<string, { page: Page; problems: string[] }>();

const withLang = (path: string, lang: string) => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;

/**
 * Each page of the navigation (and the crisis rooms, the shared report view and the acknowledge page of alert emails
 * they lead to), in a language, and what shows it is loaded. The acknowledge page speaks its alert's entity's language
 * (as the email that links to it), so the French one is Globex's alert.
 */
const PAGES: [string, (lang: string) => string, string][] = [
  ['overview', (l) => withLang('/?entity=acme', l), 'body[data-ready="true"] #volume-chart[data-drawn="true"]'],
  ['alerts', (l) => withLang('/alerts?entity=acme', l), '#alert-list li.alert-item'],
  ['alert detail', (l) => withLang('/alerts?id=alert-1', l), '#alert-chart[data-drawn="true"]'],
  ['crisis list', (l) => withLang('/crises', l), '#crisis-list li a'],
  ['crisis room', (l) => withLang(`/crises/${crisisId}`, l), '#crisis-headline'],
  ['mentions', (l) => withLang('/mentions?entity=acme', l), '#tone-chart[data-drawn="true"]'],
  ['influencers', (l) => withLang('/influencers?entity=acme', l), '#influencer-chart[data-drawn="true"]'],
  ['business', (l) => withLang('/business?entity=acme', l), '#business-chart[data-drawn="true"]'],
  ['labels (to review)', (l) => withLang('/labels?entity=acme', l), '#review-list li'],
  ['shared report view', (l) => withLang(sharePath, l), 'body[data-ready="true"] #volume-chart[data-drawn="true"]'],
  ['acknowledge page', (l) => ackPaths[l], 'form button[type="submit"]'],
];

beforeAll(async () => {
  await requireRedis();
  db = await createTestDatabase('sqlite');
  const config = { ...testConfig(), workspace: { timeZone: 'Europe/Paris' } };
  await seed(db.store, config);
  // A post praising Globex at Acme's expense, so the mentions list and the crisis room show their stance badges (two
  // months back: outside every period the charts count).
  const switcherText = 'glad i went with Globex. at least it does not melt';
  const targets = createTargetStance(config.entities).targets({ text: switcherText, lang: 'en', tone: 'negative', entityIds: ['globex'] });
  await storeMentions(db.store, [{ ...mention({ id: 'switcher', at: END - 60 * DAY, text: switcherText, tone: 'negative', entity: 'globex' }), entityIds: targets.map((t) => t.entityId), targets }]);
  // A crisis (its room) and an open alert kept for the keyboard path, so the matrix sees every page with content.
  await insertAlert(db.store.db, openAlert({ id: CRISIS_ALERT, evidence: ['x:1', 'x:2', 'x:switcher'], dedupKey: 'acme:crisis', detectors: ['negative_share'], severity: 'critical', detectedAt: END - 2 * HOUR, onsetAt: END - 3 * HOUR }));
  crisisId = (await attachToCrisis(db.store.db, CRISIS_ALERT, 'acme', END - 2 * HOUR)).id;
  await insertAlert(db.store.db, openAlert({ id: KEYBOARD_ALERT, dedupKey: 'acme:keyboard', detectors: ['influencer'], detectedAt: END - 4 * HOUR }));
  await insertAlert(db.store.db, openAlert({ id: 'alert-globex', entityId: 'globex', dedupKey: 'globex:1', detectedAt: END - 5 * HOUR }));
  const secret = linkSecret(config.api, config.dataDir);
  const ack = (id: string) => `/ack?${signAction(secret, { action: 'acknowledge', id, expires: Date.now() + 3_600_000 })}`;
  ackPaths = { en: ack('alert-1'), fr: ack('alert-globex') };
  redis = new Redis(REDIS_URL);
  [api, browser] = await Promise.all([startApi({ config, store: db.store, logger: silentLogger(), redis, redisPrefix }), launchChromium()]);
  const share = await fetch(`${api.url}/api/shares`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ entity: 'acme', from: String(END - 7 * 86_400_000), to: String(END) }) });
  sharePath = new URL((await share.json()).url).pathname;
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

const notBusy = (page: Page) => page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, null, { timeout: 15_000 });

/** Presses Tab until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('stance badges on a phone', () => {
  it.each([
    ['mentions', () => '/mentions?entity=acme&lang=fr', 'li.mention[data-id="x:switcher"] .badge.stance'],
    ['crisis room', () => `/crises/${crisisId}?lang=fr`, '#evidence li[data-id="x:switcher"] .badge.stance'],
  ])('%s: the longest (French) stance badge fits 390 px and passes axe', async (_name, path, badge) => {
    const { page, problems } = pages.get('phone')!;
    problems.length = 0;
    await page.goto(`${api.url}${path()}`);
    await page.waitForSelector(badge);
    await notBusy(page);
    expect(await page.textContent(badge)).toBe('compare Acme défavorablement à Globex (Acme non cité)');
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe.each(['en', 'fr'])('dashboard in %s', (lang) => {
  describe.each(Object.keys(VIEWPORTS))('at %s size', (viewport) => {
    it.each(PAGES)('%s fits, has one h1 and passes axe', async (_name, path, ready) => {
      const { page, problems } = pages.get(viewport)!;
      problems.length = 0;
      await page.goto(`${api.url}${path(lang)}`);
      await page.waitForSelector(ready, { state: 'attached', timeout: 15_000 });
      await notBusy(page);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll, `${path(lang)} is ${widths.scroll} px wide at ${widths.client} px`).toBeLessThanOrEqual(widths.client);
      expect(await page.locator('h1').count()).toBe(1);
      // The dashboard's pages name the workspace's time zone in their header (the acknowledge page has no header).
      if (!path(lang).startsWith('/ack')) expect(await page.textContent('#time-zone')).toContain('Europe/Paris');
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });
  });
});

describe('keyboard only', () => {
  it('takes charge of an alert on a phone, in French: Tab to the alert, Enter, type a name, Enter', async () => {
    const { page, problems } = pages.get('phone')!;
    problems.length = 0;
    await page.goto(`${api.url}/alerts?entity=acme&status=open&lang=fr`);
    await page.waitForSelector(`#alert-list li[data-id="${KEYBOARD_ALERT}"] a.alert-link`);
    await tabTo(page, `li[data-id="${KEYBOARD_ALERT}"] a.alert-link`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'alert-headline');
    // The headline is in the entity's language (English here), as its messages give it; the page around it in French.
    expect(await page.textContent('#alert-headline')).toContain('Acme: influential negative post');
    await tabTo(page, '#owner-name');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Léa');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('alert-status')?.textContent === 'prise en charge');
    expect(await getAlert(db.store.db, KEYBOARD_ALERT)).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'Léa' });
    // Focus lands on the new status, so a screen reader says what happened, and stays there when the live event of
    // the acknowledgement redraws the detail.
    await page.waitForFunction(() => document.activeElement?.id === 'alert-status');
    await page.evaluate(() => document.getElementById('alert-headline')!.setAttribute('data-old', 'true'));
    const alert = (await getAlert(db.store.db, KEYBOARD_ALERT))!;
    await publishAlertEvent(redis, redisPrefix, { alertId: alert.id, entityId: alert.entityId, event: 'acknowledged', severity: alert.severity, at: END });
    await page.waitForSelector('#alert-headline:not([data-old])', { state: 'attached', timeout: 10_000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('alert-status');
    expect(problems).toEqual([]);
  });

  it('drills down from the overview chart to the mentions of one bar: Tab to the chart table, Enter, Tab, Enter', async () => {
    const { page, problems } = pages.get('desktop')!;
    problems.length = 0;
    await page.goto(`${api.url}/?entity=acme&lang=en`);
    await page.waitForSelector('#volume-chart[data-drawn="true"]', { state: 'attached' });
    // The table is folded under the chart; its summary is a focusable control that Enter opens.
    expect(await page.locator('#volume-table').isVisible()).toBe(false);
    await tabTo(page, '#volume-data > summary');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.getElementById('volume-data') as HTMLDetailsElement).open);
    // The first positive bar of the week (the brand's own post x:4 stays out of the rollups): x:5 on 18 March in Paris.
    await tabTo(page, '#volume-table a[data-tone="positive"]');
    const link = await page.evaluate(() => ({ name: document.activeElement!.getAttribute('aria-label'), text: document.activeElement!.textContent }));
    expect(link.name).toBe('positive mentions, Mar 18, 2026, 1:00 AM: 1');
    expect(link.text).toBe('1');
    await Promise.all([page.waitForURL(/\/mentions\?/), page.keyboard.press('Enter')]);
    const url = new URL(page.url());
    expect(url.searchParams.get('entity')).toBe('acme');
    expect(url.searchParams.get('sentiment')).toBe('positive');
    expect(url.searchParams.get('from')).toBe(url.searchParams.get('to'));
    await page.waitForSelector('#mention-list li.mention');
    expect(new Set(await page.locator('#mention-list li.mention .badge').allTextContents())).toEqual(new Set(['positive']));
    expect(problems).toEqual([]);
  });
});

describe('alerts page', () => {
  it('puts the list and the chosen alert side by side at desktop size, under the title', async () => {
    const { page, problems } = pages.get('desktop')!;
    problems.length = 0;
    await page.goto(`${api.url}/alerts?id=alert-1&lang=en`);
    await page.waitForSelector('#alert-chart[data-drawn="true"]', { state: 'attached', timeout: 15_000 });
    const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
    const [title, list, detail] = [await box('h1.page-title'), await box('section:has(#alert-list)'), await box('#alert-detail')];
    expect(title.y + title.height).toBeLessThanOrEqual(list.y);
    expect(Math.abs(list.y - detail.y)).toBeLessThan(2);
    expect(list.x + list.width).toBeLessThanOrEqual(detail.x);
    expect(detail.width).toBeGreaterThan(list.width);
    expect(problems).toEqual([]);
  });
});

/** Legend names whose text runs over the next legend item's colour, in a drawn chart. */
function overlappingLegendNames(page: Page, chartId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const container = document.getElementById(id)!;
    const chart = (globalThis as unknown as { echarts: { getInstanceByDom(e: Element): { getOption(): { series: { name?: string }[] } } } }).echarts.getInstanceByDom(container);
    const names = new Set(chart.getOption().series.map((series) => series.name));
    const texts = Array.from(container.querySelectorAll('svg text')).filter((text) => names.has(text.textContent ?? ''));
    const row = texts[0].getBoundingClientRect();
    // The legend's colour marks: small shapes on the names' row.
    const marks = Array.from(container.querySelectorAll('svg path')).map((mark) => mark.getBoundingClientRect()).filter((r) => r.top < row.bottom && r.bottom > row.top && r.width < 40);
    return texts.filter((text) => {
      const r = text.getBoundingClientRect();
      const next = marks.filter((mark) => mark.left > r.left).sort((a, b) => a.left - b.left)[0];
      return next !== undefined && next.left < r.right;
    }).map((text) => text.textContent ?? '');
  }, chartId);
}

describe('chart legends', () => {
  it.each([
    ['influencers', '/influencers?entity=acme&lang=en', 'influencer-chart'],
    ['overview', '/?entity=acme&lang=fr', 'volume-chart'],
  ])('%s: no legend name runs over the next one\'s colour', async (_name, path, chartId) => {
    const { page, problems } = pages.get('desktop')!;
    problems.length = 0;
    await page.goto(`${api.url}${path}`);
    await page.waitForSelector(`#${chartId}[data-drawn="true"]`, { state: 'attached', timeout: 15_000 });
    expect(await overlappingLegendNames(page, chartId)).toEqual([]);
    expect(problems).toEqual([]);
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

  it.each([
    ['influencers', '/influencers?entity=acme', '/api/influencers', '#influencer-table', 'tr[data-author]', '#influencer-chart'],
    ['business', '/business?entity=acme', '/api/business', '#correlation-table', 'tr:not(.placeholder-row)', '#business-chart'],
  ])('%s: skeleton rows while the API answers slowly, then the table', async (_name, path, route, table, row, chart) => {
    const { page, problems } = pages.get('desktop')!;
    problems.length = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**${route}*`, async (r) => {
      await held;
      await r.continue();
    });
    try {
      await page.goto(`${api.url}${path}&lang=en`);
      // Placeholder rows inside the table body (a <tbody> holds rows only), marked busy for assistive technology.
      await page.waitForSelector(`${table} tbody[aria-busy="true"] tr.placeholder-row td .skeleton-line`, { state: 'attached' });
      expect(await page.locator(`${table} tbody tr.placeholder-row`).count()).toBeGreaterThan(1);
      expect(await page.getAttribute(chart, 'class')).toContain('skeleton');
      release();
      await page.waitForSelector(`${table} tbody ${row}`, { state: 'attached' });
      await page.waitForSelector(`${table} tbody:not([aria-busy])`, { state: 'attached' });
      expect(await page.locator(`${table} .skeleton-line`).count()).toBe(0);
    } finally {
      release();
      await page.unroute(`**${route}*`);
    }
    expect(problems).toEqual([]);
  });

  it.each([
    ['influencers', '/influencers?entity=acme', '/api/influencers', '#influencer-table', 'tr[data-author]', '#influencer-chart'],
    ['business', '/business?entity=acme', '/api/business', '#correlation-table', 'tr:not(.placeholder-row)', '#business-chart'],
  ])('%s: a readable error in the table with a retry that loads it, by keyboard', async (_name, path, route, table, row, chart) => {
    const { page, problems } = pages.get('phone')!;
    await page.route(`**${route}*`, (r) => r.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"unavailable"}' }));
    await page.goto(`${api.url}${path}&lang=fr`);
    const error = `${table} tbody tr.placeholder-row td .error[role="alert"]`;
    await page.waitForSelector(`${error} button`);
    expect(await page.textContent(`${error} p`)).toBe(`Chargement impossible ${route} (503)`);
    expect(await page.textContent(`${error} button`)).toBe('Réessayer');
    // No grey chart left promising data that is not coming.
    expect(await page.getAttribute(chart, 'class')).not.toContain('skeleton');
    expect(await page.locator('[aria-busy="true"]').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.unroute(`**${route}*`);
    problems.length = 0;
    await tabTo(page, `${error} button`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${table} tbody ${row}`, { state: 'attached' });
    expect(await page.locator(`${table} .error`).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it.each([
    ['mentions list', () => '/mentions?entity=acme', () => '/api/mentions', '#mention-list > li.placeholder-row', '#mention-list li.mention'],
    ['crisis room', () => `/crises/${crisisId}`, () => `/api/crises/${crisisId}`, '#room', '#crisis-headline'],
  ])('%s: the error keeps the page valid (a list item in a list, one h1), axe-clean, and its retry loads', async (_name, path, route, where, loaded) => {
    const { page, problems } = pages.get('desktop')!;
    const failing = (url: URL) => url.pathname === route();
    await page.route(failing, (r) => r.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"internal error"}' }));
    await page.goto(`${api.url}${path()}${path().includes('?') ? '&' : '?'}lang=en`);
    await page.waitForSelector(`${where} .error[role="alert"] button`);
    expect(await page.textContent(`${where} .error p`)).toBe(`Could not load ${route()} (500)`);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.unroute(failing);
    problems.length = 0;
    await page.click(`${where} .error button`);
    await page.waitForSelector(loaded);
    expect(await page.locator('.error[role="alert"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
