// Plays a Mastodon instance: the public hashtag timeline (since_id / max_id, Link header), status search (token) and token checks.
import type { FakePlatform, FakeResponse } from '../../../helpers/fake-platform.js';
import { field, newestFirst, type World } from './world.js';

function rateHeaders(): Record<string, string> {
  return { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299', 'x-ratelimit-reset': new Date(Date.now() + 300_000).toISOString() };
}

export function installMastodon(fake: FakePlatform, world: World): void {
  fake.route('GET', /^\/api\/v1\/timelines\/tag\/[^/]+$/, (req) => {
    const q = req.url.searchParams;
    const since = q.get('since_id');
    const max = q.get('max_id');
    const matching = newestFirst(world.items, (s) => BigInt(field(s, 'id') as string)).filter((s) => {
      const id = BigInt(field(s, 'id') as string);
      return (since === null || id > BigInt(since)) && (max === null || id < BigInt(max));
    });
    const page = matching.slice(0, world.pageSize);
    const headers = rateHeaders();
    if (page.length > 0) {
      const base = `${fake.url}${req.url.pathname}`;
      const links = [`<${base}?max_id=${field(page.at(-1), 'id')}>; rel="next"`, `<${base}?min_id=${field(page[0], 'id')}>; rel="prev"`];
      headers.link = links.join(', ');
    }
    return { headers, body: page };
  });
  // Status search: newest first, max_id / min_id, no Link header; most instances require a token for it.
  fake.route('GET', '/api/v2/search', (req) => {
    if (req.headers.authorization !== `Bearer ${world.credential}`) return { status: 401, body: { error: 'The access token is invalid' } };
    const q = req.url.searchParams;
    if (q.get('type') !== 'statuses') return { body: { accounts: [], statuses: [], hashtags: [] } };
    const max = q.get('max_id');
    const min = q.get('min_id');
    const matching = newestFirst(world.items, (s) => BigInt(field(s, 'id') as string)).filter((s) => {
      const id = BigInt(field(s, 'id') as string);
      return (max === null || id < BigInt(max)) && (min === null || id > BigInt(min));
    });
    const limit = Math.min(Number(q.get('limit') ?? '20'), world.pageSize);
    return { headers: rateHeaders(), body: { accounts: [], statuses: matching.slice(0, limit), hashtags: [] } };
  });
  fake.route('GET', '/api/v1/apps/verify_credentials', (req) =>
    req.headers.authorization === `Bearer ${world.credential}`
      ? { body: { name: 'Vigie', website: null, vapid_key: 'BExample' } }
      : { status: 401, body: { error: 'The access token is invalid' } });
  fake.route('GET', '/api/v1/instance', () => ({ body: { uri: 'mastodon.example', title: 'Mastodon', version: '4.3.0' } }));
}

export function mastodonTooManyRequests(resetAt: number): FakeResponse {
  return {
    status: 429,
    headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(resetAt).toISOString() },
    body: { error: 'Too many requests' },
  };
}
