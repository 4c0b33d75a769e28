// One failing stream of a source (a hashtag, an instance, a feed, a listing) costs its own items only, and is reported.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blueskySourceFactory } from '../../../src/sources/bluesky.js';
import { mastodonSourceFactory } from '../../../src/sources/mastodon.js';
import { redditSourceFactory } from '../../../src/sources/reddit.js';
import { rssSourceFactory } from '../../../src/sources/rss.js';
import { youtubeSourceFactory } from '../../../src/sources/youtube.js';
import { FakePlatform } from '../../helpers/fake-platform.js';
import { testContext } from './connector-contract.js';
import { BLUESKY_HANDLE, installBluesky } from './emulators/bluesky.js';
import { installMastodon } from './emulators/mastodon.js';
import { installReddit, REDDIT_CLIENT_ID } from './emulators/reddit.js';
import { entriesOf, FEED_PATH, installRss } from './emulators/rss.js';
import { newWorld, type World } from './emulators/world.js';
import { googleError, installYouTube, YOUTUBE_PATH } from './emulators/youtube.js';

const json = (platform: string, name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/platforms/${platform}/${name}`, import.meta.url), 'utf8'));

describe('a source whose streams fail one by one', () => {
  let fake: FakePlatform;
  let world: World;
  beforeAll(async () => {
    fake = await FakePlatform.start();
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.reset();
  });

  it('Mastodon: a hashtag answering 401 keeps the other hashtag\'s mentions and cursor, and says which stream failed', async () => {
    world = newWorld('tok');
    world.pageSize = 10;
    world.items = json('mastodon', 'tag-timeline-statuses.json');
    installMastodon(fake, world);
    const config = mastodonSourceFactory.configSchema.parse({ id: 'mastodon-acme', type: 'mastodon', instances: [fake.url], hashtags: ['acme', 'acmebank'], backoffMs: 1 });
    fake.interrupt('/api/v1/timelines/tag/acmebank', { status: 401, body: { error: 'This method requires an authenticated user' } });
    const source = mastodonSourceFactory.create(config, testContext({}));
    const result = await source.fetch(null);
    expect(result.mentions.length).toBe(world.items.length);
    expect(result.failures).toEqual([{ stream: `${fake.url}#acmebank`, status: 401, message: expect.stringContaining('This method requires an authenticated user') }]);
    const cursor = JSON.parse(result.nextCursor!);
    expect(Object.keys(cursor)).toEqual([`${fake.url}#acme`]);
    // Next run: the failed stream starts afresh, the other one only reads what is new.
    const again = await source.fetch(result.nextCursor);
    expect(again.failures).toBeUndefined();
    expect(again.mentions.length).toBe(world.items.length);
    expect(Object.keys(JSON.parse(again.nextCursor!)).sort()).toEqual([`${fake.url}#acme`, `${fake.url}#acmebank`]);
  });

  it('Mastodon: when every stream fails, the poll fails with the platform\'s message', async () => {
    world = newWorld('tok');
    installMastodon(fake, world);
    const config = mastodonSourceFactory.configSchema.parse({ id: 'mastodon-acme', type: 'mastodon', instances: [fake.url], hashtags: ['acme'], backoffMs: 1 });
    fake.interrupt(/^\/api\/v1\/timelines\/tag\//, { status: 403, body: '<!DOCTYPE html><html><head><title>Forbidden</title></head><body><h1>403 Forbidden</h1></body></html>' });
    await expect(mastodonSourceFactory.create(config, testContext({})).fetch(null)).rejects.toThrow(/answered 403: Forbidden: 403 Forbidden$/);
  });

  it('Reddit: comments keep flowing when the post search is refused', async () => {
    world = newWorld('reddit-secret');
    world.pageSize = 10;
    world.items = json('reddit', 'subreddit-comments.json');
    installReddit(fake, world);
    const config = redditSourceFactory.configSchema.parse({
      id: 'reddit-acme', type: 'reddit', query: 'acme', baseUrl: fake.url, oauthBaseUrl: fake.url, clientId: 'REDDIT_CLIENT_ID', clientSecret: 'REDDIT_CLIENT_SECRET',
      commentSubreddits: ['france'], commentTerms: ['acme'], backoffMs: 1, maxRetries: 0,
    });
    fake.interrupt(/\/search$/, { status: 500, body: '<html><body>all our servers are busy</body></html>' });
    const result = await redditSourceFactory.create(config, testContext({ REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET: 'reddit-secret' })).fetch(null);
    expect(result.failures).toHaveLength(1);
    expect(result.failures![0]).toMatchObject({ stream: 'search ?acme', status: 500 });
    expect(result.mentions.length).toBeGreaterThan(0);
    expect(Object.keys(JSON.parse(result.nextCursor!))).toEqual(['comments france']);
  });

  it('RSS: a feed that fails does not cost the other feed\'s items', async () => {
    world = newWorld('');
    world.pageSize = 10;
    world.items = entriesOf(readFileSync(new URL('../../fixtures/platforms/rss/acme-news.atom', import.meta.url), 'utf8'));
    installRss(fake, world);
    fake.route('GET', '/gone.rss', () => ({ status: 410, body: 'Gone' }));
    const config = rssSourceFactory.configSchema.parse({ id: 'rss-acme', type: 'rss', feeds: [`${fake.url}/gone.rss`, `${fake.url}${FEED_PATH}`], allowPrivateNetwork: true });
    const result = await rssSourceFactory.create(config, testContext({})).fetch(null);
    expect(result.mentions.length).toBe(world.items.length);
    expect(result.failures).toEqual([{ stream: `${fake.url}/gone.rss`, status: 410, message: expect.stringMatching(/answered 410: Gone$/) }]);
  });

  it('YouTube: comments are kept when the video search is forbidden, with Google\'s message', async () => {
    world = newWorld('AIzaSyKey');
    world.pageSize = 10;
    world.items = json('youtube', 'comment-threads.json');
    installYouTube(fake, world, 'UCAcmeBankOfficial_x7Q2w');
    const config = youtubeSourceFactory.configSchema.parse({
      id: 'youtube-acme', type: 'youtube', channelId: 'UCAcmeBankOfficial_x7Q2w', query: 'acme bank', baseUrl: `${fake.url}${YOUTUBE_PATH}`, backoffMs: 1,
    });
    fake.interrupt(`${YOUTUBE_PATH}/search`, googleError(403, 'forbidden', 'YouTube Data API v3 has not been used in project 123 before or it is disabled.', 'usageLimits'));
    const result = await youtubeSourceFactory.create(config, testContext({ YOUTUBE_API_KEY: 'AIzaSyKey' })).fetch(null);
    expect(result.mentions.length).toBeGreaterThan(0);
    expect(result.failures).toHaveLength(1);
    expect(result.failures![0]).toMatchObject({ status: 403, message: expect.stringContaining('YouTube Data API v3 has not been used in project 123') });
  });

  it('Bluesky: getProfiles answering 5xx costs the follower counts, never the page', async () => {
    world = newWorld('pw');
    world.pageSize = 10;
    world.items = json('bluesky', 'search-posts.json');
    installBluesky(fake, world, json('bluesky', 'profiles.json'));
    const config = blueskySourceFactory.configSchema.parse({
      id: 'bluesky-acme', type: 'bluesky', query: 'acme', identifier: BLUESKY_HANDLE, appPassword: 'BSKY', serviceUrl: fake.url, publicUrl: fake.url, backoffMs: 1, maxRetries: 1,
    });
    fake.interrupt('/xrpc/app.bsky.actor.getProfiles', { status: 502, body: 'bad gateway' }, { status: 502, body: 'bad gateway' });
    const result = await blueskySourceFactory.create(config, testContext({ BSKY: 'pw' })).fetch(null);
    expect(result.failures).toBeUndefined();
    expect(result.mentions.length).toBe(world.items.length);
    expect(result.mentions.every((m) => m.author.followers === 0)).toBe(true);
  });
});
