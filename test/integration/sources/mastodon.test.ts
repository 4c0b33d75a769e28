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

  it('builds the URI of a local parent off the page, and leaves a remote one unnamed rather than guess', async () => {
    const { result } = await fetchOnly([statusById('114300000000000003'), statusById('114300000000000006')]);
    const byLocalId = new Map(result.mentions.map((m) => [m.url!.split('/').at(-1), m]));
    // claire answers her own earlier status: a local author, so Mastodon's URI scheme applies.
    expect(byLocalId.get('114300000000000006')!.replyTo).toBe('https://mastodon.example/users/claire/statuses/114300000000000001');
    // The parent of 3 is tomas's status from fosstodon.example: its URI carries fosstodon's own id.
    expect(byLocalId.get('114300000000000003')!.replyTo).toBeUndefined();
  });

  it('searches statuses with the token and reads the search answer', async () => {
    const { result, requests } = await fetchOnly(statuses, { hashtags: [], query: 'acme bank' });
    expect(result.mentions).toHaveLength(6);
    const search = requests.find((r) => r.url.pathname === '/api/v2/search')!;
    expect(Object.fromEntries(search.url.searchParams)).toMatchObject({ q: 'acme bank', type: 'statuses', resolve: 'false', limit: '40' });
    expect(search.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});
