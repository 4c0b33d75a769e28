// /ready and /health/ready: a bare status (and 503 when degraded) for probes without the token; what is wrong, with
// the dependency errors, only to the token holder (or to anyone on loopback when no token is set).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../../src/api/server.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/services.js';
import { silentLogger, testConfig } from './api-fixtures.js';

const TOKEN = 'readiness-test-token-0123456789';
const SMTP_DOWN = 'failed: connect ECONNREFUSED 127.0.0.1:2599';
const basic = (password: string) => `Basic ${Buffer.from(`ops:${password}`).toString('base64')}`;

describe('readiness', () => {
  let db: TestDatabase;
  const apps: FastifyInstance[] = [];
  const api = async (token: string, smtp: string) => {
    const app = await buildApi({ config: testConfig({ token }), store: db.store, logger: silentLogger(), ready: async () => ({ migrations: 'ok', smtp }) });
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.destroy();
  });

  it.each(['/ready', '/health/ready'])('%s without the token: only the status, 503 when degraded, no dependency error', async (url) => {
    const app = await api(TOKEN, SMTP_DOWN);
    for (const headers of [{}, { authorization: 'Bearer wrong-token' }, { authorization: basic('wrong-token') }]) {
      const res = await app.inject({ url, headers });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'degraded' });
      expect(res.body).not.toContain('ECONNREFUSED');
    }
    const healthy = await api(TOKEN, 'ok');
    const res = await healthy.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it.each(['/ready', '/health/ready'])('%s with the token (Bearer, or Basic as a browser sends it): what is wrong', async (url) => {
    const app = await api(TOKEN, SMTP_DOWN);
    for (const authorization of [`Bearer ${TOKEN}`, basic(TOKEN)]) {
      const res = await app.inject({ url, headers: { authorization } });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'degraded', checks: { database: 'ok', migrations: 'ok', smtp: SMTP_DOWN } });
    }
  });

  it('without a token configured (loopback only), anyone who can reach it sees the details', async () => {
    const app = await api('', SMTP_DOWN);
    const res = await app.inject({ url: '/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json().checks.smtp).toBe(SMTP_DOWN);
  });
});
