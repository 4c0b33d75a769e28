// Plays the YouTube Data API v3: commentThreads by channel (order=time) and video search (order=date, publishedAfter/Before), paged by opaque tokens.
import type { FakePlatform, FakeRequest, FakeResponse } from '../../../helpers/fake-platform.js';
import { field, newestFirst, pageOf, type World } from './world.js';

export const YOUTUBE_PATH = '/youtube/v3';

/** Google's error body: an envelope with the reasons connectors branch on. */
export function googleError(code: number, reason: string, message: string, domain = 'youtube.quota'): FakeResponse {
  return { status: code, body: { error: { code, message, errors: [{ message, domain, reason }] } } };
}

const badKey = googleError(400, 'badRequest', 'API key not valid. Please pass a valid API key.', 'global');

/** Page tokens are opaque to clients; the fake's carry an offset and the filters they were made for. */
const tokenFor = (offset: number) => Buffer.from(`CAIQAA:${offset}`).toString('base64url');
const offsetOf = (token: string | null): number | 'invalid' => {
  if (token === null) return 0;
  const match = /^CAIQAA:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : 'invalid';
};

function listResponse(kind: string, req: FakeRequest, world: World, sorted: unknown[]): FakeResponse {
  const offset = offsetOf(req.url.searchParams.get('pageToken'));
  if (offset === 'invalid') return googleError(400, 'invalidPageToken', 'The request specifies an invalid page token.', 'youtube.parameter');
  const pageSize = Math.min(Number(req.url.searchParams.get('maxResults') ?? '5'), world.pageSize);
  const { page, next } = pageOf(sorted, offset, pageSize);
  return {
    body: {
      kind, etag: `list-${offset}`,
      ...(next !== undefined && { nextPageToken: tokenFor(next) }),
      ...(kind === 'youtube#searchListResponse' && { regionCode: 'FR' }),
      pageInfo: { totalResults: sorted.length, resultsPerPage: pageSize },
      items: page,
    },
  };
}

export function installYouTube(fake: FakePlatform, world: World, channelId: string): void {
  const withKey = (handler: (req: FakeRequest) => FakeResponse) => (req: FakeRequest) =>
    req.url.searchParams.get('key') === world.credential ? handler(req) : badKey;

  fake.route('GET', `${YOUTUBE_PATH}/commentThreads`, withKey((req) => {
    if (req.url.searchParams.get('allThreadsRelatedToChannelId') !== channelId) return googleError(404, 'channelNotFound', 'The channel could not be found.', 'youtube.commentThread');
    const threads = world.items.filter((t) => field(t, 'kind') === 'youtube#commentThread');
    const sorted = newestFirst(threads, (t) => `${field(t, 'snippet', 'topLevelComment', 'snippet', 'publishedAt') ?? ''}-${field(t, 'id')}`);
    return listResponse('youtube#commentThreadListResponse', req, world, sorted);
  }));
  fake.route('GET', `${YOUTUBE_PATH}/search`, withKey((req) => {
    const q = req.url.searchParams;
    const after = q.get('publishedAfter') ?? '';
    const before = q.get('publishedBefore') ?? '9999';
    const published = (r: unknown) => new Date(String(field(r, 'snippet', 'publishedAt'))).toISOString();
    const results = world.items.filter((r) => field(r, 'kind') === 'youtube#searchResult' && published(r) >= after && published(r) <= before);
    return listResponse('youtube#searchListResponse', req, world, newestFirst(results, (r) => `${published(r)}-${field(r, 'id', 'videoId')}`));
  }));
  fake.route('GET', `${YOUTUBE_PATH}/channels`, withKey((req) => ({
    body: { kind: 'youtube#channelListResponse', etag: 'ch', pageInfo: { totalResults: 1, resultsPerPage: 5 }, items: req.url.searchParams.get('id') === channelId ? [{ kind: 'youtube#channel', etag: 'c1', id: channelId }] : [] },
  })));
  fake.route('GET', `${YOUTUBE_PATH}/i18nLanguages`, withKey(() => ({
    body: { kind: 'youtube#i18nLanguageListResponse', etag: 'l', items: [{ kind: 'youtube#i18nLanguage', etag: 'l1', id: 'fr', snippet: { hl: 'fr', name: 'French' } }] },
  })));
}

/** Google's front end answers a burst with 429 and Retry-After; the daily quota is a 403 (see googleError). */
export function youtubeTooManyRequests(resetAt: number, now: number): FakeResponse {
  return { ...googleError(429, 'rateLimitExceeded', 'Resource has been exhausted (e.g. check quota).'), headers: { 'retry-after': String((resetAt - now) / 1000) } };
}
