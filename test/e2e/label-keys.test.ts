// One-key correction in a real headless Chromium: focus a mention, press 3, the tone is positive everywhere at once;
// the Labels page shows the figures, the to-review list and the label, with hostile text kept as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openWatchedPage } from '../helpers/chromium.js';
import { startApi } from '../../src/api/server.js';
import { entityTotals } from '../../src/store/kpi-queries.js';
import { createTestDatabase, type TestDatabase } from '../helpers/services.js';
import { END, seed, silentLogger, testConfig, XSS_TEXT } from '../integration/api/api-fixtures.js';

const PERIOD = `from=${new Date(END - 7 * 86_400_000).toISOString().slice(0, 10)}`;

let db: TestDatabase;
let browser: Browser;
let api: { url: string; close(): Promise<void> };

beforeAll(async () => {
  db = await createTestDatabase('sqlite');
  const config = testConfig();
  await seed(db.store, config);
  api = await startApi({ config, store: db.store, logger: silentLogger(), now: () => END });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await db?.destroy();
});

const openPage = (path: string) => openWatchedPage(browser, `${api.url}${path}`);

const negativeShare = async () => {
  const t = (await entityTotals(db.store.db, ['acme'], { from: END - 7 * 86_400_000, to: END })).get('acme')!;
  return t.negative / t.total;
};

describe('labelling from the dashboard', () => {
  it('corrects a mention with one key, once, and the KPIs follow', async () => {
    const { page, problems } = await openPage(`/mentions?entity=acme&${PERIOD}`);
    const item = page.locator('li.labellable[data-id="x:1"]');
    await item.waitFor();
    expect(await negativeShare()).toBeCloseTo(2 / 5);
    await page.fill('.labeller input', 'Ana <b>');
    await page.locator('.labeller input').dispatchEvent('change');
    await item.focus();
    await page.keyboard.press('3');
    await item.locator('.label-status', { hasText: 'Saved' }).waitFor();
    expect(await item.locator('.meta .badge').textContent()).toBe('positive');
    expect(await item.locator('button.tone-button.positive').getAttribute('aria-pressed')).toBe('true');
    expect(await item.locator('.certainty').textContent()).toMatch(/labelled by Ana <b> \(scorer said negative\)/);
    // Pressed again: nothing changes twice.
    await page.keyboard.press('p');
    await item.locator('.label-status', { hasText: 'Saved' }).waitFor();
    expect(await negativeShare()).toBeCloseTo(1 / 5);
    const stored = await db.store.db.selectFrom('mention_labels').select(['labelled_by', 'source']).where('mention_id', '=', 'x:1').executeTakeFirstOrThrow();
    expect(stored).toEqual({ labelled_by: 'Ana <b>', source: 'dashboard' });
    // K moves to the previous (newer) mention; the hostile text stayed text.
    await page.keyboard.press('k');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).not.toBe('x:1');
    expect(await page.locator('.mention-text', { hasText: XSS_TEXT }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the Labels page shows the figures, the to-review list and the latest label', async () => {
    const { page, problems } = await openPage('/labels?entity=acme');
    await page.locator('#model-figures p[data-lang="en"]').waitFor();
    // One label says nothing of a macro-F1: the page counts agreement and says how many labels training needs.
    expect(await page.locator('#model-figures').textContent()).toBe('On 1 mention your team labelled (en): the scorer agreed with 0 — 19 more labels, in at least two tones, and vigie train can train a model');
    await page.locator('#recent-list li .badge.positive').waitFor();
    await page.locator('#review-list li.labellable').first().waitFor();
    expect(await page.locator('#review-list li[data-id="x:1"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the Labels page speaks French: the figures and why each mention is to review', async () => {
    const { page, problems } = await openPage('/labels?entity=acme&lang=fr');
    await page.locator('#model-figures p[data-lang="en"]').waitFor();
    expect(await page.locator('#model-figures').textContent()).toBe('Sur 1 mention annotée par votre équipe (en)\u202f: le score était d\u2019accord sur 0 — encore 19 annotations, d\u2019au moins deux tons, et vigie train pourra entraîner un modèle');
    await page.locator('#review-list li.labellable').first().waitFor();
    const reasons = await page.locator('#review-list .review-reason').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(/^échantillon au hasard pour les 100 premières annotations \(\d+ à ce jour\)$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('after a click on a tone button, the keys still label that mention', async () => {
    const { page, problems } = await openPage(`/mentions?entity=acme&${PERIOD}`);
    const item = page.locator('li.labellable[data-id="x:6"]');
    await item.waitFor();
    await item.locator('button.tone-button.neutral').click();
    await item.locator('.label-status', { hasText: 'Saved' }).waitFor();
    await item.locator('.label-status').evaluate((status) => (status.textContent = ''));
    await page.keyboard.press('1');
    await item.locator('.label-status', { hasText: 'Saved' }).waitFor();
    expect(await item.locator('.meta .badge').textContent()).toBe('negative');
    const stored = await db.store.db.selectFrom('mention_labels').select('label').where('mention_id', '=', 'x:6').executeTakeFirstOrThrow();
    expect(stored.label).toBe('negative');
    // Keys typed in the name field are text, not labels.
    await page.fill('.labeller input', '');
    await page.locator('.labeller input').press('3');
    expect(await page.locator('.labeller input').inputValue()).toBe('3');
    expect((await db.store.db.selectFrom('mention_labels').select('label').where('mention_id', '=', 'x:6').executeTakeFirstOrThrow()).label).toBe('negative');
    expect(problems).toEqual([]);
    await page.close();
  });
});
