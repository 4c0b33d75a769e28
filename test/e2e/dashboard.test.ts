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
import { createTargetStance } from '../../src/scoring/target-stance.js';
import { storeMentions } from '../../src/store/mention-repository.js';
import { DAY, END, HOUR, mention, openAlert, seed, silentLogger, testConfig, XSS_TEXT } from '../integration/api/api-fixtures.js';

/** Bad news for Acme, good news for its competitor: linked to Globex as favoured and to Acme as implied. */
const SWITCHER_TEXT = `glad i went with Globex. at least it does not melt ${XSS_TEXT}`;

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
  const targets = createTargetStance(config.entities).targets({ text: SWITCHER_TEXT, lang: 'en', tone: 'negative', entityIds: ['globex'] });
  await storeMentions(db.store, [{ ...mention({ id: 'switcher', at: END - DAY / 2, text: SWITCHER_TEXT, tone: 'negative', entity: 'globex' }), entityIds: targets.map((t) => t.entityId), targets }]);
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

describe('tone per entity', () => {
  /** The switcher's tone badge, stance badge and stored label as the Mentions page shows them for `entity`. */
  async function switcherAsShown(query: string) {
    const { page, problems } = await openPage(`/mentions?${query}`);
    const item = 'li.mention[data-id="x:switcher"]';
    await page.waitForSelector(`${item} .badge.stance`);
    const shown = {
      tone: await page.textContent(`${item} .tone .badge:not(.stance)`),
      toneClass: await page.getAttribute(`${item} .tone .badge:not(.stance)`, 'class'),
      stance: await page.textContent(`${item} .badge.stance`),
      text: await page.textContent(`${item} .mention-text`),
    };
    expect(await page.locator('#mention-list img').count()).toBe(0);
    expect(problems).toEqual([]);
    return { page, shown };
  }

  it('shows the tone for the selected entity and why it is not the post\'s, in English and French', async () => {
    const cases: [string, { tone: string; toneClass: string; stance: string }][] = [
      ['entity=globex', { tone: 'positive', toneClass: 'badge positive', stance: 'praises Globex over Acme' }],
      ['entity=globex&lang=fr', { tone: 'positif', toneClass: 'badge positive', stance: 'préfère Globex à Acme' }],
      ['entity=acme', { tone: 'negative', toneClass: 'badge negative', stance: 'compares Acme unfavourably with Globex (Acme not named)' }],
      ['entity=acme&lang=fr', { tone: 'négatif', toneClass: 'badge negative', stance: 'compare Acme défavorablement à Globex (Acme non cité)' }],
    ];
    for (const [query, expected] of cases) {
      const { page, shown } = await switcherAsShown(query);
      expect(shown, query).toEqual({ ...expected, text: SWITCHER_TEXT });
      // A post whose tone is the entity's shows no stance.
      if (query.startsWith('entity=acme')) expect(await page.locator('li.mention[data-id="x:1"] .badge.stance').count()).toBe(0);
      await page.close();
    }
  });

  it("re-derives the entity's tone when the team corrects the post's", async () => {
    const { page } = await switcherAsShown('entity=acme');
    // The post praises Globex: as positive, it is still bad news for Acme, never positive.
    await page.click('li.mention[data-id="x:switcher"] button.tone-button.positive');
    await page.waitForFunction(() => document.querySelector('li.mention[data-id="x:switcher"] .label-status')?.textContent !== '…' && document.querySelector<HTMLElement>('li.mention[data-id="x:switcher"] button.tone-button.positive')?.getAttribute('aria-pressed') === 'true');
    expect(await page.textContent('li.mention[data-id="x:switcher"] .tone .badge:not(.stance)')).toBe('negative');
    expect(await page.textContent('li.mention[data-id="x:switcher"] .badge.stance')).toBe('compares Acme unfavourably with Globex (Acme not named)');
    await page.close();
    const { page: globex, shown } = await switcherAsShown('entity=globex');
    expect(shown).toMatchObject({ tone: 'positive', stance: 'praises Globex over Acme' });
    await globex.close();
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

  it('writes decimals the French way in French: KPI changes, net sentiment, influence scores', async () => {
    const { page, problems } = await openPage('/?lang=fr&entity=acme');
    await page.waitForSelector('[data-kpi="netSentiment"] .change');
    // The figures move with what other tests store; their writing must not.
    expect(await page.textContent('[data-kpi="netSentiment"] .value')).toMatch(/^[+-]?\d,\d\d$/);
    expect(await page.textContent('[data-kpi="netSentiment"] .change')).toMatch(/^[▲▼] [+-]\d,\d\d vs période précédente$/);
    expect(await page.textContent('[data-kpi="negativeShare"] .change')).toMatch(/^[▲▼] [+-]\d+,\d pts vs période précédente$/);
    await page.goto(`${api.url}/influencers?entity=acme&lang=fr`);
    await page.waitForSelector('#influencer-table tbody tr td.num');
    const scores = await page.locator('#influencer-table tbody tr td:nth-child(3)').allTextContents();
    expect(scores.length).toBeGreaterThan(0);
    for (const score of scores) expect(score).toMatch(/^\d+,\d$/);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('influencers', () => {
  it('names the platform of a handle two platforms share, in the chart and its text alternative', async () => {
    // x:1's author, user_1, also posts on YouTube: two authors, two bars, which must not read as one author twice.
    await storeMentions(db.store, [mention({ id: 'yt-1', at: END - DAY, text: 'Acme review', tone: 'neutral', author: 'user_1', platform: 'youtube', followers: 5000 })]);
    const { page, problems } = await openPage('/influencers?entity=acme');
    await drawn(page, 'influencer-chart');
    const names = await page.evaluate(() => {
      const chart = (globalThis as unknown as { echarts: { getInstanceByDom(e: Element): { getOption(): { yAxis: { data: string[] }[] } } } }).echarts;
      return chart.getInstanceByDom(document.getElementById('influencer-chart')!).getOption().yAxis[0].data;
    });
    expect(names).toEqual(expect.arrayContaining(['@user_1 (x)', '@user_1 (youtube)']));
    expect(names.filter((name) => name.startsWith('@user_1'))).toHaveLength(2);
    // A handle only one platform has keeps its plain name.
    expect(names).toContain('@user_6');
    const label = await page.getAttribute('#influencer-chart', 'aria-label');
    expect(label).toContain('@user_1 (youtube)');
    expect(label).toContain('@user_1 (x)');
    expect(problems).toEqual([]);
    await page.close();
  });
});
