// The collect stage adds every X post it read to the month's counter, pages read before a failed poll included.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type AppContext } from '../../../src/app/context.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { createLogger } from '../../../src/logger.js';
import { xReadsThisMonth } from '../../../src/queue/x-read-counter.js';
import { runCollect } from '../../../src/stages/collect.js';
import { FakePlatform } from '../../helpers/fake-platform.js';
import { acmeConfigYaml } from '../../helpers/pipeline.js';
import { createTestDatabase, REDIS_URL, requireRedis, testRedisPrefix, type TestDatabase } from '../../helpers/services.js';
import { newWorld, type World } from '../sources/emulators/world.js';
import { installX } from '../sources/emulators/x.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/platforms/x/${name}`, import.meta.url), 'utf8'));
const TOKEN = 'x-bearer-reads';

let fake: FakePlatform;
let world: World;
let database: TestDatabase;
let ctx: AppContext;
let dir: string;

beforeAll(async () => {
  await requireRedis();
  fake = await FakePlatform.start();
  world = newWorld(TOKEN);
  world.pageSize = 2;
  world.items = fixture('tweets.json').slice(0, 4);
  installX(fake, world, fixture('users.json'));
  database = await createTestDatabase('sqlite');
  dir = mkdtempSync(join(tmpdir(), 'vigie-x-reads-'));
  const yaml = `${acmeConfigYaml({ databaseUrl: database.url, smtpUrl: 'smtp://127.0.0.1:1', prefix: testRedisPrefix(), dataDir: dir })}sources:
  - { id: x-acme, type: x, query: acme, baseUrl: "${fake.url}" }
`;
  const config = parseConfig(yaml, 'test.yaml', {});
  ctx = await createAppContext(config, { logger: createLogger({ level: 'silent' }), redisTarget: { url: REDIS_URL }, env: { X_BEARER_TOKEN: TOKEN } });
});

afterAll(async () => {
  await Promise.all(Object.values(ctx?.queues ?? {}).map((q) => q.obliterate({ force: true }).catch(() => {})));
  await ctx?.close();
  await database?.destroy();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('X reads counted by the collect stage', () => {
  it('counts a poll that failed after its first page', async () => {
    // The token is revoked between the first page and the second.
    let checks = 0;
    Object.defineProperty(world, 'credential', { get: () => (checks++ === 0 ? TOKEN : 'revoked'), configurable: true });
    // A 401 is not retried by the queue: the poll ends, the source is marked failing.
    await expect(runCollect(ctx, { kind: 'poll', sourceId: 'x-acme' })).resolves.toMatchObject({ fetched: 0 });
    // The first page: two tweets, and the replied-to and quoted tweets expanded with them.
    expect(await xReadsThisMonth(ctx.redis, ctx.config.redis.prefix, ctx.now())).toBe(4);

    Object.defineProperty(world, 'credential', { value: TOKEN, configurable: true });
    await runCollect(ctx, { kind: 'poll', sourceId: 'x-acme' });
    expect(await xReadsThisMonth(ctx.redis, ctx.config.redis.prefix, ctx.now())).toBe(10);
  });
});
