// database.readUrl: the dashboard's read-only routes read the replica, writes and migrations stay on the primary.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../../src/api/server.js';
import { createAppContext, type AppContext } from '../../../src/app/context.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { createLogger } from '../../../src/logger.js';
import { storeMentions, type StoredMention } from '../../../src/store/mention-repository.js';
import { acmeConfigYaml } from '../../helpers/pipeline.js';
import { createTestDatabase, POSTGRES_URL, REDIS_URL, requireRedis, testRedisPrefix, type TestDatabase } from '../../helpers/services.js';

const AT = Date.UTC(2026, 10, 20, 10);
const mention = (id: string): StoredMention => ({
  platform: 'x', externalId: id, text: `${id} about Acme`, publishedAt: new Date(AT).toISOString(),
  author: { platform: 'x', externalId: 'a1', handle: 'author1', followers: 10 },
  engagement: { likes: 1, reshares: 0, replies: 0, quotes: 0 }, lang: 'en',
  sentiment: { label: 'neutral', score: 0, confidence: 0.5, drivers: [] }, influence: 1, reach: 10, riskFlags: [],
  entityIds: ['acme'], sourceId: 'test', collectedAt: AT,
});

describe('a read replica (database.readUrl)', () => {
  let primary: TestDatabase;
  let replica: TestDatabase;
  let ctx: AppContext;
  let dir: string;

  beforeAll(async () => {
    await requireRedis();
    dir = mkdtempSync(join(tmpdir(), 'vigie-replica-'));
    [primary, replica] = await Promise.all([createTestDatabase('postgres'), createTestDatabase('postgres')]);
    // Two schemas stand for the two servers: what only the "replica" holds shows where a read went.
    await storeMentions(primary.store, [mention('on-primary')]);
    await storeMentions(replica.store, [mention('on-replica')]);
    const yaml = acmeConfigYaml({ databaseUrl: POSTGRES_URL, smtpUrl: 'smtp://127.0.0.1:1', prefix: testRedisPrefix(), dataDir: dir })
      .replace(/database: \{ url: (.+) \}/, `database: { url: $1, readUrl: ${JSON.stringify(POSTGRES_URL)} }`);
    ctx = await createAppContext(parseConfig(yaml, 'replica.yaml', {}), {
      logger: createLogger({ level: 'silent' }), dbSchema: primary.schema, readDbSchema: replica.schema, redisTarget: { url: REDIS_URL },
    });
  });
  afterAll(async () => {
    await ctx?.close();
    await Promise.all([primary?.destroy(), replica?.destroy()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the mention list from the replica', async () => {
    expect(ctx.readStore).not.toBe(ctx.store);
    const app = await buildApi({ config: ctx.config, store: ctx.store, readStore: ctx.readStore, logger: ctx.logger, now: () => AT + 3_600_000 });
    try {
      const response = await app.inject({ method: 'GET', url: `/api/mentions?entity=acme&from=${AT - 86_400_000}&to=${AT + 86_400_000}` });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('on-replica');
      expect(response.body).not.toContain('on-primary');
    } finally {
      await app.close();
    }
  });

  it('is refused beside SQLite', () => {
    const yaml = `database: { url: "sqlite:x.db", readUrl: "${POSTGRES_URL}" }\nentities: [{ id: acme, name: Acme, kind: brand, terms: [Acme] }]\n`;
    expect(() => parseConfig(yaml, 'c.yaml', {})).toThrow(/database\.readUrl.*needs database\.url to be PostgreSQL/s);
  });
});
