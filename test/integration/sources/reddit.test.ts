// Reddit connector: the shared contract against a fake Reddit (OAuth search), plus public JSON, comment filtering and normalisation.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { redditSourceFactory } from '../../../src/sources/reddit.js';
import { FakePlatform } from '../../helpers/fake-platform.js';
import { runConnectorContract, testContext } from './connector-contract.js';
import { installReddit, REDDIT_CLIENT_ID, redditTooManyRequests } from './emulators/reddit.js';
import { newWorld, type World } from './emulators/world.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/platforms/reddit/${name}`, import.meta.url), 'utf8'));
const posts: Array<{ data: { name: string } }> = fixture('search-posts.json');
const comments: Array<{ data: { name: string } }> = fixture('subreddit-comments.json');
const SECRET = 'reddit-secret-xyz';
const ENV = { REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET: SECRET };

const config = (baseUrl: string, overrides: Record<string, unknown> = {}) => ({
  id: 'reddit-acme', type: 'reddit', query: '"acme bank" OR acme', baseUrl, oauthBaseUrl: baseUrl,
  clientId: 'REDDIT_CLIENT_ID', clientSecret: '${REDDIT_CLIENT_SECRET}', ...overrides,
});

runConnectorContract({
  platform: 'reddit',
  factory: redditSourceFactory,
  config,
  env: ENV,
  badEnv: { REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET: 'wrong-secret' },
  credential: SECRET,
  install: installReddit,
  items: posts,
  malformedItem: fixture('malformed-post.json'),
  listingPath: /^\/search$/,
  tooManyRequests: redditTooManyRequests,
  truncatedBody: '{"kind": "Listing", "data": {"after": "t3_1jv',
  externalIdOf: (item) => (item as { data: { name: string } }).data.name,
});

describe('Reddit specifics', () => {
  let fake: FakePlatform;
  let world: World;
  const create = (overrides: Record<string, unknown> = {}, env: Record<string, string> = ENV) =>
    redditSourceFactory.create(redditSourceFactory.configSchema.parse(config(fake.url, overrides)), testContext(env));

  beforeAll(async () => {
    fake = await FakePlatform.start();
    world = newWorld(SECRET);
    installReddit(fake, world);
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.reset();
    world.items = [];
    world.pageSize = 10;
  });

  it('normalises posts: title and body, permalink, crosspost as reshare, deleted author', async () => {
    world.items = posts;
    const { mentions } = await create().fetch(null);
    const byId = new Map(mentions.map((m) => [m.externalId, m]));
    expect(byId.get('t3_1jvq0b2')).toMatchObject({
      text: 'Acme Bank card declined everywhere this morning?\n\nTried three shops & the ATM. Support line says "we are aware". Is it just me?',
      url: 'https://www.reddit.com/r/Banking/comments/1jvq0b2/acme_bank_card_declined_everywhere_this/',
      publishedAt: '2025-04-10T08:30:00.000Z',
      author: { platform: 'reddit', externalId: 't2_1abc2def', handle: 'quietledger', followers: 0 },
      engagement: { likes: 310, reshares: 2, replies: 128, quotes: 0 },
    });
    expect(byId.get('t3_1jvq0d4')!.text).toBe('Acme Bank confirms nationwide card outage');
    expect(byId.get('t3_1jvq0e5')).toMatchObject({ reshareOf: 't3_1jvq0b2', author: { externalId: '[deleted]', handle: '[deleted]' } });
    const params = fake.requestsTo('/search')[0].url.searchParams;
    expect(Object.fromEntries(params)).toMatchObject({ q: '"acme bank" OR acme', sort: 'new', type: 'link', raw_json: '1' });
    // One token for the whole run, sent with Reddit's required user agent.
    expect(fake.requestsTo('/api/v1/access_token')).toHaveLength(1);
    expect(fake.requestsTo('/search')[0].headers['user-agent']).toBe('server:vigie:0.1 (by /u/vigie-monitor)');
  });

  it('reads the public JSON listing without credentials, restricted to the configured subreddits', async () => {
    world.items = posts;
    const source = create({ clientId: undefined, clientSecret: undefined, subreddits: ['Banking', 'france'], userAgent: 'server:acme-watch:1.0 (by /u/acme)' }, {});
    const { mentions } = await source.fetch(null);
    expect(mentions).toHaveLength(6);
    const request = fake.requestsTo('/r/Banking+france/search.json')[0];
    expect(request.url.searchParams.get('restrict_sr')).toBe('1');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers['user-agent']).toBe('server:acme-watch:1.0 (by /u/acme)');
    await expect(source.check!()).resolves.toMatch(/public search/);
  });

  it('keeps only the subreddit comments that name a term, as replies, and never pages through the others again', async () => {
    world.items = comments.slice(0, 6);
    world.pageSize = 2;
    const source = create({ commentSubreddits: ['Banking', 'personalfinance'], commentTerms: ['acme', 'acme bank'] });
    const first = await source.fetch(null);
    // mm1a002, mm1a004 and mm1a006 do not name Acme (a user name does not count); "ACME" in capitals does.
    expect(first.mentions.map((m) => m.externalId).sort()).toEqual(['t1_mm1a001', 't1_mm1a003', 't1_mm1a005']);
    const reply = first.mentions.find((m) => m.externalId === 't1_mm1a003')!;
    expect(reply).toMatchObject({
      replyTo: 't3_1jvq0b2',
      text: 'Moving my paycheck away from ACME after this & not coming back.',
      url: 'https://www.reddit.com/r/Banking/comments/1jvq0b2/thread/mm1a003/',
      engagement: { likes: 61, replies: 0, reshares: 0, quotes: 0 },
    });

    fake.reset();
    world.items = comments;
    const second = await source.fetch(first.nextCursor);
    expect(second.mentions.map((m) => m.externalId)).toEqual(['t1_mm1a007']);
    expect(second.mentions[0].replyTo).toBe('t1_mm1a003');
    // The newest comment of the first run (mm1a006) was not kept but still moved the cursor:
    // the first page [mm1a007, mm1a006] reaches it, so no second page is read.
    expect(fake.requestsTo('/r/Banking+personalfinance/comments')).toHaveLength(1);
  });

  it('resumes a cut-short sweep from the top when the post it stopped at has been removed', async () => {
    world.items = posts;
    world.pageSize = 2;
    const source = create({ maxPages: 2 });
    const first = await source.fetch(null);
    expect(first.mentions.map((m) => m.externalId).sort()).toEqual(['t3_1jvq0c3', 't3_1jvq0d4', 't3_1jvq0e5', 't3_1jvq0f6']);
    world.items = posts.filter((p) => p.data.name !== 't3_1jvq0c3');
    const rest = await create({ maxPages: 10 }).fetch(first.nextCursor);
    expect(rest.mentions.map((m) => m.externalId).sort()).toEqual(['t3_1jvq0a1', 't3_1jvq0b2']);
  });

  it('asks for a new token once when Reddit refuses the cached one', async () => {
    world.items = posts.slice(0, 1);
    const source = create();
    await source.fetch(null);
    fake.interrupt('/search', { status: 401, body: { message: 'Unauthorized', error: 401 } });
    world.items = posts.slice(0, 2);
    const next = await source.fetch(null);
    expect(next.mentions).toHaveLength(2);
    expect(fake.requestsTo('/api/v1/access_token')).toHaveLength(2);
  });

  it('rejects half-configured credentials and comment subreddits without terms', () => {
    expect(redditSourceFactory.configSchema.safeParse(config('https://www.reddit.com', { clientSecret: undefined })).success).toBe(false);
    expect(redditSourceFactory.configSchema.safeParse(config('https://www.reddit.com', { commentSubreddits: ['Banking'] })).success).toBe(false);
  });

  it('polls no faster than the free tier allows', () => {
    const oauth = redditSourceFactory.configSchema.parse(config('https://www.reddit.com', { commentSubreddits: ['Banking'], commentTerms: ['acme'] }));
    // 100 requests a minute shared by 60 queries of two listings each: 72 s apart.
    expect(redditSourceFactory.pollIntervalMs(oauth, { queriesOfThisType: 60, crisisOpen: false })).toBe(72_000);
    const anonymous = redditSourceFactory.configSchema.parse(config('https://www.reddit.com', { clientId: undefined, clientSecret: undefined }));
    // 10 a minute for 20 queries: 2 minutes.
    expect(redditSourceFactory.pollIntervalMs(anonymous, { queriesOfThisType: 20, crisisOpen: false })).toBe(120_000);
  });
});

describe('Reddit comment pages', () => {
  const page = JSON.parse(readFileSync(new URL('../../fixtures/platforms/reddit/comments-page.json', import.meta.url), 'utf8'));

  it('reads [post listing, comment listing] with nested replies; `more` stubs are skipped, not quarantined; tracking parameters dropped', async () => {
    const fake = await FakePlatform.start();
    try {
      fake.route('GET', '/comments/1jvq0b2.json', () => ({ body: page }));
      fake.route('GET', '/search.json', () => ({ body: { kind: 'Listing', data: { after: null, dist: 0, children: [], before: null } } }));
      const source = redditSourceFactory.create(redditSourceFactory.configSchema.parse(config(fake.url, { clientId: undefined, clientSecret: undefined, threads: ['1jvq0b2'] })), testContext({}));
      const result = await source.fetch(null);
      expect(result.failures).toBeUndefined();
      expect(result.quarantined).toEqual([]);
      const byId = new Map(result.mentions.map((m) => [m.externalId, m]));
      // The thread's comments, nested ones included; the post itself is not one of them.
      expect([...byId.keys()].sort()).toEqual(['t1_mq2b001', 't1_mq2b002', 't1_mq2b003']);
      expect(byId.get('t1_mq2b003')).toMatchObject({ replyTo: 't1_mq2b001', text: "Same. Acme's app shows the payment as pending forever." });
      expect(fake.requestsTo('/comments/1jvq0b2.json')[0].url.searchParams.get('sort')).toBe('new');
      // The next poll: nothing new, nothing quarantined, one request.
      fake.reset();
      const again = await source.fetch(result.nextCursor);
      expect(again.mentions).toEqual([]);
      expect(again.quarantined).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('strips tracking parameters from stored URLs and keeps a link post\'s destination', async () => {
    const fake = await FakePlatform.start();
    try {
      const linkPost = { kind: 't3', data: { ...page[0].data.children[0].data, id: '1jvq0z9', name: 't3_1jvq0z9', is_self: false, selftext: '', title: 'Acme outage explained', url: 'https://news.example/acme-outage?utm_source=reddit&utm_medium=social&id=7', permalink: '/r/Banking/comments/1jvq0z9/acme_outage_explained/?ref=search_posts&ref_source=link' } };
      fake.route('GET', '/search.json', () => ({ body: { kind: 'Listing', data: { after: null, dist: 1, children: [linkPost], before: null } } }));
      const source = redditSourceFactory.create(redditSourceFactory.configSchema.parse(config(fake.url, { clientId: undefined, clientSecret: undefined })), testContext({}));
      const [mention] = (await source.fetch(null)).mentions;
      expect(mention.url).toBe('https://www.reddit.com/r/Banking/comments/1jvq0z9/acme_outage_explained/');
      expect(mention.links).toEqual(['https://news.example/acme-outage?id=7']);
    } finally {
      await fake.close();
    }
  });
});
