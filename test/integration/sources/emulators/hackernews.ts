// Plays the HN Algolia API: search_by_date with numericFilters on created_at_i and page numbers.
import type { FakePlatform, FakeResponse } from '../../../helpers/fake-platform.js';
import { field, newestFirst, pageOf, type World } from './world.js';

function passes(createdAt: number, filters: string): boolean {
  return filters.split(',').filter(Boolean).every((filter) => {
    const match = /^created_at_i(>=|<=|>|<)(\d+)$/.exec(filter.trim());
    if (!match) throw new Error(`fake Algolia does not know filter ${filter}`);
    const bound = Number(match[2]);
    return { '>=': createdAt >= bound, '<=': createdAt <= bound, '>': createdAt > bound, '<': createdAt < bound }[match[1]];
  });
}

export function installHackerNews(fake: FakePlatform, world: World): void {
  fake.route('GET', '/api/v1/search_by_date', (req) => {
    const q = req.url.searchParams;
    const matching = newestFirst(world.items, (h) => `${String(field(h, 'created_at_i')).padStart(12, '0')}-${field(h, 'objectID')}`)
      .filter((h) => typeof field(h, 'created_at_i') !== 'number' || passes(field(h, 'created_at_i') as number, q.get('numericFilters') ?? ''));
    const pageNumber = Number(q.get('page') ?? '0');
    const { page } = pageOf(matching, pageNumber * world.pageSize, world.pageSize);
    return {
      body: {
        hits: page, nbHits: matching.length, page: pageNumber, nbPages: Math.ceil(matching.length / world.pageSize),
        hitsPerPage: world.pageSize, exhaustiveNbHits: true, query: q.get('query'), params: q.toString(), processingTimeMS: 1,
      },
    };
  });
  fake.route('GET', '/api/v1/search', () => ({ body: { hits: [], nbHits: 0, page: 0, nbPages: 0, hitsPerPage: 0 } }));
}

export function algoliaTooManyRequests(resetAt: number, now: number): FakeResponse {
  return { status: 429, headers: { 'retry-after': String((resetAt - now) / 1000) }, body: { message: 'Too many requests', status: 429 } };
}
