// Plays Bluesky: app-password sessions on a PDS, searchPosts (sort=latest, since/until, offset cursor) and getProfiles.
import type { FakePlatform, FakeRequest, FakeResponse } from '../../../helpers/fake-platform.js';
import { field, newestFirst, type World } from './world.js';

export const BLUESKY_HANDLE = 'acme-watch.bsky.social';
const ACCOUNT_DID = 'did:plc:w5ztq3nxe7kd2lvrm4yh6abc';

/** A token shaped like the PDS's (header.claims.signature); the fake only compares strings. */
function fakeJwt(scope: string, serial: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ typ: 'at+jwt', alg: 'ES256K' })}.${part({ scope, sub: ACCOUNT_DID, jti: `t${serial}`, iat: 1744272000, exp: 4102444800, aud: 'did:web:bsky.social' })}.c2lnbmF0dXJl`;
}

const xrpcError = (status: number, error: string, message: string): FakeResponse => ({ status, body: { error, message } });

/** sortAt as the AppView computes it; a malformed createdAt falls back to indexedAt so the fake can still list the item. */
function sortAt(post: unknown): number {
  const created = Date.parse(String(field(post, 'record', 'createdAt')));
  const indexed = Date.parse(String(field(post, 'indexedAt')));
  return Number.isNaN(created) ? indexed : Math.min(created, indexed);
}

export interface BlueskyEmulator {
  /** Access tokens handed out so far, newest last. */
  accessTokens: string[];
}

export function installBluesky(fake: FakePlatform, world: World, profiles: Array<{ did: string }>): BlueskyEmulator {
  const state: BlueskyEmulator = { accessTokens: [] };
  const refreshTokens = new Set<string>();
  let serial = 0;
  const newSession = () => {
    const accessJwt = fakeJwt('com.atproto.appPass', ++serial);
    const refreshJwt = fakeJwt('com.atproto.refresh', ++serial);
    state.accessTokens.push(accessJwt);
    refreshTokens.add(refreshJwt);
    return { body: { did: ACCOUNT_DID, handle: BLUESKY_HANDLE, accessJwt, refreshJwt, active: true } };
  };
  const bearer = (req: FakeRequest) => req.headers.authorization?.replace(/^Bearer /, '') ?? '';
  const authorised = (handler: (req: FakeRequest) => FakeResponse) => (req: FakeRequest) =>
    state.accessTokens.includes(bearer(req)) ? handler(req) : xrpcError(401, 'AuthenticationRequired', 'Authentication Required');

  fake.route('POST', '/xrpc/com.atproto.server.createSession', (req) => {
    const { identifier, password } = JSON.parse(req.body) as { identifier?: string; password?: string };
    return identifier === BLUESKY_HANDLE && password === world.credential ? newSession() : xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password');
  });
  fake.route('POST', '/xrpc/com.atproto.server.refreshSession', (req) => {
    if (!refreshTokens.delete(bearer(req))) return xrpcError(400, 'ExpiredToken', 'Token has been revoked');
    return newSession();
  });
  fake.route('GET', '/xrpc/app.bsky.feed.searchPosts', authorised((req) => {
    const q = req.url.searchParams;
    const since = q.get('since') === null ? -Infinity : Date.parse(q.get('since')!);
    const until = q.get('until') === null ? Infinity : Date.parse(q.get('until')!);
    const matching = newestFirst(world.items, (p) => `${String(sortAt(p)).padStart(15, '0')}-${field(p, 'uri')}`)
      .filter((p) => sortAt(p) >= since && sortAt(p) < until);
    const offset = Number(q.get('cursor') ?? '0');
    const limit = Math.min(Number(q.get('limit') ?? '25'), world.pageSize);
    const posts = matching.slice(offset, offset + limit);
    const more = offset + limit < matching.length;
    return {
      headers: { 'ratelimit-limit': '3000', 'ratelimit-remaining': '2999', 'ratelimit-reset': String(Math.floor(Date.now() / 1000) + 300), 'ratelimit-policy': '3000;w=300' },
      body: { ...(more && { cursor: String(offset + limit) }), hitsTotal: matching.length, posts },
    };
  }));
  fake.route('GET', '/xrpc/app.bsky.actor.getProfiles', authorised((req) => {
    const actors = req.url.searchParams.getAll('actors');
    if (actors.length > 25) return xrpcError(400, 'InvalidRequest', 'Error: Params must have the property "actors" with at most 25 items');
    return { body: { profiles: profiles.filter((p) => actors.includes(p.did)) } };
  }));
  return state;
}

export function blueskyTooManyRequests(resetAt: number): FakeResponse {
  return {
    status: 429,
    headers: { 'ratelimit-limit': '3000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(resetAt / 1000), 'ratelimit-policy': '3000;w=300' },
    body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
  };
}
