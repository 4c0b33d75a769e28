// Mastodon connector: the shared contract for hashtag timelines and status search against a fake instance, plus HTML-to-text, handles and replies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mastodonSourceFactory } from '../../../src/sources/mastodon.js';
import { FakePlatform } from '../../helpers/fake-platform.js';
import { runConnectorContract, testContext } from './connector-contract.js';
import { installMastodon, mastodonTooManyRequests } from './emulators/mastodon.js';
import { newWorld } from './emulators/world.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/platforms/mastodon/${name}`, import.meta.url), 'utf8'));
const statuses: Array<{ uri: string }> = fixture('tag-timeline-statuses.json');
const TOKEN = 'mastodon-token-123';
const config = (baseUrl: string, overrides: Record<string, unknown> = {}) => ({
  id: 'mastodon-acme', type: 'mastodon', instances: [baseUrl], hashtags: ['acme'], accessToken: 'MASTODON_TOKEN', ...overrides,
});

const common = {
  platform: 'mastodon',
  factory: mastodonSourceFactory,
  env: { MASTODON_TOKEN: TOKEN },
  badEnv: { MASTODON_TOKEN: 'expired' },
  credential: TOKEN,
  install: installMastodon,
  items: statuses,
  malformedItem: fixture('malformed-status.json'),
  tooManyRequests: (resetAt: number) => mastodonTooManyRequests(resetAt),
  externalIdOf: (item: unknown) => (item as { uri: string }).uri,
};

runConnectorContract({ ...common, variant: 'hashtag timeline', config, listingPath: /^\/api\/v1\/timelines\/tag\/acme$/ });

// Search pages end when a page comes back short, so the page size is the fake's.
runConnectorContract({
  ...common,
  variant: 'status search',
  config: (baseUrl, overrides = {}) => config(baseUrl, { hashtags: [], query: 'acme', pageSize: 2, ...overrides }),
  listingPath: '/api/v2/search',
});

describe('Mastodon specifics', () => {
  it('stores plain text, qualified handles and content warnings', async () => {
    const fake = await FakePlatform.start();
    try {
      const world = newWorld(TOKEN);
      world.pageSize = 10;
      world.items = statuses;
      installMastodon(fake, world);
      const source = mastodonSourceFactory.create(mastodonSourceFactory.configSchema.parse(config(fake.url, { accessToken: undefined })), testContext({}));
      const { mentions } = await source.fetch(null);
      const byId = new Map(mentions.map((m) => [m.externalId, m]));
      const host = new URL(fake.url).host;
      expect(byId.get('https://mastodon.example/users/claire/statuses/114300000000000001')).toMatchObject({ text: "Le nouveau site d'#Acme est enfin rapide 👍", langHint: 'fr', author: { handle: `claire@${host}`, followers: 230, description: 'Dev, café, vélo.' } });
      expect(byId.get('https://fosstodon.example/users/tomas/statuses/113999000000000102')).toMatchObject({ text: 'Card payments at #Acme failing since 8am.\n\nAnyone else?', url: 'https://fosstodon.example/@tomas/113999000000000102' });
      expect(byId.get('https://mastodon.example/users/claire/statuses/114300000000000003')!.text).toBe('@tomas oui, pareil ici > deux refus');
      expect(byId.get('https://press.example/users/newsroom/statuses/5501')).toMatchObject({ text: 'Acme Bank confirms a nationwide card outage.\nStatement expected at noon.', author: { handle: 'newsroom@press.example' }, engagement: { likes: 140, reshares: 80, replies: 12, quotes: 0 } });
      expect(byId.get('https://fosstodon.example/users/tomas/statuses/113999000000000105')!.text).toBe('#Acme rant\n\nTold you so.');
      expect(fake.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
    } finally {
      await fake.close();
    }
  });
});

describe('Mastodon replies and search', () => {
  const statusById = (id: string) => statuses.find((s) => (s as unknown as { id: string }).id === id)!;
  const fetchOnly = async (items: unknown[], overrides: Record<string, unknown> = {}) => {
    const fake = await FakePlatform.start();
    try {
      const world = newWorld(TOKEN);
      world.pageSize = 10;
      world.items = items;
      installMastodon(fake, world);
      const source = mastodonSourceFactory.create(mastodonSourceFactory.configSchema.parse(config(fake.url, overrides)), testContext({ MASTODON_TOKEN: TOKEN }));
      return { result: await source.fetch(null), requests: fake.requests };
    } finally {
      await fake.close();
    }
  };

  it('names the parent of a reply from the same page, even when the parent lives on another server', async () => {
    const { result } = await fetchOnly(statuses);
    const reply = result.mentions.find((m) => m.externalId.endsWith('/114300000000000003'))!;
    expect(reply.replyTo).toBe('https://fosstodon.example/users/tomas/statuses/113999000000000102');
  });

  it('builds the URI of a local parent off the page; a remote one off the page is still recorded as a reply', async () => {
    const { result, requests } = await fetchOnly([statusById('114300000000000003'), statusById('114300000000000006')]);
    const byLocalId = new Map(result.mentions.map((m) => [m.url!.split('/').at(-1), m]));
    // claire answers her own earlier status: a local author, so Mastodon's URI scheme applies.
    expect(byLocalId.get('114300000000000006')!.replyTo).toBe('https://mastodon.example/users/claire/statuses/114300000000000001');
    // The parent of 3 is tomas's status from fosstodon.example: its URI carries fosstodon's own id, unknown here;
    // the reply is recorded with the address the instance serves the parent at.
    const instance = new URL(requests[0].url.href).origin;
    expect(byLocalId.get('114300000000000003')!.replyTo).toBe(`${instance}/api/v1/statuses/114300000000000002`);
  });

  it('searches statuses with the token and reads the search answer', async () => {
    const { result, requests } = await fetchOnly(statuses, { hashtags: [], query: 'acme bank' });
    expect(result.mentions).toHaveLength(6);
    const search = requests.find((r) => r.url.pathname === '/api/v2/search')!;
    expect(Object.fromEntries(search.url.searchParams)).toMatchObject({ q: 'acme bank', type: 'statuses', resolve: 'false', limit: '40' });
    expect(search.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});

describe('Mastodon 4.4 and several instances', () => {
  const quotes = fixture('statuses-4.4-quotes.json');

  it('reads quotes_count and quote, keeps a remote parent as a reply, and the links a status carries', async () => {
    const fake = await FakePlatform.start();
    try {
      const world = newWorld(TOKEN);
      world.pageSize = 10;
      world.items = quotes;
      installMastodon(fake, world);
      const source = mastodonSourceFactory.create(mastodonSourceFactory.configSchema.parse(config(fake.url, { accessToken: undefined })), testContext({}));
      const { mentions, quarantined } = await source.fetch(null);
      expect(quarantined).toEqual([]);
      const byId = new Map(mentions.map((m) => [m.externalId.split('/').at(-1), m]));
      expect(byId.get('114310000000000001')).toMatchObject({ quoteOf: 'https://press.example/users/newsroom/statuses/5501', engagement: { quotes: 2, reshares: 3, likes: 9 } });
      expect(byId.get('114310000000000001')!.links).toEqual(['https://status.acmebank.example/incidents/42?utm_source=mastodon&utm_medium=social', 'https://status.acmebank.example/incidents/42']);
      // A reply to a status of another server, off the page: still a reply.
      expect(byId.get('114310000000000002')!.replyTo).toBe(`${fake.url}/api/v1/statuses/114309990000000777`);
      expect(byId.get('114310000000000002')!.links).toBeUndefined();
      // A quote not (yet) approved names no status.
      expect(byId.get('114310000000000003')!.quoteOf).toBeUndefined();
    } finally {
      await fake.close();
    }
  });

  it('sends the access token to its own instance only, never to another host\'s public timeline', async () => {
    const home = await FakePlatform.start();
    const other = await FakePlatform.start();
    try {
      for (const fake of [home, other]) {
        const world = newWorld(TOKEN);
        world.items = statuses;
        installMastodon(fake, world);
      }
      const parsed = mastodonSourceFactory.configSchema.parse(config(home.url, { instances: [home.url, other.url], query: 'acme' }));
      const { failures } = await mastodonSourceFactory.create(parsed, testContext({ MASTODON_TOKEN: TOKEN })).fetch(null);
      expect(failures).toBeUndefined();
      expect(home.requests.some((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
      expect(other.requests.length).toBeGreaterThan(0);
      expect(other.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
      // Search needs the token: it runs on the token's instance only.
      expect(other.requestsTo('/api/v2/search')).toEqual([]);
    } finally {
      await home.close();
      await other.close();
    }
  });
});
