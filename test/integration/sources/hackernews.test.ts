// Hacker News connector: the shared contract against a fake Algolia API, plus HTML-to-text and reply links.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hackerNewsSourceFactory } from '../../../src/sources/hackernews.js';
import { FakePlatform } from '../../helpers/fake-platform.js';
import { runConnectorContract, testContext } from './connector-contract.js';
import { algoliaTooManyRequests, installHackerNews } from './emulators/hackernews.js';
import { newWorld } from './emulators/world.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/platforms/hackernews/${name}`, import.meta.url), 'utf8'));
const hits: Array<{ objectID: string }> = fixture('hits.json');
const config = (baseUrl: string, overrides: Record<string, unknown> = {}) => ({ id: 'hackernews-acme', type: 'hackernews', query: 'acme', baseUrl, ...overrides });

runConnectorContract({
  platform: 'hackernews',
  factory: hackerNewsSourceFactory,
  config,
  env: {},
  credential: '',
  install: installHackerNews,
  items: hits,
  malformedItem: fixture('malformed-hit.json'),
  listingPath: /^\/api\/v1\/search_by_date$/,
  tooManyRequests: algoliaTooManyRequests,
  externalIdOf: (item) => (item as { objectID: string }).objectID,
});

describe('Hacker News specifics', () => {
  it('turns comment HTML into text, links replies to their parent and stories to their title', async () => {
    const fake = await FakePlatform.start();
    try {
      const world = newWorld('');
      world.pageSize = 10;
      world.items = hits;
      installHackerNews(fake, world);
      const source = hackerNewsSourceFactory.create(hackerNewsSourceFactory.configSchema.parse(config(fake.url)), testContext({}));
      const { mentions } = await source.fetch(null);
      const byId = new Map(mentions.map((m) => [m.externalId, m]));
      expect(byId.get('43600002')!.text).toBe('I worked with their API: the docs are good, but the sandbox resets & loses data every night.\n\nStill better than most banks.');
      expect(byId.get('43600031')).toMatchObject({ replyTo: '43600011', url: 'https://news.ycombinator.com/item?id=43600031', publishedAt: '2025-04-10T09:40:00.000Z' });
      expect(byId.get('43600020')).toMatchObject({
        text: "Ask HN: How do you monitor third-party bank outages?\n\nAfter today's Acme incident we want alerts before customers call us. What do you use?",
        engagement: { likes: 14, replies: 9, reshares: 0, quotes: 0 },
        author: { handle: 'opsdiary', followers: 0 },
      });
      expect(byId.get('43600020')!.replyTo).toBeUndefined();
      // A link story keeps where it links to: in its text and in its links, for entities matched on a domain.
      expect(byId.get('43600001')).toMatchObject({ text: 'Acme Bank open-sources its payments ledger\n\nhttps://example.org/acme-ledger', links: ['https://example.org/acme-ledger'], url: 'https://news.ycombinator.com/item?id=43600001' });
      expect(byId.get('43600002')!.links).toBeUndefined();
    } finally {
      await fake.close();
    }
  });
});
