// Bluesky connector: the shared contract against a fake PDS, plus sessions, follower lookup and post normalisation.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MentionInput } from '../../../src/domain/mention.js';
import { blueskySourceFactory } from '../../../src/sources/bluesky.js';
import { FakePlatform } from '../../helpers/fake-platform.js';
import { runConnectorContract, testContext } from './connector-contract.js';
import { BLUESKY_HANDLE, blueskyTooManyRequests, installBluesky, type BlueskyEmulator } from './emulators/bluesky.js';
import { newWorld, type World } from './emulators/world.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/platforms/bluesky/${name}`, import.meta.url), 'utf8'));
const posts: Array<{ uri: string }> = fixture('search-posts.json');
const profiles: Array<{ did: string }> = fixture('profiles.json');
const PASSWORD = 'abcd-efgh-ijkl-mnop';
const ENV = { BLUESKY_APP_PASSWORD: PASSWORD };

const config = (baseUrl: string, overrides: Record<string, unknown> = {}) => ({
  id: 'bluesky-acme', type: 'bluesky', query: 'acme', identifier: BLUESKY_HANDLE, appPassword: 'BLUESKY_APP_PASSWORD',
  serviceUrl: baseUrl, publicUrl: baseUrl, ...overrides,
});

runConnectorContract({
  platform: 'bluesky',
  factory: blueskySourceFactory,
  config,
  env: ENV,
  badEnv: { BLUESKY_APP_PASSWORD: 'revoked-app-password' },
  credential: PASSWORD,
  install: (fake, world) => void installBluesky(fake, world, profiles),
  items: posts,
  malformedItem: fixture('malformed-post.json'),
  listingPath: /^\/xrpc\/app\.bsky\.feed\.searchPosts$/,
  tooManyRequests: (resetAt) => blueskyTooManyRequests(resetAt),
  truncatedBody: '{"cursor": "2", "posts": [{"uri": "at://did:plc:4kq2',
  externalIdOf: (item) => (item as { uri: string }).uri,
});

describe('Bluesky specifics', () => {
  let fake: FakePlatform;
  let world: World;
  let emulator: BlueskyEmulator;
  const create = (overrides: Record<string, unknown> = {}, env: Record<string, string> = ENV) =>
    blueskySourceFactory.create(blueskySourceFactory.configSchema.parse(config(fake.url, overrides)), testContext(env));
  const byRkey = (mentions: MentionInput[]) => new Map(mentions.map((m) => [m.externalId.split('/').at(-1), m]));

  beforeAll(async () => {
    fake = await FakePlatform.start();
    world = newWorld(PASSWORD);
    emulator = installBluesky(fake, world, profiles);
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.reset();
    world.items = posts;
    world.pageSize = 10;
  });

  it('normalises posts with replies, quotes, languages and the authors\' follower counts', async () => {
    const { mentions } = await create().fetch(null);
    const posts = byRkey(mentions);
    expect(posts.get('3lmjr6ef2gn2c')).toMatchObject({
      text: "We're aware some card payments are failing. Our teams are on it and we'll update here.",
      url: 'https://bsky.app/profile/acmebank.com/post/3lmjr6ef2gn2c',
      langHint: 'en',
      publishedAt: '2025-04-10T08:40:00.000Z',
      replyTo: 'at://did:plc:b6wz3k5nqf2ltr7ehxu4j1ya/app.bsky.feed.post/3lmjr5cd7fm2b',
      author: { externalId: 'did:plc:y3nq7e2rmsl6vaxk4pc5odtw', handle: 'acmebank.com', displayName: 'Acme Bank', followers: 15400, following: 12 },
      engagement: { likes: 30, reshares: 12, replies: 5, quotes: 4 },
    });
    expect(posts.get('3lmjr8jk3jq2e')).toMatchObject({ quoteOf: 'at://did:plc:m2t8rv6fxq4zj5lkc3ywnd7e/app.bsky.feed.post/3lmjr7gh5hp2d', author: { followers: 812 } });
    expect(posts.get('3lmjr8jk3jq2e')!.langHint).toBeUndefined();
    // Its client's clock ran ahead: the post is dated when Bluesky indexed it, as searchPosts sorts it.
    expect(posts.get('3lmjs2lm6kr2f')).toMatchObject({ publishedAt: '2025-04-10T09:10:00.500Z', langHint: 'fr' });
    // A link facet (shown shortened in the text) and a link card: where the post leads, for domain matching.
    expect(posts.get('3lmjq2ab4ck2a')!.links).toEqual(['https://acmebank.example/instant-transfer?utm_campaign=spring', 'https://news.example/acme-instant']);
    // Four distinct authors: one getProfiles call for the page.
    const lookups = fake.requestsTo('/xrpc/app.bsky.actor.getProfiles');
    expect(lookups).toHaveLength(1);
    expect(lookups[0].url.searchParams.getAll('actors')).toHaveLength(4);
    const search = fake.requestsTo('/xrpc/app.bsky.feed.searchPosts')[0].url.searchParams;
    expect(Object.fromEntries(search)).toMatchObject({ q: 'acme', sort: 'latest', limit: '100' });
  });

  it('asks only for posts since the cursor, and leaves followers at 0 when told not to look them up', async () => {
    world.items = posts.slice(0, 3);
    const source = create({ authorFollowers: false });
    const first = await source.fetch(null);
    expect(first.mentions.every((m) => m.author.followers === 0)).toBe(true);
    world.items = posts;
    const second = await source.fetch(first.nextCursor);
    expect(second.mentions.map((m) => m.externalId.split('/').at(-1)).sort()).toEqual(['3lmjr7gh5hp2d', '3lmjr8jk3jq2e', '3lmjs2lm6kr2f']);
    expect(fake.requestsTo('/xrpc/app.bsky.feed.searchPosts')[1].url.searchParams.get('since')).toBe('2025-04-10T08:40:00.000Z');
    expect(fake.requestsTo('/xrpc/app.bsky.actor.getProfiles')).toHaveLength(0);
  });

  it('opens one session per source and refreshes it when the access token has expired', async () => {
    const source = create();
    await source.fetch(null);
    await source.fetch(null);
    expect(fake.requestsTo('/xrpc/com.atproto.server.createSession')).toHaveLength(1);
    fake.interrupt('/xrpc/app.bsky.feed.searchPosts', { status: 400, body: { error: 'ExpiredToken', message: 'Token has expired' } });
    const after = await source.fetch(null);
    expect(after.mentions).toHaveLength(6);
    expect(fake.requestsTo('/xrpc/com.atproto.server.refreshSession')).toHaveLength(1);
    expect(fake.requestsTo('/xrpc/com.atproto.server.createSession')).toHaveLength(1);
    expect(fake.requestsTo('/xrpc/app.bsky.feed.searchPosts').at(-1)!.headers.authorization).toBe(`Bearer ${emulator.accessTokens.at(-1)}`);
  });

  it('without credentials, calls the public AppView and says how to fix a refused anonymous search', async () => {
    const source = create({ identifier: undefined, appPassword: undefined }, {});
    await expect(source.check!()).rejects.toThrow(/configure identifier and appPassword/);
    expect(fake.requestsTo('/xrpc/app.bsky.feed.searchPosts')[0].headers.authorization).toBeUndefined();
  });

  it('names the variable to set when the app password is missing', async () => {
    await expect(create({}, {}).check!()).rejects.toThrow(/BLUESKY_APP_PASSWORD/);
  });

  it('polls within the AppView limit, counting the profile lookups', () => {
    const parsed = blueskySourceFactory.configSchema.parse(config('https://bsky.social'));
    // 3000 requests per 5 min; 5 requests per run (search + 4 getProfiles) for 900 queries: 450 s.
    expect(blueskySourceFactory.pollIntervalMs(parsed, { queriesOfThisType: 900, crisisOpen: false })).toBe(450_000);
    expect(blueskySourceFactory.pollIntervalMs(parsed, { queriesOfThisType: 1, crisisOpen: false })).toBe(60_000);
  });
});
