// Plays a news search feed: an Atom document of the newest entries, older ones behind RFC 5005 rel="next" links.
import type { FakePlatform, FakeResponse } from '../../../helpers/fake-platform.js';
import { newestFirst, pageOf, type World } from './world.js';

export const FEED_PATH = '/feeds/acme.atom';

/** The <entry> elements of an Atom document, as the fake's items. */
export function entriesOf(atom: string): string[] {
  return atom.match(/<entry[\s>][\s\S]*?<\/entry>/g) ?? [];
}

const updatedOf = (entry: unknown) => /<updated>([^<]+)<\/updated>/.exec(entry as string)?.[1] ?? '';

export function installRss(fake: FakePlatform, world: World): void {
  fake.route('GET', FEED_PATH, (req) => {
    const pageNumber = Number(req.url.searchParams.get('page') ?? '1');
    const { page, next } = pageOf(newestFirst(world.items, updatedOf), (pageNumber - 1) * world.pageSize, world.pageSize);
    const nextLink = next !== undefined ? `\n  <link rel="next" href="${fake.url}${FEED_PATH}?page=${pageNumber + 1}"/>` : '';
    const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Acme Bank - news search</title>
  <id>tag:news.example,2025:search:acme</id>
  <updated>2025-04-10T09:40:00Z</updated>
  <link rel="self" href="${fake.url}${FEED_PATH}?page=${pageNumber}"/>${nextLink}
  ${page.join('\n  ')}
</feed>`;
    return { headers: { 'content-type': 'application/atom+xml; charset=utf-8' }, body };
  });
}

export function feedTooManyRequests(resetAt: number, now: number): FakeResponse {
  return { status: 429, headers: { 'retry-after': String((resetAt - now) / 1000) }, body: 'Too Many Requests' };
}
