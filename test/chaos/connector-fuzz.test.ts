// Every connector's item parsing under fuzzing: one item of a real page is corrupted at a random field; the
// connector never throws, keeps every intact item, and either maps or quarantines the corrupted one with a reason.
// Ten thousand fetches per platform take minutes, so this runs with `npm run test:chaos`, not `npm test`.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { MentionInput } from '../../src/domain/mention.js';
import { blueskySourceFactory } from '../../src/sources/bluesky.js';
import { hackerNewsSourceFactory } from '../../src/sources/hackernews.js';
import { mastodonSourceFactory } from '../../src/sources/mastodon.js';
import { redditSourceFactory } from '../../src/sources/reddit.js';
import { rssSourceFactory } from '../../src/sources/rss.js';
import type { SourceFactory } from '../../src/sources/source-factory.js';
import { youtubeSourceFactory } from '../../src/sources/youtube.js';
import { FakePlatform } from '../helpers/fake-platform.js';
import { testContext } from '../integration/sources/connector-contract.js';
import { BLUESKY_HANDLE, installBluesky } from '../integration/sources/emulators/bluesky.js';
import { installHackerNews } from '../integration/sources/emulators/hackernews.js';
import { installMastodon } from '../integration/sources/emulators/mastodon.js';
import { installReddit, REDDIT_CLIENT_ID } from '../integration/sources/emulators/reddit.js';
import { entriesOf, FEED_PATH, installRss } from '../integration/sources/emulators/rss.js';
import { newWorld, type World } from '../integration/sources/emulators/world.js';
import { installYouTube, YOUTUBE_PATH } from '../integration/sources/emulators/youtube.js';
import { hostileJson, hostileString, RUNS } from '../property/arbitraries.js';
import { InMemoryPlatform } from './in-memory-platform.js';

const fixtureText = (platform: string, name: string) => readFileSync(new URL(`../fixtures/platforms/${platform}/${name}`, import.meta.url), 'utf8');
const fixture = (platform: string, name: string) => JSON.parse(fixtureText(platform, name)) as unknown[];
const YT_CHANNEL = 'UCAcmeBankOfficial_x7Q2w';

interface Case {
  platform: string;
  factory: SourceFactory<any>;
  config(baseUrl: string): Record<string, unknown>;
  env: Record<string, string>;
  credential: string;
  install(fake: FakePlatform, world: World): void;
  items: unknown[];
  externalIdOf(item: unknown): string;
}

// X is not here: twitter-api-v2 does its own HTTP (not global fetch), so X's malformed tweets are covered by its contract test.
const CASES: Case[] = [
  {
    platform: 'reddit', factory: redditSourceFactory, env: { REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET: 'reddit-secret' }, credential: 'reddit-secret',
    config: (baseUrl) => ({ id: 'reddit-acme', type: 'reddit', query: 'acme', baseUrl, oauthBaseUrl: baseUrl, clientId: 'REDDIT_CLIENT_ID', clientSecret: '${REDDIT_CLIENT_SECRET}' }),
    install: installReddit, items: fixture('reddit', 'search-posts.json'), externalIdOf: (item) => (item as { data: { name: string } }).data.name,
  },
  {
    platform: 'mastodon', factory: mastodonSourceFactory, env: { MASTODON_TOKEN: 'masto' }, credential: 'masto',
    config: (baseUrl) => ({ id: 'mastodon-acme', type: 'mastodon', instances: [baseUrl], hashtags: ['acme'], accessToken: 'MASTODON_TOKEN' }),
    install: installMastodon, items: fixture('mastodon', 'tag-timeline-statuses.json'), externalIdOf: (item) => (item as { uri: string }).uri,
  },
  {
    platform: 'bluesky', factory: blueskySourceFactory, env: { BLUESKY_APP_PASSWORD: 'pw' }, credential: 'pw',
    config: (baseUrl) => ({ id: 'bluesky-acme', type: 'bluesky', query: 'acme', identifier: BLUESKY_HANDLE, appPassword: 'BLUESKY_APP_PASSWORD', serviceUrl: baseUrl, publicUrl: baseUrl }),
    install: (fake, world) => void installBluesky(fake, world, fixture('bluesky', 'profiles.json') as Array<{ did: string }>),
    items: fixture('bluesky', 'search-posts.json'), externalIdOf: (item) => (item as { uri: string }).uri,
  },
  {
    platform: 'youtube', factory: youtubeSourceFactory, env: { YOUTUBE_API_KEY: 'key' }, credential: 'key',
    config: (baseUrl) => ({ id: 'youtube-acme', type: 'youtube', channelId: YT_CHANNEL, baseUrl: `${baseUrl}${YOUTUBE_PATH}` }),
    install: (fake, world) => installYouTube(fake, world, YT_CHANNEL),
    items: fixture('youtube', 'comment-threads.json'), externalIdOf: (item) => (item as { snippet: { topLevelComment: { id: string } } }).snippet.topLevelComment.id,
  },
  {
    platform: 'hackernews', factory: hackerNewsSourceFactory, env: {}, credential: '',
    config: (baseUrl) => ({ id: 'hackernews-acme', type: 'hackernews', query: 'acme', baseUrl }),
    install: installHackerNews, items: fixture('hackernews', 'hits.json'), externalIdOf: (item) => (item as { objectID: string }).objectID,
  },
];

/** Every path to a value inside an item, so a corruption can hit any field at any depth. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Object.entries(value as Record<string, unknown>);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

function corrupt(item: unknown, path: string[], replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(item) as Record<string, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path[path.length - 1];
  if (remove) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

function checkMention(m: MentionInput): void {
  expect(typeof m.text).toBe('string');
  expect(m.externalId.length).toBeGreaterThan(0);
  expect(Number.isFinite(Date.parse(m.publishedAt))).toBe(true);
  // Counts may be negative (a downvoted Reddit post scores -3) but never NaN or infinite.
  for (const n of [m.engagement.likes, m.engagement.reshares, m.engagement.replies, m.engagement.quotes, m.author.followers]) {
    expect(Number.isFinite(n)).toBe(true);
  }
}

afterEach(() => vi.unstubAllGlobals());

describe.each(CASES)('$platform item parsing (property)', (c) => {
  it('keeps every intact item and maps or quarantines the corrupted one, never throwing', { timeout: 300_000 }, async () => {
    const platform = new InMemoryPlatform();
    const world = newWorld(c.credential);
    world.pageSize = 100;
    world.items = c.items;
    c.install(platform as unknown as FakePlatform, world);
    vi.stubGlobal('fetch', platform.fetch);
    const config = c.factory.configSchema.parse({ ...c.config(platform.url), backoffMs: 1 });
    // One source for all runs: fetch(null) keeps no cursor, and a cached access token halves the requests.
    const source = c.factory.create(config, testContext(c.env));
    const corruption = fc.nat({ max: c.items.length - 1 }).chain((index) =>
      fc.record({ index: fc.constant(index), path: fc.constantFrom(...pathsOf(c.items[index])), value: hostileJson, remove: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(corruption, async ({ index, path, value, remove }) => {
        platform.substitute(c.items[index], corrupt(c.items[index], path, value, remove));
        const result = await source.fetch(null);
        const kept = new Set(result.mentions.map((m) => m.externalId));
        c.items.forEach((item, i) => i !== index && expect(kept.has(c.externalIdOf(item)), `intact item ${c.externalIdOf(item)} kept`).toBe(true));
        result.mentions.forEach(checkMention);
        for (const q of result.quarantined) {
          expect(q.error.length).toBeGreaterThan(0);
          expect(q.platform).toBe(c.platform);
        }
        expect(result.mentions.length + result.quarantined.length).toBeGreaterThanOrEqual(c.items.length - 1);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('rss entry parsing (property)', () => {
  const entries = entriesOf(fixtureText('rss', 'acme-news.atom'));
  const escapeXml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/g, '');

  it('keeps every intact entry whatever text one entry carries, and never throws on a broken entry', { timeout: 300_000 }, async () => {
    // Feeds are read through node:http with the SSRF guard (not global fetch): a real server on 127.0.0.1.
    const platform = await FakePlatform.start();
    onTestFinished(() => platform.close());
    const world = newWorld('');
    world.pageSize = 100;
    installRss(platform, world);
    const config = rssSourceFactory.configSchema.parse({ id: 'rss-acme', type: 'rss', feeds: [`${platform.url}${FEED_PATH}`], allowPrivateNetwork: true, backoffMs: 1 });
    const source = rssSourceFactory.create(config, testContext({}));
    const textNodes = (entry: string) => [...entry.matchAll(/<(\w+)(?: [^>]*)?>([^<]+)<\/\1>/g)].map((m) => m[2]);
    const corruption = fc.nat({ max: entries.length - 1 }).chain((index) =>
      fc.record({ index: fc.constant(index), target: fc.constantFrom(...textNodes(entries[index])), text: hostileString(80), raw: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(corruption, async ({ index, target, text, raw }) => {
        // Escaped text is well-formed XML and must be read; raw text may break the whole document, which must not throw either.
        const bad = entries[index].replace(`>${target}<`, () => `>${raw ? text : escapeXml(text)}<`);
        world.items = entries.map((entry, i) => (i === index ? bad : entry));
        const result = await source.fetch(null);
        result.mentions.forEach(checkMention);
        if (!raw) expect(result.mentions.length + result.quarantined.length).toBeGreaterThanOrEqual(entries.length - 1);
        for (const q of result.quarantined) expect(q.error.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });
});
