// A source the platform refuses is marked failing with the platform's own words (doctor, /ready, the dashboard),
// not retried like a 5xx, and polled again on its schedule; a source with one failing stream keeps the others.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../../src/api/server.js';
import { createAppContext, type AppContext } from '../../../src/app/context.js';
import { readinessChecks } from '../../../src/app/readiness.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { createLogger } from '../../../src/logger.js';
import { runCollect } from '../../../src/stages/collect.js';
import { failingSources, loadCursor } from '../../../src/store/cursor-repository.js';
import { FakePlatform } from '../../helpers/fake-platform.js';
import { acmeConfigYaml } from '../../helpers/pipeline.js';
import { createTestDatabase, REDIS_URL, requireRedis, testRedisPrefix, type TestDatabase } from '../../helpers/services.js';
import { installMastodon } from '../sources/emulators/mastodon.js';
import { newWorld, type World } from '../sources/emulators/world.js';
import { installX } from '../sources/emulators/x.js';

const fixture = (platform: string, name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/platforms/${platform}/${name}`, import.meta.url), 'utf8'));
const TOKEN = 'x-bearer-failing';

let x: FakePlatform;
let mastodon: FakePlatform;
let xWorld: World;
let database: TestDatabase;
let ctx: AppContext;
let dir: string;

beforeAll(async () => {
  await requireRedis();
  x = await FakePlatform.start();
  xWorld = newWorld('revoked-long-ago');
  xWorld.items = fixture('x', 'tweets.json').slice(0, 2);
  installX(x, xWorld, fixture('x', 'users.json'));
  mastodon = await FakePlatform.start();
  const mWorld = newWorld('');
  mWorld.pageSize = 40;
  mWorld.items = fixture('mastodon', 'tag-timeline-statuses.json');
  installMastodon(mastodon, mWorld);
  database = await createTestDatabase('sqlite');
  dir = mkdtempSync(join(tmpdir(), 'vigie-failing-source-'));
  const yaml = `${acmeConfigYaml({ databaseUrl: database.url, smtpUrl: 'smtp://127.0.0.1:1', prefix: testRedisPrefix(), dataDir: dir })}sources:
  - { id: x-acme, type: x, query: acme, baseUrl: "${x.url}", maxRetries: 0 }
  - { id: mastodon-acme, type: mastodon, instances: ["${mastodon.url}"], hashtags: [acme, acmebank], maxRetries: 0 }
`;
  ctx = await createAppContext(parseConfig(yaml, 'test.yaml', {}), { logger: createLogger({ level: 'silent' }), redisTarget: { url: REDIS_URL }, env: { X_BEARER_TOKEN: TOKEN } });
});

afterAll(async () => {
  await Promise.all(Object.values(ctx?.queues ?? {}).map((q) => q.obliterate({ force: true }).catch(() => {})));
  await ctx?.close();
  await database?.destroy();
  await x?.close();
  await mastodon?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a source the platform refuses', () => {
  it('is marked failing with the platform\'s message, shown in /ready and /api/sources, and cleared by the next good poll', async () => {
    // The job ends without an error: BullMQ would otherwise retry a revoked token ten times.
    await expect(runCollect(ctx, { kind: 'poll', sourceId: 'x-acme' })).resolves.toMatchObject({ fetched: 0 });
    const [failing] = await failingSources(ctx.store.db);
    expect(failing).toMatchObject({ sourceId: 'x-acme', error: 'X answered 401: Unauthorized' });

    const checks = await readinessChecks(ctx)();
    expect(checks['source x-acme']).toMatch(/^failing since \S+: X answered 401: Unauthorized$/);

    const api = await buildApi({ config: ctx.config, store: ctx.store, logger: ctx.logger, ready: readinessChecks(ctx) });
    try {
      const res = await api.inject({ url: '/api/sources' });
      expect(res.json().sources).toContainEqual({ id: 'x-acme', type: 'x', status: 'failing', error: 'X answered 401: Unauthorized', since: expect.any(String) });
      // Failing sources are listed in /ready but do not take the instance out of rotation.
      const ready = await api.inject({ url: '/ready' });
      expect(ready.json().checks['source x-acme']).toContain('401');
    } finally {
      await api.close();
    }

    xWorld.credential = TOKEN;
    await expect(runCollect(ctx, { kind: 'poll', sourceId: 'x-acme' })).resolves.toMatchObject({ fetched: 2 });
    expect(await failingSources(ctx.store.db)).toEqual([]);
  });

  it('a 5xx still throws, so the queue retries it with backoff', async () => {
    x.interrupt('/2/tweets/search/recent', { status: 503, body: { title: 'Service Unavailable', detail: 'Service Unavailable' } });
    await expect(runCollect(ctx, { kind: 'poll', sourceId: 'x-acme' })).rejects.toThrow(/503/);
    expect((await failingSources(ctx.store.db)).map((f) => f.sourceId)).toEqual(['x-acme']);
  });

  it('one hashtag refused: the other\'s mentions are queued and its cursor saved, the failure recorded per stream', async () => {
    mastodon.interrupt('/api/v1/timelines/tag/acmebank', { status: 401, body: { error: 'This method requires an authenticated user' } });
    const outcome = await runCollect(ctx, { kind: 'poll', sourceId: 'mastodon-acme' });
    expect(outcome.fetched).toBeGreaterThan(0);
    expect(Object.keys(JSON.parse((await loadCursor(ctx.store.db, 'mastodon-acme'))!))).toEqual([`${mastodon.url}#acme`]);
    const failing = (await failingSources(ctx.store.db)).find((f) => f.sourceId === 'mastodon-acme');
    expect(failing?.error).toBe(`${mastodon.url}#acmebank: ${mastodon.url}/api/v1/timelines/tag/acmebank answered 401: This method requires an authenticated user`);
  });
});
