// X as the real API answers: long posts, retweets, t.co links, entities, missing fields, a since_id out of the window.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MentionInput } from '../../../src/domain/mention.js';
import { effectiveXQuery, xSourceFactory } from '../../../src/sources/x.js';
import { FakePlatform, type FakeRequest } from '../../helpers/fake-platform.js';
import { testContext } from './connector-contract.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/platforms/x/${name}`, import.meta.url), 'utf8'));
const TOKEN = 'x-untidy-token';
const SEARCH = '/2/tweets/search/recent';

describe('X as it really answers', () => {
  let fake: FakePlatform;
  let answer: (req: FakeRequest) => { status?: number; body: unknown };
  const source = (warnings: object[] = []) => {
    const ctx = testContext({ X_BEARER_TOKEN: TOKEN });
    ctx.logger = { info: () => undefined, warn: (obj) => void warnings.push(obj) };
    return { ctx, source: xSourceFactory.create(xSourceFactory.configSchema.parse({ id: 'x-acme', type: 'x', query: 'acme', baseUrl: fake.url, backoffMs: 1 }), ctx) };
  };
  const byId = (mentions: MentionInput[]) => new Map(mentions.map((m) => [m.externalId, m]));

  beforeAll(async () => {
    fake = await FakePlatform.start();
    fake.route('GET', SEARCH, (req) => answer(req));
  });
  afterAll(async () => fake.close());
  beforeEach(() => fake.reset());

  it('reads long posts, retweets, t.co links and entities; a missing field never quarantines a post', async () => {
    answer = () => ({ body: fixture('search-page-untidy.json') });
    const { mentions, quarantined } = await source().source.fetch(null);
    expect(quarantined).toEqual([]);
    const m = byId(mentions);
    const params = fake.requestsTo(SEARCH)[0].url.searchParams;
    expect(params.get('tweet.fields')).toContain('note_tweet');
    expect(params.get('tweet.fields')).toContain('entities');

    // note_tweet: the whole post, not the 280 first characters; its own t.co link expanded.
    const thread = m.get('1910271536133046273')!;
    expect(thread.text).toContain('the status page stayed green for 3 hours. Full write-up: https://ledger.example/acme-outage-post-mortem');
    expect(thread.text).toContain('cyberattack & nothing');
    expect(thread.links).toEqual(['https://ledger.example/acme-outage-post-mortem']);

    // A retweet: the full original from includes.tweets, still a reshare of it.
    const retweet = m.get('1910272039449526274')!;
    expect(retweet.text).toBe('RT @dailyledger: Acme Bank confirms a nationwide outage of card payments. Customers are advised to use cash or transfers until service is restored, the bank said in a statement at 9:40. https://ledger.example/acme-outage');
    expect(retweet).toMatchObject({ reshareOf: '1910090342200246279' });
    expect(retweet.quoteOf).toBeUndefined();

    // A retweet of a quote is a reshare only.
    const rtOfQuote = m.get('1910272291107766275')!;
    expect(rtOfQuote.reshareOf).toBe('1909531660907446280');
    expect(rtOfQuote.quoteOf).toBeUndefined();

    // Entities decoded, t.co expanded to where it leads; author missing from includes: X's own redirect as URL.
    const noAuthor = m.get('1910272669111025668')!;
    expect(noAuthor.text).toBe('Switched to @kelio_app from Acme, <3 so far > anything else. https://www.kelio.fr/offre?utm_source=twitter');
    expect(noAuthor.links).toEqual(['https://www.kelio.fr/offre?utm_source=twitter']);
    expect(noAuthor.url).toBe('https://x.com/i/web/status/1910272669111025668');
    // No created_at: the snowflake id says when; no public_metrics: engagement unknown, counted as none.
    expect(noAuthor.publishedAt).toBe('2025-04-10T10:04:30.123Z');
    expect(noAuthor.engagement).toEqual({ likes: 0, reshares: 0, replies: 0, quotes: 0 });

    const bare = m.get('1910272794424246277')!;
    expect(bare).toMatchObject({ text: 'Acme & Co: the ATM on rue Oberkampf is eating cards again', url: 'https://x.com/i/web/status/1910272794424246277', publishedAt: '2025-04-10T10:05:00.000Z' });
  });

  it('moves the cursor past a page whose tweets were all quarantined', async () => {
    const bad = { id: '1910272794424246277', text: 'Acme', public_metrics: { retweet_count: 'many' } };
    answer = (req) => ({ body: req.url.searchParams.get('since_id') ? { meta: { result_count: 0 } } : { data: [bad], meta: { result_count: 1, newest_id: bad.id, oldest_id: bad.id } } });
    const { source: s } = source();
    const first = await s.fetch(null);
    expect(first.mentions).toEqual([]);
    expect(first.quarantined).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    await s.fetch(first.nextCursor);
    expect(fake.requestsTo(SEARCH)[1].url.searchParams.get('since_id')).toBe(bad.id);
  });

  it('a since_id older than the 7-day window: collects from the window start with a warning, and the cursor moves on', async () => {
    const refused = fixture('since-id-too-old.json');
    answer = (req) => (req.url.searchParams.get('since_id') === '1905000000000000000' ? { status: 400, body: refused } : { body: fixture('search-page-untidy.json') });
    const warnings: Array<{ err?: string }> = [];
    const { ctx, source: s } = source(warnings);
    const stale = JSON.stringify({ [effectiveXQuery({ query: 'acme', excludeRetweets: true })]: { floor: { key: '1905000000000000000'.padStart(24, '0'), ids: ['1905000000000000000'] } } });
    const result = await s.fetch(stale);
    expect(result.mentions).toHaveLength(5);
    const [refusedRequest, retried] = fake.requestsTo(SEARCH);
    expect(refusedRequest.url.searchParams.get('since_id')).toBe('1905000000000000000');
    expect(retried.url.searchParams.get('since_id')).toBeNull();
    expect(Date.parse(retried.url.searchParams.get('start_time')!)).toBeGreaterThan(ctx.now() - 7 * 24 * 3600 * 1000);
    expect(warnings).toHaveLength(1);
    // X's own words, naming since_id, are in the warning.
    expect(warnings[0].err).toContain("Invalid 'since_id'");
    expect(JSON.parse(result.nextCursor!)).toMatchObject({ '(acme) -is:retweet': { floor: { key: '1910272794424246277'.padStart(24, '0') } } });
  });

  it('a 400 that is not about since_id is reported with X\'s message', async () => {
    answer = () => ({ status: 400, body: { errors: [{ parameters: { query: ['acme ('] }, message: 'There were errors processing your request: missing closing parenthesis (at position 6)' }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' } });
    await expect(source().source.fetch(null)).rejects.toThrow('X answered 400: There were errors processing your request: missing closing parenthesis (at position 6)');
  });

  it('wraps the whole query so -is:retweet binds to every alternative', () => {
    expect(effectiveXQuery({ query: '(acme) OR (acme bank)', excludeRetweets: true })).toBe('((acme) OR (acme bank)) -is:retweet');
    expect(effectiveXQuery({ query: 'acme', excludeRetweets: true })).toBe('(acme) -is:retweet');
  });
});
