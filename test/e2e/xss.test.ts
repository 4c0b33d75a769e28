// Thirty classic XSS vectors stored as mention texts, author handles, alert reasons and phrases and a metric name,
// then every dashboard page opened in headless Chromium: no dialog, no trap set, no event-handler attribute, no
// javascript: link, no injected frame. The vectors are hostile input written for this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { Redis } from 'ioredis';
import { startApi } from '../../src/api/server.js';
import { linkSecret } from '../../src/notify/link-secret.js';
import { signAction } from '../../src/notify/signed-link.js';
import { getAlert, insertAlert } from '../../src/store/alert-repository.js';
import { storeMentions } from '../../src/store/mention-repository.js';
import { upsertMetrics } from '../../src/store/metrics-repository.js';
import { createTestDatabase, REDIS_URL, requireRedis, testRedisPrefix, type TestDatabase } from '../helpers/services.js';
import { DAY, END, HOUR, mention, openAlert, seed, silentLogger, testConfig } from '../integration/api/api-fixtures.js';

const PERIOD = `from=${END - 7 * DAY}&to=${END}`;
/** What every vector tries to do: open a dialog, or set window.__xss. */
const HIT = `window.__xss=1;alert(1)`;

const VECTORS = [
  `<script>${HIT}</script>`,
  `<SCRIPT SRC=data:text/javascript,${encodeURIComponent(HIT)}></SCRIPT>`,
  `<img src=x onerror="${HIT}">`,
  `<img src=x onerror=${HIT}//`,
  `<svg onload="${HIT}">`,
  `<svg><script>${HIT}</script></svg>`,
  `<svg><animate onbegin="${HIT}" attributeName=x dur=1s>`,
  `<body onload="${HIT}">`,
  `<iframe src="javascript:${HIT}"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<a href="javascript:${HIT}">click</a>`,
  `<a href="jav&#x09;ascript:${HIT}">tab</a>`,
  `<details open ontoggle="${HIT}">`,
  `<input autofocus onfocus="${HIT}">`,
  `<video><source onerror="${HIT}"></video>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${HIT}">`,
  `"><img src=x onerror="${HIT}">`,
  `'><svg onload='${HIT}'>`,
  `" autofocus onfocus="${HIT}" x="`,
  `</textarea><script>${HIT}</script>`,
  `</title><script>${HIT}</script>`,
  `{{constructor.constructor('${HIT}')()}}`,
  `\${constructor.constructor('${HIT}')()}`,
  `<object data="javascript:${HIT}"></object>`,
  `<embed src="data:text/html,<script>${HIT}</script>">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${HIT}">`,
  `<div style="background:url(javascript:${HIT})">`,
  `\u003cimg src=x onerror=${HIT}\u003e`,
  `&lt;img src=x onerror=${HIT}&gt;`,
  `<scr<script>ipt>${HIT}</scr</script>ipt>`,
  `<form><button formaction="javascript:${HIT}">go</button></form>`,
  `<marquee onstart="${HIT}">`,
];

let db: TestDatabase;
let redis: Redis;
let browser: Browser;
let api: { url: string; close(): Promise<void> };
const config = testConfig();

beforeAll(async () => {
  await requireRedis();
  db = await createTestDatabase('sqlite');
  await seed(db.store, config);
  await storeMentions(
    db.store,
    VECTORS.map((vector, i) => ({
      ...mention({ id: `xss-${i}`, at: END - DAY + i * 60_000, text: `Acme ${vector}`, tone: i % 2 ? 'negative' : 'positive', author: vector, followers: 10_000 + i, likes: 50 + i, reach: 5000 }),
    })),
  );
  await insertAlert(db.store.db, openAlert({
    id: 'alert-xss', dedupKey: 'acme:volume:xss', why: VECTORS.join(' '), phrases: VECTORS.slice(0, 10),
    evidence: VECTORS.map((_, i) => `x:xss-${i}`), detectedAt: END - HOUR, onsetAt: END - 2 * HOUR, lastFiredAt: END - HOUR, lastSeenAt: END - HOUR, updatedAt: END - HOUR,
  }));
  await upsertMetrics(db.store.db, VECTORS.slice(0, 5).map((vector, i) => ({ entityId: 'acme', day: new Date(END - (i + 1) * DAY).toISOString().slice(0, 10), name: vector, value: i })));
  redis = new Redis(REDIS_URL);
  api = await startApi({ config, store: db.store, logger: silentLogger(), redis, redisPrefix: testRedisPrefix() });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  redis?.disconnect();
  await db?.destroy();
});

/** Anything a vector could have planted in the DOM, found after the page has drawn its data. */
/**
 * The Influencers page's own <details class="explain"> (static markup, how the score is computed) and the overview's
 * <details id="volume-data"> (the chart as a table, static in overview.html) are no injection.
 */
function injectedThings(): string[] {
  const found: string[] = [];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name.startsWith('on')) found.push(`<${el.tagName.toLowerCase()} ${attr.name}>`);
      if (/^\s*javascript:/i.test(attr.value) || (attr.name === 'formaction')) found.push(`<${el.tagName.toLowerCase()} ${attr.name}=${attr.value.slice(0, 30)}>`);
    }
  }
  for (const el of Array.from(document.querySelectorAll('iframe, object, embed, meta[http-equiv], marquee, details:not(.explain):not(#volume-data), video, math, input[autofocus]'))) found.push(`<${el.tagName.toLowerCase()}>`);
  for (const el of Array.from(document.querySelectorAll('script:not([src])'))) found.push(`inline <script>${el.textContent?.slice(0, 30)}`);
  return found;
}

describe('XSS vectors in every dashboard page', () => {
  it.each([
    [`/?entity=acme&${PERIOD}`, '#open-alerts li[data-id="alert-xss"]'],
    [`/alerts?${PERIOD}`, '#alert-list li[data-id="alert-xss"]'],
    ['/alerts?id=alert-xss', '#alert-status'],
    [`/mentions?entity=acme&${PERIOD}`, 'li.mention[data-id="x:xss-0"] .mention-text'],
    [`/influencers?entity=acme&${PERIOD}`, '#influencer-chart'],
    [`/business?entity=acme&${PERIOD}`, '#business-chart'],
  ])('%s runs no script from stored text', async (path, ready) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${api.url}${path}`);
    await page.waitForSelector(ready, { state: 'attached', timeout: 10_000 });
    // Let data-driven rendering and any planted handler (onerror, onload, autofocus) have their chance
    // (not "networkidle": the alert pages keep an event stream open).
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.evaluate(injectedThings)).toEqual([]);
    await page.close();
  });

  it('shows the alert reason with its vectors as text on the alert page', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}/alerts?id=alert-xss`);
    await page.waitForFunction((needle) => document.body.innerText.includes(needle), VECTORS[2], { timeout: 10_000 });
    await page.close();
  });

  it('shows every vector, character for character, as text in the mentions list', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}/mentions?entity=acme&${PERIOD}&limit=100`);
    await page.waitForSelector('li.mention[data-id="x:xss-0"] .mention-text');
    const texts = await page.$$eval('li.mention .mention-text', (els) => els.map((el) => el.textContent));
    expect(VECTORS.filter((v) => !texts.includes(`Acme ${v}`))).toEqual([]);
    await page.close();
  });

  it('acknowledges from the signed link only when the button is pressed, the reason shown as text', async () => {
    const link = signAction(linkSecret(config.api, config.dataDir), { action: 'acknowledge', id: 'alert-xss', expires: Math.max(Date.now(), END) + DAY });
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${api.url}/ack?${link}`);
    expect(await page.locator('p.why').innerText()).toBe(VECTORS.join(' '));
    expect((await getAlert(db.store.db, 'alert-xss'))?.status).toBe('open');
    // The form posts to the same origin, which the page's Content-Security-Policy (form-action 'self') allows.
    await page.getByLabel('Your name').fill('<b>Camille</b>');
    await Promise.all([page.waitForURL(`${api.url}/ack`), page.getByRole('button', { name: 'Take charge' }).click()]);
    await page.waitForSelector('text=You are in charge');
    expect(await page.locator('p.owner').innerText()).toBe('Taken in charge by <b>Camille</b>.');
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(injectedThings)).toEqual([]);
    expect((await getAlert(db.store.db, 'alert-xss'))?.status).toBe('acknowledged');
    await page.close();
  });
});
