// A platform in a bad hour, in one sequence: 429 with a reset 10 minutes away, then 5xx, then a truncated body,
// then a page with one malformed item. The connector waits (clock-driven), resumes from its cursor, reads every
// new post exactly once and quarantines only the truncated body and the bad item.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MentionInput } from '../../src/domain/mention.js';
import { hackerNewsSourceFactory } from '../../src/sources/hackernews.js';
import { RateLimitedError, type QuarantinedItem } from '../../src/sources/source.js';
import { FakePlatform } from '../helpers/fake-platform.js';
import { testContext } from '../integration/sources/connector-contract.js';
import { algoliaTooManyRequests, installHackerNews } from '../integration/sources/emulators/hackernews.js';
import { newWorld } from '../integration/sources/emulators/world.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/platforms/hackernews/${name}`, import.meta.url), 'utf8'));
const hits: Array<{ objectID: string }> = fixture('hits.json');
const LISTING = /^\/api\/v1\/search_by_date$/;
const TEN_MINUTES = 600_000;

let fake: FakePlatform;
beforeAll(async () => {
  fake = await FakePlatform.start();
});
afterAll(async () => fake.close());

describe('a platform answering 429 for 10 minutes, then 5xx, then a truncated body', () => {
  it('waits, resumes from its cursor, and quarantines only what is bad', async () => {
    const world = newWorld('');
    world.pageSize = 10;
    installHackerNews(fake, world);
    const ctx = testContext({});
    // As the collect worker does: a RateLimitedError parks the job until the reset, then the poll runs again.
    const source = hackerNewsSourceFactory.create(hackerNewsSourceFactory.configSchema.parse({ id: 'hackernews-acme', type: 'hackernews', query: 'acme', baseUrl: fake.url, backoffMs: 100, maxWaitMs: 60_000 }), ctx);

    world.items = hits.slice(0, 2);
    const first = await source.fetch(null);
    expect(first.mentions.map((m) => m.externalId).sort()).toEqual(hits.slice(0, 2).map((h) => h.objectID).sort());

    world.items = [...hits.slice(0, 5), fixture('malformed-hit.json')];
    const start = ctx.clock.now;
    fake.interrupt(LISTING, algoliaTooManyRequests(start + TEN_MINUTES, start), { status: 503, body: 'unavailable' }, { status: 502, body: 'bad gateway' }, { status: 200, headers: { 'content-type': 'application/json' }, body: '{"hits": [{"objectID": "4360' });

    let cursor = first.nextCursor;
    const mentions: MentionInput[] = [];
    const quarantined: QuarantinedItem[] = [];
    let rateLimited = 0;
    for (let poll = 0; poll < 6 && mentions.length < 3; poll++) {
      try {
        const result = await source.fetch(cursor);
        mentions.push(...result.mentions);
        quarantined.push(...result.quarantined);
        if (result.nextCursor !== null) cursor = result.nextCursor;
      } catch (error) {
        expect(error).toBeInstanceOf(RateLimitedError);
        rateLimited++;
        ctx.clock.now = Math.max(ctx.clock.now, (error as RateLimitedError).resetAt);
      }
    }

    expect(rateLimited).toBe(1);
    expect(ctx.clock.now - start).toBeGreaterThanOrEqual(TEN_MINUTES);
    // The 5xx answers were retried with doubling backoff inside one poll.
    expect(ctx.sleeps).toEqual(expect.arrayContaining([100, 200]));
    // Every new post once, none of the two already read again.
    expect(mentions.map((m) => m.externalId).sort()).toEqual(hits.slice(2, 5).map((h) => h.objectID).sort());
    // Quarantined: the truncated body (whole) and the malformed hit, each with its reason; nothing else.
    expect(quarantined).toHaveLength(2);
    expect(quarantined[0].error).toMatch(/malformed JSON body/);
    expect(quarantined[1].error).not.toBe('');
    const after = await source.fetch(cursor);
    expect(after.mentions).toEqual([]);
  });
});
