// Bluesky without an app password: the public AppView refuses cursor paging (an HTML 403); page 1 is kept and the sweep ends.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blueskySourceFactory } from '../../../src/sources/bluesky.js';
import { FakePlatform } from '../../helpers/fake-platform.js';
import { testContext } from './connector-contract.js';

const posts: unknown[] = JSON.parse(readFileSync(new URL('../../fixtures/platforms/bluesky/search-posts.json', import.meta.url), 'utf8'));
const forbidden = readFileSync(new URL('../../fixtures/platforms/bluesky/appview-paging-forbidden.html', import.meta.url), 'utf8');
const SEARCH = '/xrpc/app.bsky.feed.searchPosts';

describe('Bluesky anonymous search', () => {
  let fake: FakePlatform;
  beforeAll(async () => {
    fake = await FakePlatform.start();
    fake.route('GET', SEARCH, (req) => {
      if (req.url.searchParams.has('cursor')) return { status: 403, headers: { 'content-type': 'text/html' }, body: forbidden };
      return { body: { cursor: 'MjU=', hitsTotal: 40, posts: posts.slice(0, 3) } };
    });
    fake.route('GET', '/xrpc/app.bsky.actor.getProfiles', () => ({ body: { profiles: [] } }));
  });
  afterAll(async () => fake.close());

  const create = (warnings: Array<Record<string, unknown> & { msg?: string }>) => {
    const ctx = testContext({});
    ctx.logger = { info: () => undefined, warn: (obj, msg) => void warnings.push({ ...obj, msg }) };
    return blueskySourceFactory.create(blueskySourceFactory.configSchema.parse({ id: 'bluesky-acme', type: 'bluesky', query: 'acme', publicUrl: fake.url, serviceUrl: fake.url }), ctx);
  };

  it('keeps page 1, stops paging, moves the cursor, and says once in the log that paging needs an app password', async () => {
    const warnings: Array<Record<string, unknown> & { msg?: string }> = [];
    const source = create(warnings);
    const first = await source.fetch(null);
    expect(first.mentions).toHaveLength(3);
    expect(first.failures).toBeUndefined();
    expect(first.nextCursor).not.toBeNull();
    expect(fake.requestsTo(SEARCH)).toHaveLength(2);
    // The next poll asks only for what is newer than page 1, not page 1 again.
    fake.reset();
    await source.fetch(first.nextCursor);
    expect(fake.requestsTo(SEARCH)[0].url.searchParams.get('since')).not.toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ status: 403, msg: expect.stringContaining('configure identifier and appPassword') });
  });

  it('doctor\'s check says paging is refused, in the AppView\'s words, and what to configure', async () => {
    await expect(create([]).check!()).resolves.toMatch(/paging refused \(403 Forbidden\).*configure identifier and appPassword/);
  });
});
