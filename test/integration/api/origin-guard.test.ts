// Cross-origin writes: `Origin: null` (sandboxed iframes, file: pages) and any origin but our own are refused on
// every state-changing route, bull-board's API included, with or without api.publicUrl.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { buildApi } from '../../../src/api/server.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { linkSecret } from '../../../src/notify/link-secret.js';
import { signAction } from '../../../src/notify/signed-link.js';
import { closeQueues, createQueues, type Queues } from '../../../src/queue/queues.js';
import { getAlert, insertAlert } from '../../../src/store/alert-repository.js';
import { createTestDatabase, REDIS_URL, requireRedis, testRedisPrefix, type TestDatabase } from '../../helpers/services.js';
import { DAY, END, openAlert, seed, silentLogger } from './api-fixtures.js';

const HOST = '127.0.0.1:8080';
const FOREIGN_ORIGINS = ['null', 'https://evil.example', 'http://127.0.0.1:9999', 'not a url', 'file://', 'chrome-extension://abc'];

function configWith(publicUrl: string) {
  return parseConfig(
    `
api: { publicUrl: "${publicUrl}", linkSecret: origin-test-link-secret }
entities: [{ id: acme, name: Acme, kind: brand, terms: [acme] }]
`,
    'origin-test.yaml',
    {},
  );
}

describe.each(['', 'https://vigie.example'])('state-changing routes with publicUrl "%s"', (publicUrl) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let redis: Redis;
  let queues: Queues;
  const config = configWith(publicUrl);
  const form = { 'content-type': 'application/x-www-form-urlencoded' };

  beforeAll(async () => {
    await requireRedis();
    db = await createTestDatabase('sqlite');
    await seed(db.store, config);
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    queues = createQueues(redis, testRedisPrefix(), () => {});
    app = await buildApi({ config, store: db.store, logger: silentLogger(), now: () => END, queues });
  });
  afterAll(async () => {
    await app?.close();
    await closeQueues(queues);
    redis?.disconnect();
    await db?.destroy();
  });

  /** Every state-changing route, as a request an attacker's page could make, and how to tell that nothing changed. */
  const writes = () => {
    const fields = new URLSearchParams(signAction(linkSecret(config.api, config.dataDir), { action: 'acknowledge', id: 'alert-1', expires: END + DAY }));
    return [
      { method: 'POST' as const, url: '/api/alerts/alert-1/acknowledge', headers: { 'content-type': 'application/json' }, payload: '{}' },
      { method: 'POST' as const, url: '/api/alerts/alert-1/resolve', headers: { 'content-type': 'application/json' }, payload: '{}' },
      { method: 'POST' as const, url: '/ack', headers: form, payload: fields.toString() },
      { method: 'POST' as const, url: '/admin/queues/api/queues/notify/add', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x', data: {} }) },
      { method: 'PUT' as const, url: '/admin/queues/api/queues/pause', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ queues: ['notify'] }) },
      { method: 'PUT' as const, url: '/api/mentions/x:1/label', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ label: 'positive' }) },
      { method: 'DELETE' as const, url: '/api/mentions/x:1/label', headers: { 'content-type': 'application/json' }, payload: '{}' },
      { method: 'POST' as const, url: '/api/tags', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ id: 'evil', name: 'Evil' }) },
      { method: 'PUT' as const, url: '/api/mentions/x:1/tags/evil', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ applies: true }) },
    ];
  };

  const nothingChanged = async () => {
    expect((await getAlert(db.store.db, 'alert-1'))?.status).toBe('open');
    expect(await queues.notify.count()).toBe(0);
    expect(await queues.notify.isPaused()).toBe(false);
    expect(await db.store.db.selectFrom('mention_labels').selectAll().execute()).toEqual([]);
    expect(await db.store.db.selectFrom('tags').selectAll().execute()).toEqual([]);
  };

  it.each(FOREIGN_ORIGINS)('refuses Origin "%s" on every state-changing route, bull-board included', async (origin) => {
    for (const request of writes()) {
      const res = await app.inject({ ...request, headers: { ...request.headers, host: HOST, origin } });
      expect(res.statusCode, `${request.method} ${request.url}`).toBe(403);
    }
    await nothingChanged();
  });

  it('refuses a write the browser marks cross-site even without an Origin header', async () => {
    for (const request of writes()) {
      const res = await app.inject({ ...request, headers: { ...request.headers, host: HOST, 'sec-fetch-site': 'cross-site' } });
      expect(res.statusCode, `${request.method} ${request.url}`).toBe(403);
    }
    await nothingChanged();
  });

  it('accepts a write from the page it served (same host), and from the public URL when one is set', async () => {
    await insertAlert(db.store.db, openAlert({ id: 'alert-same', dedupKey: 'acme:same' }));
    const same = await app.inject({ method: 'POST', url: '/api/alerts/alert-same/acknowledge', headers: { host: HOST, origin: `http://${HOST}`, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }, payload: '{}' });
    expect(same.statusCode).toBe(200);
    if (publicUrl) {
      const viaProxy = await app.inject({ method: 'POST', url: '/api/alerts/alert-same/resolve', headers: { host: HOST, origin: publicUrl, 'content-type': 'application/json' }, payload: '{}' });
      expect(viaProxy.statusCode).toBe(200);
    }
  });
});
