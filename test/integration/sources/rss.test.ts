// RSS / Atom connector: the shared contract against a fake paged Atom feed, plus RSS 2.0 parsing and guid de-duplication.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rssSourceFactory } from '../../../src/sources/rss.js';
import { FakePlatform } from '../../helpers/fake-platform.js';
import { runConnectorContract, testContext } from './connector-contract.js';
import { entriesOf, FEED_PATH, feedTooManyRequests, installRss } from './emulators/rss.js';
import { newWorld } from './emulators/world.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/platforms/rss/${name}`, import.meta.url), 'utf8');
const entries = entriesOf(fixture('acme-news.atom'));
const config = (baseUrl: string, overrides: Record<string, unknown> = {}) => ({ id: 'rss-acme', type: 'rss', feeds: [`${baseUrl}${FEED_PATH}`], allowPrivateNetwork: true, ...overrides });

runConnectorContract({
  platform: 'rss',
  factory: rssSourceFactory,
  config,
  env: {},
  credential: '',
  install: installRss,
  items: entries,
  malformedItem: fixture('malformed-entry.atom'),
  listingPath: new RegExp(`^${FEED_PATH.replace('.', '\\.')}$`),
  tooManyRequests: feedTooManyRequests,
  truncatedBody: '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>tag:news.example,2025:article-10',
  externalIdOf: (item) => /<id>([^<]+)<\/id>/.exec(item as string)![1],
});

describe('RSS specifics', () => {
  it('reads Atom entries as plain text with their language, link and author', async () => {
    const fake = await FakePlatform.start();
    try {
      const world = newWorld('');
      world.pageSize = 10;
      world.items = entries;
      installRss(fake, world);
      const source = rssSourceFactory.create(rssSourceFactory.configSchema.parse(config(fake.url)), testContext({}));
      const byId = new Map((await source.fetch(null)).mentions.map((m) => [m.externalId.split(':').at(-1), m]));
      expect(byId.get('article-1001')).toMatchObject({ text: 'Acme Bank opens ten new branches\n\nThe lender expands in the north & east.', url: 'https://news.example/articles/1001', langHint: 'en', publishedAt: '2025-04-10T08:00:00.000Z', author: { handle: 'Dana Reyes', followers: 0 } });
      expect(byId.get('article-1002')!.text).toBe('Acme’s app tops the store charts\n\nDownloads doubled after the redesign.');
      expect(byId.get('article-1003')).toMatchObject({ langHint: 'fr', text: "Panne géante des cartes Acme Bank\n\nDepuis 8 h, les paiements par carte échouent.\n\nLa banque n'a pas encore communiqué." });
    } finally {
      await fake.close();
    }
  });

  it('reads RSS 2.0 items, keyed by guid or else by link, and never returns one twice', async () => {
    const fake = await FakePlatform.start();
    try {
      let items = `<item><title>Acme &amp; co</title><link>https://blog.example/1</link><guid isPermaLink="false">blog-1</guid><pubDate>Thu, 10 Apr 2025 08:00:00 GMT</pubDate><dc:creator>Ana</dc:creator><description>&lt;b&gt;Good&lt;/b&gt; service</description></item>`;
      fake.route('GET', '/blog.rss', () => ({ body: `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Blog</title><language>fr-FR</language>${items}</channel></rss>` }));
      const source = rssSourceFactory.create(rssSourceFactory.configSchema.parse({ id: 'rss-blog', type: 'rss', feeds: [`${fake.url}/blog.rss`], allowPrivateNetwork: true }), testContext({}));
      const first = await source.fetch(null);
      expect(first.mentions).toHaveLength(1);
      expect(first.mentions[0]).toMatchObject({ externalId: 'blog-1', text: 'Acme & co\n\nGood service', langHint: 'fr-FR', url: 'https://blog.example/1', author: { handle: 'Ana' }, publishedAt: '2025-04-10T08:00:00.000Z' });
      items += `<item><title>Second post about Acme</title><link>https://blog.example/2</link><pubDate>Thu, 10 Apr 2025 09:00:00 GMT</pubDate></item>`;
      const second = await source.fetch(first.nextCursor);
      expect(second.mentions.map((m) => m.externalId)).toEqual(['https://blog.example/2']);
      expect((await source.fetch(second.nextCursor)).mentions).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('quarantines a document that passes the XML validator but not the parser, and keeps the cursor', async () => {
    // Found by the chaos fuzz (seed 1325973742): raw `<!"` as an entry's id.
    const fake = await FakePlatform.start();
    try {
      const body = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id><!"</id><title>Acme Bank payments restored</title></entry></feed>`;
      fake.route('GET', '/broken.atom', () => ({ body }));
      const source = rssSourceFactory.create(rssSourceFactory.configSchema.parse({ id: 'rss-broken', type: 'rss', feeds: [`${fake.url}/broken.atom`], allowPrivateNetwork: true }), testContext({}));
      const result = await source.fetch(null);
      expect(result.mentions).toEqual([]);
      expect(result.quarantined).toHaveLength(1);
      expect(result.quarantined[0]).toMatchObject({ platform: 'rss', sourceId: 'rss-broken', payload: body });
      expect(result.quarantined[0].error).toMatch(/^malformed XML: /);
      expect(result.nextCursor).toBeNull();
    } finally {
      await fake.close();
    }
  });
});
