// `vigie poll`: one poll of a configured source against a fake platform, printed as JSON lines, nothing stored.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPoll } from '../../../src/commands/poll.js';
import { FakePlatform } from '../../helpers/fake-platform.js';
import { Redis } from 'ioredis';
import { xReadsThisMonth } from '../../../src/queue/x-read-counter.js';
import { REDIS_URL, requireRedis, testRedisPrefix } from '../../helpers/services.js';
import { installMastodon } from '../sources/emulators/mastodon.js';
import { installX } from '../sources/emulators/x.js';
import { newWorld, type World } from '../sources/emulators/world.js';

const xFixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/platforms/x/${name}`, import.meta.url), 'utf8'));
const X_TOKEN = 'x-bearer-poll';
const redisPrefix = testRedisPrefix();
let xWorld: World;
const statuses = JSON.parse(readFileSync(new URL('../../fixtures/platforms/mastodon/tag-timeline-statuses.json', import.meta.url), 'utf8'));

let fake: FakePlatform;
let world: World;
let dir: string;
let configPath: string;

const poll = async (sourceId: string, options: { json: boolean; cursor?: string } = { json: true }) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPoll(configPath, sourceId, options, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
};

beforeAll(async () => {
  fake = await FakePlatform.start();
  world = newWorld('');
  world.pageSize = 40;
  installMastodon(fake, world);
  xWorld = newWorld(X_TOKEN);
  xWorld.pageSize = 2;
  xWorld.items = xFixture('tweets.json').slice(0, 4);
  installX(fake, xWorld, xFixture('users.json'));
  process.env.VIGIE_TEST_POLL_X_TOKEN = X_TOKEN;
  dir = mkdtempSync(join(tmpdir(), 'vigie-poll-'));
  configPath = join(dir, 'vigie.yaml');
  writeFileSync(configPath, `
dataDir: ${JSON.stringify(dir)}
entities:
  - { id: acme, name: Acme, kind: brand, terms: [Acme] }
  - { id: press, name: Press, kind: competitor, parent: acme, terms: [nationwide] }
sources:
  - { id: mastodon-acme, type: mastodon, instances: ["${fake.url}"], hashtags: [acme], maxRetries: 0 }
  - { id: mastodon-two, type: mastodon, instances: ["${fake.url}"], hashtags: [acme, acmebank], maxRetries: 0 }
  - { id: x-acme, type: x, query: acme, baseUrl: "${fake.url}", bearerToken: VIGIE_TEST_POLL_X_TOKEN }
redis: { url: "${REDIS_URL}", prefix: "${redisPrefix}" }
`);
});

afterAll(async () => {
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('vigie poll', () => {
  it('prints every mention in the stored shape with the entities it matched, quarantined items on stderr', async () => {
    const unrelated = { ...statuses[0], id: '114300000000000900', uri: 'https://mastodon.example/users/claire/statuses/114300000000000900', content: '<p>Rien à voir, il pleut.</p>', spoiler_text: '' };
    world.items = [...statuses, unrelated, { id: '114300000000000999', content: 'no uri nor account' }];
    const { code, out, err } = await poll('mastodon-acme');
    expect(code).toBe(0);
    const lines = out.map((l) => JSON.parse(l));
    expect(lines).toHaveLength(statuses.length + 1);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['author', 'engagement', 'entities', 'externalId', 'langHint', 'platform', 'publishedAt', 'quoteOf', 'replyTo', 'reshareOf', 'text', 'url'].sort());
      expect(Object.keys(line.author).sort()).toEqual(['displayName', 'externalId', 'followers', 'handle']);
      expect(Object.keys(line.engagement).sort()).toEqual(['likes', 'quotes', 'replies', 'reshares']);
    }
    const outage = lines.find((l) => l.externalId === 'https://press.example/users/newsroom/statuses/5501');
    expect(outage.entities).toEqual(['acme', 'press']);
    // What the collect stage would drop is printed too, with no entity.
    expect(lines.find((l) => l.externalId === unrelated.uri).entities).toEqual([]);
    expect(err).toHaveLength(1);
    expect(JSON.parse(err[0])).toEqual({ quarantined: expect.stringContaining('uri') });
    // Nothing stored: the data folder holds the config only, no database.
    expect(readdirSync(dir)).toEqual(['vigie.yaml']);
  });

  it('starts from --cursor and exits 0 with nothing new', async () => {
    world.items = statuses;
    const top = statuses.map((s: { id: string }) => BigInt(s.id)).sort((a: bigint, b: bigint) => (a < b ? 1 : -1))[0];
    const cursor = JSON.stringify({ [`${fake.url}#acme`]: { floor: { key: top.toString().padStart(24, '0'), ids: [top.toString()] } } });
    const { code, out } = await poll('mastodon-acme', { json: true, cursor });
    expect(code).toBe(0);
    expect(out).toEqual([]);
  });

  it('exits non-zero with a one-line reason when the poll fails, or when one of its streams does', async () => {
    world.items = statuses;
    fake.interrupt('/api/v1/timelines/tag/acme', { status: 401, body: { error: 'This method requires an authenticated user' } });
    const failed = await poll('mastodon-acme');
    expect(failed.code).toBe(1);
    expect(failed.out).toEqual([]);
    expect(failed.err).toEqual([`vigie poll mastodon-acme: ${fake.url}/api/v1/timelines/tag/acme answered 401: This method requires an authenticated user`]);

    fake.interrupt('/api/v1/timelines/tag/acmebank', { status: 403, body: { error: 'Forbidden' } });
    const partial = await poll('mastodon-two');
    expect(partial.code).toBe(1);
    expect(partial.out.length).toBe(statuses.length);
    expect(partial.err.at(-1)).toMatch(/^vigie poll mastodon-two: 1 stream\(s\) failed: \S+#acmebank: .*answered 403: Forbidden$/);

    const unknown = await poll('nope');
    expect(unknown.code).toBe(1);
    expect(unknown.err[0]).toMatch(/no source "nope".*mastodon-acme, mastodon-two/);
  });

  it('counts the X posts it read against the month, as the collect stage does', async () => {
    await requireRedis();
    const { code, out } = await poll('x-acme');
    expect(code).toBe(0);
    expect(out.length).toBe(4);
    const redis = new Redis(REDIS_URL);
    try {
      // Four tweets in two pages, and the two tweets they reply to or quote, expanded with them.
      expect(await xReadsThisMonth(redis, redisPrefix, Date.now())).toBe(6);
    } finally {
      redis.disconnect();
    }
  });
});
