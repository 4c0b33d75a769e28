// The operator pages in Chromium: Swagger UI at /docs lists the API's operations from its OpenAPI document, and
// bull-board at /admin/queues (no trailing slash) gets past "Loading" under our CSP; both only with the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { Redis } from 'ioredis';
import { startApi } from '../../src/api/server.js';
import { closeQueues, createQueues, type Queues } from '../../src/queue/queues.js';
import { launchChromium } from '../helpers/chromium.js';
import { createTestDatabase, REDIS_URL, requireRedis, testRedisPrefix, type TestDatabase } from '../helpers/services.js';
import { seed, silentLogger, testConfig } from '../integration/api/api-fixtures.js';

const TOKEN = 'docs-test-token-0123456789';

let db: TestDatabase;
let redis: Redis;
let queues: Queues;
let browser: Browser;
let api: { url: string; close(): Promise<void> };

beforeAll(async () => {
  await requireRedis();
  db = await createTestDatabase('sqlite');
  const config = testConfig({ token: TOKEN });
  await seed(db.store, config);
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  queues = createQueues(redis, testRedisPrefix(), () => {});
  api = await startApi({ config, store: db.store, logger: silentLogger(), queues });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  if (queues) await closeQueues(queues);
  redis?.disconnect();
  await db?.destroy();
});

describe('operator pages', () => {
  it('asks for the token at /docs and /admin/queues', async () => {
    for (const path of ['/docs', '/docs/json', '/admin/queues']) expect((await fetch(`${api.url}${path}`)).status, path).toBe(401);
  });

  it('shows the API in Swagger UI at /docs, and the queues in bull-board at /admin/queues', async () => {
    const context = await browser.newContext({ httpCredentials: { username: 'ops', password: TOKEN } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('fonts.googleapis') && problems.push(m.text()));

    await page.goto(`${api.url}/docs`);
    await page.waitForSelector('.opblock-summary-path', { timeout: 15_000 });
    const paths = await page.locator('.opblock-summary-path').allTextContents();
    expect(paths.map((p) => p.replace(/\u200b/g, ''))).toEqual(expect.arrayContaining(['/api/kpis', '/api/mentions', '/api/mentions.csv']));

    await page.goto(`${api.url}/admin/queues`);
    // The queue names appear once the React app has loaded its scripts through <base href>.
    await page.waitForSelector('#root a[href*="score"]', { timeout: 15_000 });
    await page.screenshot({ path: '/tmp/vigie-e2e-admin-queues.png' });
    expect(await page.locator('#root').textContent()).not.toMatch(/^\s*Loading\s*$/);
    expect(problems.filter((p) => /base|Refused/i.test(p))).toEqual([]);
    await context.close();
  });
});
