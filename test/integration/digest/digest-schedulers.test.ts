// Digest job schedulers on a real Redis: one per entity with a digest, in its time zone, and gone when the digest is.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import { syncDigestSchedulers } from '../../../src/queue/digest-schedulers.js';
import { REDIS_URL, requireRedis, testRedisPrefix } from '../../helpers/services.js';

const yaml = (withAcmeDigest: boolean) => `
timezone: Europe/Paris
entities:
  - id: acme
    name: Acme
    kind: brand
    terms: [acme]
    timezone: America/New_York
${withAcmeDigest ? '    digest: { recipients: [ceo@acme.test] }' : ''}
  - id: globex
    name: Globex
    kind: brand
    terms: [globex]
    digest: { recipients: [board@globex.test], pattern: "30 7 * * 1" }
`;

describe('digest schedulers', () => {
  let connection: Redis;
  let queue: Queue<{ entityId: string; week?: string }>;

  beforeAll(async () => {
    await requireRedis();
    connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    queue = new Queue('digest', { connection, prefix: testRedisPrefix() });
  });
  afterAll(async () => {
    await queue?.obliterate({ force: true });
    await queue?.close();
    connection?.disconnect();
  });

  it('upserts one scheduler per entity with a digest, in the entity time zone, however often it runs', async () => {
    const config = parseConfig(yaml(true), 'test.yaml', {});
    expect(await syncDigestSchedulers(queue, config)).toEqual(['digest-acme', 'digest-globex']);
    expect(await syncDigestSchedulers(queue, config)).toEqual(['digest-acme', 'digest-globex']);
    const schedulers = (await queue.getJobSchedulers(0, -1)).sort((a, b) => a.key.localeCompare(b.key));
    expect(schedulers.map((s) => [s.key, s.pattern, s.tz, s.template?.data])).toEqual([
      ['digest-acme', '0 8 * * 1', 'America/New_York', { entityId: 'acme' }],
      // Without its own time zone an entity uses the config's.
      ['digest-globex', '30 7 * * 1', 'Europe/Paris', { entityId: 'globex' }],
    ]);
    // The next run of Acme's digest is a Monday 08:00 in New York.
    const next = (await queue.getJobScheduler('digest-acme'))!.next!;
    const local = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(next);
    expect(local).toBe('Mon 08:00');
  });

  it('removes the scheduler of an entity whose digest was taken out of the config', async () => {
    expect(await syncDigestSchedulers(queue, parseConfig(yaml(false), 'test.yaml', {}))).toEqual(['digest-globex']);
    expect((await queue.getJobSchedulers(0, -1)).map((s) => s.key)).toEqual(['digest-globex']);
  });
});
