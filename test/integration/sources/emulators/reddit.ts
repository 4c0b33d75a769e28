// Plays Reddit: the client-credentials token endpoint, OAuth and public-JSON search and subreddit comment listings paged by `after`.
import type { FakePlatform, FakeRequest, FakeResponse } from '../../../helpers/fake-platform.js';
import { field, newestFirst, type World } from './world.js';

export const REDDIT_CLIENT_ID = 'vigie-client-id';
export const REDDIT_ACCESS_TOKEN = 'reddit-app-token-1';

const unauthorized: FakeResponse = { status: 401, body: { message: 'Unauthorized', error: 401 } };

function windowHeaders(): Record<string, string> {
  return { 'x-ratelimit-used': '4', 'x-ratelimit-remaining': '96.0', 'x-ratelimit-reset': '540' };
}

/** Things of one kind, newest first, from just after the `after` fullname; an unknown fullname gives an empty page, as on Reddit. */
function listing(req: FakeRequest, world: World, kind: 't1' | 't3'): FakeResponse {
  const q = req.url.searchParams;
  const things = newestFirst(world.items.filter((t) => field(t, 'kind') === kind), (t) => `${String(field(t, 'data', 'created_utc')).padStart(14, '0')}-${field(t, 'data', 'id')}`);
  const after = q.get('after');
  const start = after === null ? 0 : things.findIndex((t) => field(t, 'data', 'name') === after) + 1;
  const pageSize = Math.min(Number(q.get('limit') ?? '25'), world.pageSize);
  const page = after !== null && start === 0 ? [] : things.slice(start, start + pageSize);
  const more = start + pageSize < things.length && page.length > 0;
  return {
    headers: windowHeaders(),
    body: {
      kind: 'Listing',
      data: {
        after: more ? field(page.at(-1), 'data', 'name') : null,
        dist: page.length,
        modhash: '',
        children: page,
        before: null,
      },
    },
  };
}

export function installReddit(fake: FakePlatform, world: World): void {
  fake.route('POST', '/api/v1/access_token', (req) => {
    const expected = `Basic ${Buffer.from(`${REDDIT_CLIENT_ID}:${world.credential}`).toString('base64')}`;
    if (req.headers.authorization !== expected || req.body !== 'grant_type=client_credentials') return unauthorized;
    return { body: { access_token: REDDIT_ACCESS_TOKEN, token_type: 'bearer', expires_in: 86400, scope: '*' } };
  });
  const oauth = (handler: (req: FakeRequest) => FakeResponse) => (req: FakeRequest) =>
    req.headers.authorization === `bearer ${REDDIT_ACCESS_TOKEN}` ? handler(req) : unauthorized;
  const search = (req: FakeRequest) => listing(req, world, 't3');
  const comments = (req: FakeRequest) => listing(req, world, 't1');
  fake.route('GET', /^(\/r\/[\w+]+)?\/search$/, oauth(search));
  fake.route('GET', /^(\/r\/[\w+]+)?\/search\.json$/, search);
  fake.route('GET', /^\/r\/[\w+]+\/comments$/, oauth(comments));
  fake.route('GET', /^\/r\/[\w+]+\/comments\.json$/, comments);
}

export function redditTooManyRequests(resetAt: number, now: number): FakeResponse {
  return {
    status: 429,
    headers: { 'x-ratelimit-used': '100', 'x-ratelimit-remaining': '0.0', 'x-ratelimit-reset': String((resetAt - now) / 1000) },
    body: { message: 'Too Many Requests', error: 429 },
  };
}
