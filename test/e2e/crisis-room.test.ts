// The crisis room and the alerts page in a real headless Chromium (one browser for the file): an alert is taken in
// charge with the keyboard alone, the room shows its owner, the evidence led by the journalist's post, hostile text
// as text, a playbook step ticked and a note added with the keyboard, and the overview of the product shows the crisis.
import { Redis } from 'ioredis';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../../src/api/server.js';
import { parseConfig } from '../../src/config/load-config.js';
import { createTargetStance, linkLabel, TARGET_ROLES } from '../../src/scoring/target-stance.js';
import { getAlert, insertAlert } from '../../src/store/alert-repository.js';
import { attachToCrisis, checklistState, listNotes } from '../../src/store/crisis-repository.js';
import { syncEntities } from '../../src/store/entity-repository.js';
import { storeMentions } from '../../src/store/mention-repository.js';
import { publishAlertEvent } from '../../src/queue/alert-events.js';
import { launchChromium, openWatchedPage } from '../helpers/chromium.js';
import { waitUntil } from '../helpers/wait.js';
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
  - { id: veltra, name: Veltra, kind: competitor, parent: kelio, terms: [veltra] }
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
const redisPrefix = testRedisPrefix();

beforeAll(async () => {
  await requireRedis();
  db = await createTestDatabase('sqlite');
  await syncEntities(db.store.db, config.entities);
  await storeMentions(db.store, [
    ...Array.from({ length: 12 }, (_, i) => ({ ...mention({ id: `s${i}`, at: AT + i * 60_000, text: `Aura overheats ${i}`, tone: 'negative', entity: 'aura', reach: 20 }), entityIds: ['aura', 'kelio'] })),
    { ...mention({ id: 'journalist', at: AT + 3 * 60_000, text: `Kelio Aura melts ${XSS}`, tone: 'negative', entity: 'aura', author: 'la_journaliste', followers: 410_000, reach: 400_000 }), influence: 85, entityIds: ['aura', 'kelio'] },
  ]);
  // Bad news for Kelio though it names only Veltra: linked to Veltra as favoured, to Kelio as implied.
  const switcherText = `glad i went with Veltra. at least it does not melt ${XSS}`;
  const targets = createTargetStance(config.entities).targets({ text: switcherText, lang: 'en', tone: 'negative', entityIds: ['veltra'] });
  await storeMentions(db.store, [{ ...mention({ id: 'switcher', at: AT + 4 * 60_000, text: switcherText, tone: 'negative', entity: 'veltra', reach: 60 }), entityIds: targets.map((t) => t.entityId), targets }]);
  const evidence = [...Array.from({ length: 12 }, (_, i) => `x:s${i}`), 'x:journalist'];
  const brand = openAlert({ id: 'e2e-brand', entityId: 'kelio', severity: 'high', evidence: [...evidence, 'x:switcher'], dedupKey: 'kelio:e2e', onsetAt: AT, detectedAt: AT + 10 * 60_000 });
  const product = openAlert({ id: 'e2e-aura', entityId: 'aura', severity: 'critical', evidence, dedupKey: 'aura:e2e', detectors: ['velocity'], why: `a negative post is going viral ${XSS}`, onsetAt: AT, detectedAt: AT + 11 * 60_000 });
  for (const a of [brand, product]) await insertAlert(db.store.db, a);
  crisisId = (await attachToCrisis(db.store.db, brand.id, 'kelio', AT + 10 * 60_000)).id;
  await attachToCrisis(db.store.db, product.id, 'kelio', AT + 11 * 60_000);
  redis = new Redis(REDIS_URL);
  [api, browser] = await Promise.all([startApi({ config, store: db.store, logger: silentLogger(), redis, redisPrefix }), launchChromium()]);
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

  it('keeps the name being typed, and the focus in it, when a live event redraws the alert', async () => {
    const { page, problems } = await openPage('/alerts?id=e2e-brand');
    await page.waitForSelector('#owner-name');
    await page.focus('#owner-name');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Sacha');
    await page.evaluate(() => document.getElementById('alert-headline')!.setAttribute('data-old', 'true'));
    await publishAlertEvent(redis, redisPrefix, { alertId: 'e2e-brand', entityId: 'kelio', event: 'updated', severity: 'high', at: END });
    await page.waitForSelector('#alert-headline:not([data-old])', { state: 'attached' });
    await page.keyboard.type(' Martin');
    expect(await page.inputValue('#owner-name')).toBe('Sacha Martin');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('owner-name');
    expect((await getAlert(db.store.db, 'e2e-brand'))?.status).toBe('open');
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
    // Each post's tone is Kelio's: the post praising Veltra is bad news for Kelio, and says why.
    expect(await page.getAttribute('#evidence li[data-id="x:switcher"]', 'data-link-label')).toBe('negative');
    expect(await page.textContent('#evidence li[data-id="x:switcher"] .badge.negative')).toBe('negative');
    expect(await page.textContent('#evidence li[data-id="x:switcher"] .badge.stance')).toBe('compares Kelio unfavourably with Veltra (Kelio not named)');
    expect(await page.textContent('#evidence li[data-id="x:journalist"] .badge.negative')).toBe('negative');
    expect(await page.locator('#evidence li[data-id="x:journalist"] .badge.stance').count()).toBe(0);
    expect(await page.locator('#checklist li').count()).toBe(5);
    expect(await page.locator('#clock').innerText()).toMatch(/CET|CEST|GMT\+1|GMT\+2/);

    // A teammate on another browser: the room asks who acts (the field keeps the name for the ticks and notes).
    await page.focus('#room-name');
    await page.keyboard.type('Marc');
    await page.focus('#step-holding-statement');
    await page.keyboard.press('Space');
    // The box is checked by the browser at once; the server records the tick when the request lands, then the room
    // redraws with the box checked and keeps the focus on it.
    const tick = await waitUntil(async () => (await checklistState(db.store.db, crisisId)).get('holding-statement'), 'the tick stored', 10_000);
    expect(tick).toMatchObject({ doneBy: 'Marc' });
    await page.waitForFunction(() => (document.getElementById('step-holding-statement') as HTMLInputElement | null)?.checked === true && document.activeElement?.id === 'step-holding-statement', null, { timeout: 10_000 });

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

  it('keeps the note being typed, and the focus in it, when the redraw after a tick comes back late', async () => {
    const { page, problems } = await openPage(`/crises/${crisisId}`);
    await page.waitForSelector('#crisis-headline');
    await page.focus('#room-name');
    await page.keyboard.type('Marc');
    // The tick's request is held until the team member has moved on to the note.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/checklist/**', async (route) => {
      await held;
      await route.continue();
    });
    const box = page.locator('#checklist input[type=checkbox]:not(:checked)').first();
    const stepId = (await box.getAttribute('id'))!.replace(/^step-/, '');
    await box.focus();
    await page.keyboard.press('Space');
    await page.focus('#note-text');
    await page.keyboard.type('Call the journalist back');
    release();
    await waitUntil(async () => (await checklistState(db.store.db, crisisId)).get(stepId), 'the tick stored', 10_000);
    // The redraw after the tick names who ticked the step.
    await page.waitForFunction((id) => document.getElementById(`step-${id}`)?.closest('li')?.textContent?.includes('Marc'), stepId);
    await page.keyboard.type(` ${XSS}`);
    expect(await page.inputValue('#note-text')).toBe(`Call the journalist back ${XSS}`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('note-text');
    expect(await page.inputValue('#room-name')).toBe('Marc');
    expect(await listNotes(db.store.db, crisisId)).toHaveLength(1);
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
    expect(await page.textContent('#evidence li[data-id="x:switcher"] .badge.negative')).toBe('négatif');
    expect(await page.textContent('#evidence li[data-id="x:switcher"] .badge.stance')).toBe('compare Kelio défavorablement à Veltra (Kelio non cité)');
    await page.close();
  });

  it("reads the alert's evidence for the alert's entity: the same post is good news for Veltra, bad news for Kelio", async () => {
    const item = '#evidence li[data-id="x:switcher"]';
    const { page, problems } = await openPage('/alerts?id=e2e-brand&lang=fr');
    await page.waitForSelector(`${item} .badge.stance`);
    expect(await page.textContent(`${item} .badge.negative`)).toBe('négatif');
    expect(await page.textContent(`${item} .badge.stance`)).toBe('compare Kelio défavorablement à Veltra (Kelio non cité)');
    expect(await page.textContent(`${item} .mention-text`)).toBe(`glad i went with Veltra. at least it does not melt ${XSS}`);
    expect(await injected(page)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
    // The same post cited by an alert about Veltra: positive for Veltra, though the post is negative.
    await insertAlert(db.store.db, openAlert({ id: 'e2e-veltra', entityId: 'veltra', severity: 'medium', evidence: ['x:switcher'], dedupKey: 'veltra:e2e', onsetAt: AT, detectedAt: AT + 12 * 60_000 }));
    const veltra = await openPage('/alerts?id=e2e-veltra');
    await veltra.page.waitForSelector(`${item} .badge.stance`);
    expect(await veltra.page.textContent(`${item} .badge.positive`)).toBe('positive');
    expect(await veltra.page.textContent(`${item} .badge.stance`)).toBe('praises Veltra over Kelio');
    expect(veltra.problems).toEqual([]);
    await veltra.page.close();
  });

  it("labels each link in the browser by the scorer's rule (stance-words.js keeps its own copy for corrections made on the page)", async () => {
    const tones = ['negative', 'neutral', 'positive'] as const;
    const { page, problems } = await openPage('/alerts?id=e2e-brand');
    // A string, not a function: the test runner would rewrite a function's import() into its own loader.
    const inBrowser = await page.evaluate<string[]>(`import('/assets/stance-words.js').then(({ linkLabel }) =>
      ${JSON.stringify(TARGET_ROLES)}.flatMap((role) => ${JSON.stringify(tones)}.map((tone) => role + '/' + tone + ': ' + linkLabel(role, tone))))`);
    expect(inBrowser).toEqual(TARGET_ROLES.flatMap((role) => tones.map((tone) => `${role}/${tone}: ${linkLabel(role, tone)}`)));
    expect(problems).toEqual([]);
    await page.close();
  });
});
