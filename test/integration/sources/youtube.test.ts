// YouTube connector: the shared contract for channel comments and for video search, plus quota handling and normalisation.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nextPacificMidnight } from '../../../src/sources/http/pacific-midnight.js';
import { RateLimitedError } from '../../../src/sources/source.js';
import { youtubeSourceFactory } from '../../../src/sources/youtube.js';
import { FakePlatform } from '../../helpers/fake-platform.js';
import { runConnectorContract, testContext } from './connector-contract.js';
import { googleError, installYouTube, YOUTUBE_PATH, youtubeTooManyRequests } from './emulators/youtube.js';
import { newWorld, type World } from './emulators/world.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/platforms/youtube/${name}`, import.meta.url), 'utf8'));
type Thread = { snippet: { topLevelComment: { id: string } } };
const threads: Thread[] = fixture('comment-threads.json');
const videos: Array<{ id: { videoId: string } }> = fixture('search-videos.json');
const CHANNEL = 'UCAcmeBankOfficial_x7Q2w';
const KEY = 'AIzaSyTestKey-acme';
const ENV = { YOUTUBE_API_KEY: KEY };

const commentsConfig = (baseUrl: string, overrides: Record<string, unknown> = {}) => ({
  id: 'youtube-acme', type: 'youtube', channelId: CHANNEL, baseUrl: `${baseUrl}${YOUTUBE_PATH}`, ...overrides,
});
const searchConfig = (baseUrl: string, overrides: Record<string, unknown> = {}) => ({
  id: 'youtube-acme', type: 'youtube', query: 'acme bank', baseUrl: `${baseUrl}${YOUTUBE_PATH}`, ...overrides,
});
const common = {
  platform: 'youtube',
  factory: youtubeSourceFactory,
  env: ENV,
  badEnv: { YOUTUBE_API_KEY: 'AIzaSy-revoked' },
  credential: KEY,
  install: (fake: FakePlatform, world: World) => installYouTube(fake, world, CHANNEL),
  tooManyRequests: youtubeTooManyRequests,
};

runConnectorContract({
  ...common,
  variant: 'comment threads',
  config: commentsConfig,
  items: threads,
  malformedItem: fixture('malformed-comment-thread.json'),
  listingPath: `${YOUTUBE_PATH}/commentThreads`,
  externalIdOf: (item) => (item as Thread).snippet.topLevelComment.id,
});

runConnectorContract({
  ...common,
  variant: 'video search',
  config: searchConfig,
  items: videos,
  malformedItem: fixture('malformed-video.json'),
  listingPath: `${YOUTUBE_PATH}/search`,
  externalIdOf: (item) => (item as { id: { videoId: string } }).id.videoId,
});

describe('YouTube specifics', () => {
  let fake: FakePlatform;
  let world: World;
  const create = (config: Record<string, unknown>, env: Record<string, string> = ENV) => {
    const ctx = testContext(env);
    return { ctx, source: youtubeSourceFactory.create(youtubeSourceFactory.configSchema.parse({ backoffMs: 100, ...config }), ctx) };
  };

  beforeAll(async () => {
    fake = await FakePlatform.start();
    world = newWorld(KEY);
    installYouTube(fake, world, CHANNEL);
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.reset();
    world.items = [...threads, ...videos];
    world.pageSize = 10;
  });

  it('normalises comments as replies to their video and search results with decoded titles', async () => {
    const { mentions } = await create(commentsConfig(fake.url, { query: 'acme bank' })).source.fetch(null);
    const byId = new Map(mentions.map((m) => [m.externalId, m]));
    expect(mentions).toHaveLength(12);
    expect(byId.get('Ugx9zY8xW7vU6tS5rQ4pO3n4AaABAg')).toMatchObject({
      text: 'Your card stopped working at the worst moment. Fix this Acme!',
      url: 'https://www.youtube.com/watch?v=dQ7acme0002&lc=Ugx9zY8xW7vU6tS5rQ4pO3n4AaABAg',
      publishedAt: '2025-04-10T08:20:00.000Z',
      replyTo: 'dQ7acme0002',
      author: { platform: 'youtube', externalId: 'UCbudgetBro_z9y8x7w6v5u4', handle: '@budget.bro', followers: 0 },
      engagement: { likes: 44, replies: 3, reshares: 0, quotes: 0 },
    });
    // Without textOriginal, the plain-text textDisplay is used as is.
    expect(byId.get('UgyQ1w2E3r4T5y6U7i8O9p04AaABAg')!.text).toBe('Same, declined twice at the supermarket.');
    expect(byId.get('vAcmeRev001')).toMatchObject({
      text: "Acme Bank app review: is it worth switching?\n\nWe test Acme's new app for a month & compare fees with two rivals.",
      url: 'https://www.youtube.com/watch?v=vAcmeRev001',
      author: { externalId: 'UCtechTalk_k2j3h4g5f6d7s', handle: 'TechTalk Money' },
    });
    expect(byId.get('vAcmeOut003')!.text).toBe('My Acme card got declined LIVE');
    const search = fake.requestsTo(`${YOUTUBE_PATH}/search`)[0].url.searchParams;
    expect(Object.fromEntries(search)).toMatchObject({ part: 'snippet', type: 'video', q: 'acme bank', order: 'date', key: KEY });
    const comments = fake.requestsTo(`${YOUTUBE_PATH}/commentThreads`)[0].url.searchParams;
    expect(Object.fromEntries(comments)).toMatchObject({ allThreadsRelatedToChannelId: CHANNEL, order: 'time', textFormat: 'plainText' });
  });

  it('asks search only for videos published since the cursor', async () => {
    const { source } = create(searchConfig(fake.url));
    const first = await source.fetch(null);
    await source.fetch(first.nextCursor);
    expect(fake.requestsTo(`${YOUTUBE_PATH}/search`).at(-1)!.url.searchParams.get('publishedAfter')).toBe('2025-04-10T12:30:00.000Z');
  });

  it('waits for the next Pacific midnight when the daily quota is spent', async () => {
    const { ctx, source } = create(searchConfig(fake.url));
    fake.interrupt(`${YOUTUBE_PATH}/search`, googleError(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your quota.'));
    const error = await source.fetch(null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    // The test clock is 2025-04-10 12:00 UTC (05:00 PDT): the quota returns at 00:00 PDT on the 11th.
    expect(new Date((error as RateLimitedError).resetAt).toISOString()).toBe('2025-04-11T07:00:00.000Z');
    expect(ctx.sleeps).toEqual([]);
  });

  it('retries the short per-user rate limit with backoff', async () => {
    const { ctx, source } = create(searchConfig(fake.url));
    fake.interrupt(`${YOUTUBE_PATH}/search`, googleError(403, 'rateLimitExceeded', 'The request cannot be completed because you have exceeded your quota.'));
    const result = await source.fetch(null);
    expect(ctx.sleeps).toEqual([100]);
    expect(result.mentions).toHaveLength(6);
  });

  it('restarts the comment listing from the top when a saved page token is no longer accepted', async () => {
    world.items = threads;
    world.pageSize = 2;
    const { source } = create(commentsConfig(fake.url, { maxPages: 1 }));
    const first = await source.fetch(null);
    expect(first.mentions).toHaveLength(2);
    const cursor = JSON.parse(first.nextCursor!) as Record<string, { pending?: { pageToken?: string } }>;
    expect(cursor[`comments ${CHANNEL}`].pending?.pageToken).toBeDefined();
    cursor[`comments ${CHANNEL}`].pending!.pageToken = 'expired-token';
    const rest = await create(commentsConfig(fake.url, { maxPages: 10 })).source.fetch(JSON.stringify(cursor));
    expect(rest.mentions.map((m) => m.externalId).sort()).toEqual(threads.slice(0, 4).map((t) => t.snippet.topLevelComment.id).sort());
  });

  it('says when the channel does not exist, and names the variable when the key is missing', async () => {
    await expect(create(commentsConfig(fake.url, { channelId: 'UCnoSuchChannel_00000000' })).source.check!()).rejects.toThrow(/does not exist/);
    await expect(create(searchConfig(fake.url)).source.check!()).resolves.toMatch(/API key accepted/);
    await expect(create(searchConfig(fake.url), {}).source.check!()).rejects.toThrow(/YOUTUBE_API_KEY/);
  });

  it('spreads the daily quota over the day, a search page costing 100 units', () => {
    const both = youtubeSourceFactory.configSchema.parse(commentsConfig('https://www.googleapis.com', { query: 'acme' }));
    // 101 units per run for 2 sources out of 10,000 a day: every 1,745,280 ms (about 29 min).
    expect(youtubeSourceFactory.pollIntervalMs(both, { queriesOfThisType: 2, crisisOpen: false })).toBe(1_745_280);
    const comments = youtubeSourceFactory.configSchema.parse(commentsConfig('https://www.googleapis.com'));
    expect(youtubeSourceFactory.pollIntervalMs(comments, { queriesOfThisType: 1, crisisOpen: false })).toBe(60_000);
  });

  it('finds the next Pacific midnight across daylight-saving changes', () => {
    expect(new Date(nextPacificMidnight(Date.parse('2025-01-15T07:59:00Z'))).toISOString()).toBe('2025-01-15T08:00:00.000Z');
    expect(new Date(nextPacificMidnight(Date.parse('2025-03-09T05:00:00Z'))).toISOString()).toBe('2025-03-09T08:00:00.000Z');
    expect(new Date(nextPacificMidnight(Date.parse('2025-11-02T06:30:00Z'))).toISOString()).toBe('2025-11-02T07:00:00.000Z');
    expect(new Date(nextPacificMidnight(Date.parse('2025-11-02T07:00:00Z'))).toISOString()).toBe('2025-11-03T08:00:00.000Z');
  });
});
