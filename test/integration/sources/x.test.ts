// X connector: the shared contract against a fake v2 recent search, plus X's own normalisation and query rules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { effectiveXQuery, xPostsRead, xSourceFactory } from '../../../src/sources/x.js';
import { FakePlatform } from '../../helpers/fake-platform.js';
import { runConnectorContract, testContext } from './connector-contract.js';
import { installX, xTooManyRequests } from './emulators/x.js';
import { newWorld } from './emulators/world.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/platforms/x/${name}`, import.meta.url), 'utf8'));
const tweets: Array<{ id: string }> = fixture('tweets.json');
const users: Array<{ id: string }> = fixture('users.json');
const TOKEN = 'test-bearer-AAAA';

const config = (baseUrl: string, overrides: Record<string, unknown> = {}) => ({
  id: 'x-acme', type: 'x', query: '"acme bank" OR @AcmeBank', baseUrl, ...overrides,
});

runConnectorContract({
  platform: 'x',
  factory: xSourceFactory,
  config,
  env: { X_BEARER_TOKEN: TOKEN },
  badEnv: { X_BEARER_TOKEN: 'revoked-token' },
  credential: TOKEN,
  install: (fake, world) => installX(fake, world, users),
  items: tweets,
  malformedItem: fixture('malformed-tweet.json'),
  listingPath: /^\/2\/tweets\/search\/recent$/,
  tooManyRequests: (resetAt) => xTooManyRequests(resetAt),
  externalIdOf: (item) => (item as { id: string }).id,
});

describe('X specifics', () => {
  it('sends the query with -is:retweet, expansions and fields, and normalises tweets with authors and references', async () => {
    const fake = await FakePlatform.start();
    try {
      const world = newWorld(TOKEN);
      world.pageSize = 10;
      world.items = tweets;
      installX(fake, world, users);
      const source = xSourceFactory.create(xSourceFactory.configSchema.parse(config(fake.url)), testContext({ X_BEARER_TOKEN: TOKEN }));
      const { mentions, rateLimit } = await source.fetch(null);
      const params = fake.requestsTo('/2/tweets/search/recent')[0].url.searchParams;
      expect(params.get('query')).toBe('("acme bank" OR @AcmeBank) -is:retweet');
      expect(params.get('expansions')).toContain('author_id');
      expect(params.get('tweet.fields')).toContain('public_metrics');
      expect(rateLimit).toMatchObject({ limit: 450, remaining: 449 });

      const reply = mentions.find((m) => m.externalId === '1910000000000000003')!;
      expect(reply).toMatchObject({
        url: 'https://x.com/AcmeBank_SAV/status/1910000000000000003',
        langHint: 'fr',
        replyTo: '1910000000000000001',
        author: { handle: 'AcmeBank_SAV', followers: 45200, verified: true, displayName: 'Acme Bank Service Client' },
        engagement: { likes: 1, reshares: 0, replies: 1, quotes: 0, views: 95 },
      });
      expect(mentions.find((m) => m.externalId === '1910000000000000004')!.quoteOf).toBe('1909999999999999000');
      expect(mentions.find((m) => m.externalId === '1910000000000000005')!.langHint).toBeUndefined();
    } finally {
      await fake.close();
    }
  });

  it('counts the posts each fetch read for the monthly cap, expanded references included', async () => {
    const fake = await FakePlatform.start();
    try {
      const world = newWorld(TOKEN);
      world.pageSize = 2;
      world.items = tweets.slice(0, 4);
      installX(fake, world, users);
      const source = xSourceFactory.create(xSourceFactory.configSchema.parse(config(fake.url)), testContext({ X_BEARER_TOKEN: TOKEN }));
      const first = await source.fetch(null);
      // Pages [4, 3] and [2, 1]: four tweets, plus the replied-to and the quoted tweet in includes.
      expect(xPostsRead(first)).toBe(6);
      world.items = tweets;
      const second = await source.fetch(first.nextCursor);
      // since_id keeps the page to the two new tweets, which reference nothing.
      expect(xPostsRead(second)).toBe(2);
      expect(xPostsRead({ mentions: [], quarantined: [], nextCursor: null })).toBe(0);
    } finally {
      await fake.close();
    }
  });

  it('counts the pages read before a fetch failed', async () => {
    const fake = await FakePlatform.start();
    try {
      const world = newWorld(TOKEN);
      world.pageSize = 2;
      world.items = tweets.slice(0, 4);
      // The token is revoked between the first page and the second.
      let checks = 0;
      Object.defineProperty(world, 'credential', { get: () => (checks++ === 0 ? TOKEN : 'revoked') });
      installX(fake, world, users);
      const source = xSourceFactory.create(xSourceFactory.configSchema.parse(config(fake.url)), testContext({ X_BEARER_TOKEN: TOKEN }));
      const failure = await source.fetch(null).then(() => undefined, (error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(fake.requestsTo('/2/tweets/search/recent')).toHaveLength(2);
      // The first page: tweets 4 and 3, and the replied-to and quoted tweets expanded with them.
      expect(xPostsRead(failure)).toBe(4);
      expect(xPostsRead(new Error('unrelated'))).toBe(0);
    } finally {
      await fake.close();
    }
  });

  it('leaves a query that already excludes retweets alone, and honours excludeRetweets: false', () => {
    expect(effectiveXQuery({ query: 'acme -is:retweet', excludeRetweets: true })).toBe('acme -is:retweet');
    expect(effectiveXQuery({ query: 'acme', excludeRetweets: false })).toBe('acme');
    expect(effectiveXQuery({ query: 'acme lang:fr', excludeRetweets: true })).toBe('(acme lang:fr) -is:retweet');
  });

  it('names the missing variable when the bearer token is unset', async () => {
    const source = xSourceFactory.create(xSourceFactory.configSchema.parse(config('http://127.0.0.1:9')), testContext({}));
    await expect(source.check!()).rejects.toThrow(/X_BEARER_TOKEN/);
  });

  it('derives the poll interval from the 15-minute window and the number of queries', () => {
    const parsed = xSourceFactory.configSchema.parse(config('https://api.x.com', { windowLimit: 60 }));
    // 60 requests per 15 min shared by 3 queries: one poll per query every 45 s.
    expect(xSourceFactory.pollIntervalMs(parsed, { queriesOfThisType: 3, crisisOpen: false })).toBe(45_000);
  });
});
