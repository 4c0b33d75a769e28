// The crisis room and the alerts page in a real headless Chromium (one browser for the file): an alert is taken in
// charge with the keyboard alone, the room shows its owner, the evidence led by the journalist's post, hostile text
// as text, a playbook step ticked and a note added with the keyboard, and the overview of the product shows the crisis.
import { Redis } from 'ioredis';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../../src/api/server.js';
import { parseConfig } from '../../src/config/load-config.js';
import { getAlert, insertAlert } from '../../src/store/alert-repository.js';
import { attachToCrisis, checklistState, listNotes } from '../../src/store/crisis-repository.js';
import { syncEntities } from '../../src/store/entity-repository.js';
import { storeMentions } from '../../src/store/mention-repository.js';
import { launchChromium, openWatchedPage } from '../helpers/chromium.js';
import { createTestDatabase, REDIS_URL, requireRedis, testRedisPrefix, type TestDatabase } from '../helpers/services.js';
import { END, HOUR, mention, openAlert, silentLogger } from '../integration/api/api-fixtures.js';

const XSS = '<img src=x onerror=alert(1)>';
const config = parseConfig(
  `
dataDir: /tmp/vigie-crisis-e2e
api: { port: 0, linkSecret: crisis-e2e-secret }
entities:
  - { id: kelio, name: Kelio, kind: brand, terms: [kelio], timezone: Europe/Paris }
  - { id: aura, name: Kelio Aura, kind: product, parent: kelio, terms: [kelio aura] }
  - { id: ceo, name: Anne Kelio, kind: person, parent: kelio, terms: [anne kelio] }
`,
  'crisis-e2e.yaml',
  {},
);
const AT = END - 2 * HOUR;

let db: TestDatabase;
let redis: Redis;
let browser: Browser;
let api: { url: string; close(): Promise<void> };
let crisisId: string;

beforeAll(async () => {
  await requireRedis();
  db = await createTestDatabase('sqlite');
  await syncEntities(db.store.db, config.entities);
  await storeMentions(db.store, [
    ...Array.from({ length: 12 }, (_, i) => ({ ...mention({ id: `s${i}`, at: AT + i * 60_000, text: `Aura overheats ${i}`, tone: 'negative', entity: 'aura', reach: 20 }), entityIds: ['aura', 'kelio'] })),
    { ...mention({ id: 'journalist', at: AT + 3 * 60_000, text: `Kelio Aura melts ${XSS}`, tone: 'negative', entity: 'aura', author: 'la_journaliste', followers: 410_000, reach: 400_000 }), influence: 85, entityIds: ['aura', 'kelio'] },
  ]);
  const evidence = [...Array.from({ length: 12 }, (_, i) => `x:s${i}`), 'x:journalist'];
  const brand = openAlert({ id: 'e2e-brand', entityId: 'kelio', severity: 'high', evidence, dedupKey: 'kelio:e2e', onsetAt: AT, detectedAt: AT + 10 * 60_000 });
  const product = openAlert({ id: 'e2e-aura', entityId: 'aura', severity: 'critical', evidence, dedupKey: 'aura:e2e', detectors: ['velocity'], why: `a negative post is going viral ${XSS}`, onsetAt: AT, detectedAt: AT + 11 * 60_000 });
  for (const a of [brand, product]) await insertAlert(db.store.db, a);
  crisisId = (await attachToCrisis(db.store.db, brand.id, 'kelio', AT + 10 * 60_000)).id;
  await attachToCrisis(db.store.db, product.id, 'kelio', AT + 11 * 60_000);
  redis = new Redis(REDIS_URL);
  [api, browser] = await Promise.all([startApi({ config, store: db.store, logger: silentLogger(), redis, redisPrefix: testRedisPrefix() }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  redis?.disconnect();
  await db?.destroy();
});

const openPage = (path: string) => openWatchedPage(browser, `${api.url}${path}`);

/** Presses Tab until `matches` holds for the focused element; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const injected = (page: Page) => page.evaluate(() => document.querySelectorAll('img[src="x"], img[onerror]').length);

describe('alerts with the keyboard', () => {
  it('reaches an alert with Tab, opens it with Enter and takes charge by name without a mouse', async () => {
    const { page, problems } = await openPage('/alerts?entity=aura');
    await page.waitForSelector('#alert-list a.alert-link');
    await tabTo(page, 'a.alert-link');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'alert-headline');
    expect(await page.textContent('#alert-headline')).toContain('Kelio Aura: viral negative post');
    await tabTo(page, '#owner-name');
    await page.keyboard.type('Camille');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('alert-status')?.textContent === 'taken in charge');
    expect(await getAlert(db.store.db, 'e2e-aura')).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'Camille' });
    // The alert's page links its crisis room, and shows the story as text.
    expect(await page.getAttribute('#open-room', 'href')).toBe(`/crises/${crisisId}`);
    expect(await injected(page)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('crisis room', () => {
  it('shows the owner, the evidence led by the journalist, hostile text as text; ticks a step and adds a note with the keyboard', async () => {
    const { page, problems } = await openPage(`/crises/${crisisId}`);
    await page.waitForSelector('#crisis-headline');
    expect(await page.textContent('#crisis-owner')).toBe('Owner: Camille');
    expect(await page.textContent('#crisis-status')).toBe('handled');
    expect(await page.getAttribute('#evidence li:first-child', 'data-id')).toBe('x:journalist');
    expect(await page.textContent('#evidence li:first-child .mention-text')).toBe(`Kelio Aura melts ${XSS}`);
    expect(await page.textContent('#unanswered li:first-child .mention-text')).toBe(`Kelio Aura melts ${XSS}`);
    expect(await page.locator('#checklist li').count()).toBe(5);
    expect(await page.locator('#clock').innerText()).toMatch(/CET|CEST|GMT\+1|GMT\+2/);

    // A teammate on another browser: the room asks who acts (the field keeps the name for the ticks and notes).
    await page.focus('#room-name');
    await page.keyboard.type('Marc');
    await page.focus('#step-holding-statement');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => (document.getElementById('step-holding-statement') as HTMLInputElement | null)?.checked === true && document.activeElement?.id === 'step-holding-statement');
    expect((await checklistState(db.store.db, crisisId)).get('holding-statement')).toMatchObject({ doneBy: 'Marc' });

    await page.focus('#note-text');
    await page.keyboard.type(`Holding statement posted ${XSS}`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#notes li');
    expect(await page.textContent('#notes li .mention-text')).toBe(`Holding statement posted ${XSS}`);
    expect(await listNotes(db.store.db, crisisId)).toEqual([expect.objectContaining({ author: 'Marc', text: `Holding statement posted ${XSS}` })]);
    expect(await injected(page)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the crisis as open on the overview of any entity of the family', async () => {
    for (const entity of ['kelio', 'ceo']) {
      const { page } = await openPage(`/?entity=${entity}`);
      await page.waitForSelector(`#open-alerts li[data-crisis="${crisisId}"] a`);
      expect(await page.getAttribute(`#open-alerts li[data-crisis="${crisisId}"] a`, 'href')).toBe(`/crises/${crisisId}`);
      await page.close();
    }
  });

  it('speaks French in the room: "prise en charge", one wording', async () => {
    const { page } = await openPage(`/crises/${crisisId}?lang=fr`);
    await page.waitForSelector('#crisis-headline');
    expect(await page.textContent('#room-take-charge')).toBe('Passer la main');
    expect(await page.textContent('#crisis-status')).toBe('prise en charge');
    await page.close();
  });
});
