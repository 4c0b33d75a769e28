// The failed-credential lockout: counted per route family (/api, operator endpoints, ack links), per client and
// per distinct credential; a correct token or a genuine link always passes; behind a proxy only with api.trustProxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApi } from '../../../src/api/server.js';
import { parseConfig, type VigieConfig } from '../../../src/config/load-config.js';
import { ConfigError } from '../../../src/config/config-error.js';
import { linkSecret } from '../../../src/notify/link-secret.js';
import { signAction } from '../../../src/notify/signed-link.js';
import { insertAlert } from '../../../src/store/alert-repository.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/services.js';
import { DAY, END, openAlert, seed, silentLogger } from './api-fixtures.js';

const TOKEN = 'lockout-test-token-0123456789';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const configWith = (api: string) =>
  parseConfig(`api: { token: "${TOKEN}", linkSecret: lockout-test-link-secret${api} }\nentities: [{ id: acme, name: Acme, kind: brand, terms: [acme] }]\n`, 'lockout.yaml', {});

describe('failed-credential lockout', () => {
  let db: TestDatabase;
  const apps: FastifyInstance[] = [];
  const fresh = async (config: VigieConfig = configWith('')) => {
    const app = await buildApi({ config, store: db.store, logger: silentLogger(), now: () => END });
    apps.push(app);
    return app;
  };
  const link = (config: VigieConfig, expires: number) => signAction(linkSecret(config.api, config.dataDir), { action: 'acknowledge', id: 'alert-1', expires });
  const status = async (app: FastifyInstance, options: InjectOptions) => (await app.inject(options)).statusCode;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    const config = configWith('');
    await seed(db.store, config);
    await insertAlert(db.store.db, openAlert({ id: 'alert-2', dedupKey: 'acme:2' }));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.destroy();
  });

  it('an expired acknowledge link opened again and again locks nobody out of /api or /metrics', async () => {
    const config = configWith('');
    const app = await fresh(config);
    const from = { remoteAddress: '10.1.2.3' };
    for (let i = 0; i < 15; i++) {
      const res = await app.inject({ url: `/ack?${link(config, END - 1)}`, ...from });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('Link expired');
    }
    expect(await status(app, { url: '/api/entities', headers: bearer(TOKEN), ...from })).toBe(200);
    expect(await status(app, { url: '/metrics', headers: bearer(TOKEN), ...from })).toBe(200);
  });

  it('never locks out the correct token, while further wrong guesses from that client get 429', async () => {
    const app = await fresh();
    const from = { remoteAddress: '10.1.2.4' };
    for (let i = 0; i < 10; i++) expect(await status(app, { url: '/api/entities', headers: bearer(`guess-${i}`), ...from })).toBe(401);
    const blocked = await app.inject({ url: '/api/entities', headers: bearer('guess-10'), ...from });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(await status(app, { url: '/api/entities', headers: bearer(TOKEN), ...from })).toBe(200);
    expect(await status(app, { url: '/api/entities', headers: bearer('guess-11'), ...from })).toBe(429);
    // Another client is not concerned.
    expect(await status(app, { url: '/api/entities', headers: bearer('guess-0'), remoteAddress: '10.9.9.9' })).toBe(401);
  });

  it('counts failures per route family: guesses on /metrics do not block /api, nor forged links either', async () => {
    const config = configWith('');
    const app = await fresh(config);
    const from = { remoteAddress: '10.1.2.5' };
    for (let i = 0; i < 10; i++) expect(await status(app, { url: '/metrics', headers: bearer(`guess-${i}`), ...from })).toBe(401);
    expect(await status(app, { url: '/metrics', headers: bearer('guess-10'), ...from })).toBe(429);
    expect(await status(app, { url: '/api/entities', headers: bearer('guess-11'), ...from })).toBe(401);

    const forged = (i: number) => `/ack?${new URLSearchParams({ action: 'acknowledge', id: 'alert-1', expires: String(END + DAY), sig: `forged-signature-${i}` })}`;
    for (let i = 0; i < 10; i++) expect(await status(app, { url: forged(i), ...from })).toBe(403);
    expect(await status(app, { url: forged(10), ...from })).toBe(429);
    // A genuine link still opens, and the API token still works.
    const genuine = await app.inject({ url: `/ack?${link(config, END + DAY)}`, ...from });
    expect(genuine.statusCode).toBe(200);
    expect(genuine.body).toContain('<form method="post" action="/ack">');
    expect(await status(app, { url: '/api/entities', headers: bearer(TOKEN), ...from })).toBe(200);
  });

  it('counts one wrong credential once: a scraper with an old token is refused (401), not taken for a guesser', async () => {
    const app = await fresh();
    const from = { remoteAddress: '10.1.2.6' };
    for (let i = 0; i < 30; i++) expect(await status(app, { url: '/metrics', headers: bearer('last-years-token'), ...from })).toBe(401);
    expect(await status(app, { url: '/metrics', headers: bearer(TOKEN), ...from })).toBe(200);
  });

  it('takes the client address from X-Forwarded-For only with api.trustProxy', async () => {
    const guesses = async (app: FastifyInstance, client: string) => {
      for (let i = 0; i < 10; i++) await app.inject({ url: '/api/entities', headers: { ...bearer(`guess-${client}-${i}`), 'x-forwarded-for': client }, remoteAddress: '127.0.0.1' });
    };
    const next = (app: FastifyInstance, client: string) => status(app, { url: '/api/entities', headers: { ...bearer('one-more'), 'x-forwarded-for': client }, remoteAddress: '127.0.0.1' });

    // Off by default: the header is anyone's to write, so every client behind the socket address shares its count.
    const direct = await fresh();
    await guesses(direct, '203.0.113.5');
    expect(await next(direct, '203.0.113.6')).toBe(429);

    const proxied = await fresh(configWith(', trustProxy: [loopback]'));
    await guesses(proxied, '203.0.113.5');
    expect(await next(proxied, '203.0.113.5')).toBe(429);
    expect(await next(proxied, '203.0.113.6')).toBe(401);
  });

  it('api.trustProxy is off by default and accepts true, a hop count or proxy addresses, nothing else', () => {
    expect(configWith('').api.trustProxy).toBe(false);
    expect(configWith(', trustProxy: true').api.trustProxy).toBe(true);
    expect(configWith(', trustProxy: 1').api.trustProxy).toBe(1);
    expect(configWith(', trustProxy: [10.0.0.0/8, "::1", loopback]').api.trustProxy).toEqual(['10.0.0.0/8', '::1', 'loopback']);
    expect(configWith(', trustProxy: "10.0.0.1, 10.0.0.2"').api.trustProxy).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(configWith(', trustProxy: "false"').api.trustProxy).toBe(false);
    expect(() => configWith(', trustProxy: [banana]')).toThrow(ConfigError);
    expect(() => configWith(', trustProxy: [banana]')).toThrow(/api\.trustProxy\[0\]/);
    expect(() => configWith(', trustProxy: [10.0.0.0/99]')).toThrow(/api\.trustProxy/);
  });
});
