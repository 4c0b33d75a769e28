// Plays X API v2 recent search (since_id / until_id / next_token, expansions) and user lookup.
import type { FakePlatform, FakeRequest, FakeResponse } from '../../../helpers/fake-platform.js';
import { field, newestFirst, pageOf, type World } from './world.js';

const unauthorized: FakeResponse = {
  status: 401,
  body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
};

function authorised(req: FakeRequest, world: World): boolean {
  return req.headers.authorization === `Bearer ${world.credential}`;
}

function windowHeaders(): Record<string, string> {
  return { 'x-rate-limit-limit': '450', 'x-rate-limit-remaining': '449', 'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 900) };
}

export function installX(fake: FakePlatform, world: World, users: Array<{ id: string }>): void {
  fake.route('GET', '/2/tweets/search/recent', (req) => {
    if (!authorised(req, world)) return unauthorized;
    const q = req.url.searchParams;
    const since = q.get('since_id');
    const until = q.get('until_id');
    const matching = newestFirst(world.items, (t) => BigInt(field(t, 'id') as string)).filter((t) => {
      const id = BigInt(field(t, 'id') as string);
      return (since === null || id > BigInt(since)) && (until === null || id < BigInt(until));
    });
    const offset = q.get('next_token') ? Number(q.get('next_token')!.replace('tok', '')) : 0;
    const { page, next } = pageOf(matching, offset, world.pageSize);
    if (page.length === 0) return { headers: windowHeaders(), body: { meta: { result_count: 0 } } };
    const authorIds = new Set(page.map((t) => field(t, 'author_id')));
    // expansions=referenced_tweets.id: every referenced tweet comes back in includes, on the page or not.
    const referencedIds = page.flatMap((t) => ((field(t, 'referenced_tweets') ?? []) as Array<{ id: string }>).map((ref) => ref.id));
    const referenced = referencedIds.map((id) => world.items.find((t) => field(t, 'id') === id)
      ?? { id, text: 'An older post about Acme.', author_id: '783214', created_at: '2025-04-09T10:00:00.000Z', edit_history_tweet_ids: [id] });
    return {
      headers: windowHeaders(),
      body: {
        data: page,
        includes: { users: users.filter((u) => authorIds.has(u.id)), ...(referenced.length > 0 && { tweets: referenced }) },
        meta: {
          newest_id: field(page[0], 'id'),
          oldest_id: field(page[page.length - 1], 'id'),
          result_count: page.length,
          ...(next !== undefined && { next_token: `tok${next}` }),
        },
      },
    };
  });
  fake.route('GET', /^\/2\/users\/by\/username\/\w+$/, (req) => {
    if (!authorised(req, world)) return unauthorized;
    return { headers: windowHeaders(), body: { data: { id: '2244994945', name: 'X Developers', username: 'XDevelopers' } } };
  });
}

export function xTooManyRequests(resetAt: number): FakeResponse {
  return {
    status: 429,
    headers: { 'x-rate-limit-limit': '450', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(resetAt / 1000) },
    body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
  };
}
