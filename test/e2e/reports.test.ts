// Reports in Chromium: a shareable read-only link shows the overview of its entity and period to someone without the
// token, and nothing else; the PDF report is the dashboard's overview printed by Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startApi } from '../../src/api/server.js';
import { launchChromium } from '../helpers/chromium.js';
import { createTestDatabase, type TestDatabase } from '../helpers/services.js';
import { DAY, END, seed, silentLogger, testConfig } from '../integration/api/api-fixtures.js';

const TOKEN = 'reports-test-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

let db: TestDatabase;
let browser: Browser;
let api: { url: string; close(): Promise<void> };
let now = END;

beforeAll(async () => {
  db = await createTestDatabase('sqlite');
  const config = { ...testConfig({ token: TOKEN }), workspace: { timeZone: 'Europe/Paris' } };
  await seed(db.store, config);
  api = await startApi({ config, store: db.store, logger: silentLogger(), now: () => now });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await db?.destroy();
});

async function makeShare(): Promise<{ url: string; expires: number }> {
  const res = await fetch(`${api.url}/api/shares`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json', origin: api.url },
    body: JSON.stringify({ entity: 'acme', from: String(END - 7 * DAY), to: String(END), days: 2 }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

describe('shared view', () => {
  it('shows its entity and period without the token, read-only, and expires', async () => {
    expect((await fetch(`${api.url}/api/shares`, { method: 'POST', headers: { 'content-type': 'application/json', origin: api.url }, body: '{}' })).status).toBe(401);
    const { url, expires } = await makeShare();
    expect(expires).toBe(END + 2 * DAY);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(url);
    await page.waitForSelector('[data-kpi="volume"] .value');
    expect(await page.textContent('[data-kpi="volume"] .value')).toBe('5');
    expect(await page.locator('#nav').isVisible()).toBe(false);
    expect(await page.locator('#token-form').count()).toBe(0);
    await page.waitForSelector('#open-alerts li[data-id="alert-1"]');
    expect(problems).toEqual([]);
    await page.close();

    // The link's token opens its own view's reads, nothing else.
    const token = url.split('/share/')[1];
    const share = { authorization: `Share ${token}` };
    const ok = await fetch(`${api.url}/api/kpis?entity=acme&from=${END - 7 * DAY}&to=${END}`, { headers: share });
    expect(ok.status).toBe(200);
    for (const path of [`/api/kpis?entity=globex&from=${END - 7 * DAY}&to=${END}`, `/api/kpis?entity=acme`, '/api/alerts', `/api/mentions.csv?entity=acme&from=${END - 7 * DAY}&to=${END}`]) {
      expect((await fetch(`${api.url}${path}`, { headers: share })).status, path).toBe(403);
    }
    const forged = `${token.slice(0, -2)}xx`;
    expect((await fetch(`${api.url}/share/${forged}`)).status).toBe(404);
    now = END + 3 * DAY;
    expect((await fetch(url)).status).toBe(410);
    expect((await fetch(`${api.url}/api/kpis?entity=acme&from=${END - 7 * DAY}&to=${END}`, { headers: share })).status).toBe(401);
    now = END;
  }, 90_000);
});

describe('PDF report', () => {
  it("is the overview printed by Chromium, named after the entity and the period", async () => {
    const res = await fetch(`${api.url}/api/reports.pdf?entity=acme&from=${END - 7 * DAY}&to=${END}&lang=fr`, { headers: auth });
    expect(res.status, res.status === 200 ? '' : await res.text()).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="vigie-acme-2026-03-13-to-2026-03-20.pdf"');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // At least one page, with the charts as vector paths (a blank page is a few hundred bytes).
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(1);
    expect(pdf.length).toBeGreaterThan(20_000);
    expect((await fetch(`${api.url}/api/reports.pdf?entity=acme&from=${END - 7 * DAY}&to=${END}`)).status).toBe(401);
  }, 90_000);
});
