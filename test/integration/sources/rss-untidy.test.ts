// RSS and Atom as real feeds are: other charsets, Google News, feed-level authors, boilerplate, broken or hostile next pages.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rssSourceFactory } from '../../../src/sources/rss.js';
import { FakePlatform } from '../../helpers/fake-platform.js';
import { testContext } from './connector-contract.js';

const bytes = (name: string) => readFileSync(new URL(`../../fixtures/platforms/rss/${name}`, import.meta.url));
const rssDoc = (items: string, extra = '') => `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title><link>https://site.example/</link>${extra}${items}</channel></rss>`;
const item = (n: number) => `<item><title>Acme story ${n}</title><link>https://site.example/${n}</link><guid>story-${n}</guid><pubDate>Thu, 10 Apr 2025 0${n}:00:00 GMT</pubDate></item>`;

describe('RSS and Atom as the real feeds are', () => {
  let fake: FakePlatform;
  let other: FakePlatform;
  beforeAll(async () => {
    fake = await FakePlatform.start();
    other = await FakePlatform.start();
    other.route('GET', /.*/, () => ({ headers: { 'content-type': 'application/rss+xml' }, body: rssDoc(item(9)) }));
  });
  afterAll(async () => {
    await fake.close();
    await other.close();
  });
  beforeEach(() => {
    fake.reset();
    other.reset();
  });

  const read = async (path: string, overrides: Record<string, unknown> = {}) => {
    const source = rssSourceFactory.create(rssSourceFactory.configSchema.parse({ id: 'rss-acme', type: 'rss', feeds: [`${fake.url}${path}`], allowPrivateNetwork: true, backoffMs: 1, maxRetries: 0, ...overrides }), testContext({}));
    return source.fetch(null);
  };
  /** Serves raw bytes, as a server does: Node would otherwise re-encode a string as UTF-8. */
  const serveBytes = (path: string, body: Buffer, contentType: string) => {
    fake.route('GET', path, () => ({ headers: { 'content-type': contentType }, body }));
  };

  it('reads an ISO-8859-1 feed by the charset of its Content-Type', async () => {
    serveBytes('/latin1.rss', bytes('wirtschaft-latin1.rss'), 'application/rss+xml; charset=ISO-8859-1');
    const { mentions } = await read('/latin1.rss');
    expect(mentions[0]).toMatchObject({
      text: 'Acme Bank: Kartenzahlungen wieder verfügbar\n\nNach der Störung am Donnerstagmorgen sind die Kartenzahlungen der Acme Bank laut Unternehmen wieder verfügbar. Kunden berichten über Verzögerungen bei Überweisungen.',
      author: { handle: 'Jürgen Weiß' },
      langHint: 'de-DE',
      // The feed's tracking parameter (wt_mc) is not part of the article's address.
      url: 'https://wirtschaft.example/banken/acme-kartenzahlungen-wieder-verfuegbar-4711.html',
    });
  });

  it('reads a windows-1252 feed by its XML declaration, even when the server calls it UTF-8; drops the trailing boilerplate', async () => {
    for (const contentType of ['text/xml', 'text/xml; charset=utf-8']) {
      serveBytes(`/cp1252-${contentType.length}.rss`, bytes('blogconso-cp1252.rss'), contentType);
      const { mentions } = await read(`/cp1252-${contentType.length}.rss`);
      expect(mentions[0].text).toBe('Frais cachés : l’offre « Zéro € » d’Acme passée au crible\n\nAcme promet un compte à 0 € par mois. Nous avons lu les conditions tarifaires : 2 € par retrait hors zone euro, et l’option « Premium » à 9,90 €.');
    }
  });

  it('Google News: the publisher from <source>, the item\'s own headline only', async () => {
    fake.route('GET', '/gnews.rss', () => ({ headers: { 'content-type': 'application/xml; charset=utf-8' }, body: bytes('google-news-fr.rss').toString('utf8') }));
    const { mentions } = await read('/gnews.rss');
    expect(mentions.map((m) => ({ text: m.text, handle: m.author.handle, author: m.author.externalId }))).toEqual([
      { text: 'Panne géante chez Acme Bank : les paiements par carte refusés dans toute la France', handle: 'Le Monde', author: 'www.lemonde.fr/Le Monde' },
      { text: 'Acme Bank rétablit ses services', handle: 'BFM Business', author: 'www.bfmtv.com/BFM Business' },
    ]);
    expect(mentions.every((m) => !/couverture complète|Brandy|Ouest-France/.test(m.text))).toBe(true);
  });

  it('Atom: the feed-level author for entries without their own; "Continue reading" dropped', async () => {
    fake.route('GET', '/blog.atom', () => ({ headers: { 'content-type': 'application/atom+xml' }, body: bytes('engineering-blog.atom').toString('utf8') }));
    const { mentions } = await read('/blog.atom');
    const byId = new Map(mentions.map((m) => [m.externalId.split(':').at(-1), m]));
    expect(byId.get('post-88')).toMatchObject({ text: 'What happened on April 10 & what we changed\n\nA certificate on the card gateway expired at 07:58 UTC.', author: { handle: 'Acme Engineering' } });
    expect(byId.get('post-87')!.author.handle).toBe('Priya Natarajan');
  });

  it('a broken or missing next page keeps page 1 and moves the cursor', async () => {
    for (const [path, broken] of [['/next-broken.rss', { body: '<rss><channel><item><title>cut' }], ['/next-gone.rss', { status: 404, body: 'Not Found' }]] as const) {
      fake.route('GET', path, (req) => (req.url.searchParams.get('page') === '2'
        ? { headers: { 'content-type': 'application/rss+xml' }, ...broken }
        : { headers: { 'content-type': 'application/rss+xml' }, body: rssDoc(item(1) + item(2), `<atom:link rel="next" href="${fake.url}${path}?page=2"/>`) }));
      const result = await read(path);
      expect(result.mentions.map((m) => m.externalId)).toEqual(['story-1', 'story-2']);
      expect(result.nextCursor).not.toBeNull();
      expect(result.quarantined).toHaveLength(1);
      expect(result.quarantined[0].error).toMatch(/^older page /);
    }
  });

  it('SSRF: a next link or a redirect to another private host is refused; only the configured host may be private, and only when allowed', async () => {
    fake.route('GET', '/next-elsewhere.rss', () => ({ headers: { 'content-type': 'application/rss+xml' }, body: rssDoc(item(1), `<atom:link rel="next" href="${other.url}/internal"/>`) }));
    const led = await read('/next-elsewhere.rss');
    expect(led.mentions.map((m) => m.externalId)).toEqual(['story-1']);
    expect(led.quarantined[0].error).toMatch(/refused to send to 127\.0\.0\.1:\d+ \(127\.0\.0\.1 is a loopback address\); only 127\.0\.0\.1:\d+, the configured feed's host, may be internal$/);
    expect(other.requests).toHaveLength(0);

    fake.route('GET', '/redirected.rss', () => ({ status: 302, headers: { location: `${other.url}/internal` }, body: '' }));
    await expect(read('/redirected.rss')).rejects.toThrow(/refused to send to 127\.0\.0\.1:\d+ .*; only 127\.0\.0\.1:\d+, the configured feed's host, may be internal$/);
    expect(other.requests).toHaveLength(0);

    fake.route('GET', '/plain.rss', () => ({ headers: { 'content-type': 'application/rss+xml' }, body: rssDoc(item(3)) }));
    // A configured feed on an internal address needs allowPrivateNetwork: refused when the config is checked.
    const refused = rssSourceFactory.configSchema.safeParse({ id: 'rss-acme', type: 'rss', feeds: ['https://example.org/ok.rss', `${fake.url}/plain.rss`] });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]).toMatchObject({ path: ['feeds', 1], message: expect.stringMatching(/refused to send to 127\.0\.0\.1.*set allowPrivateNetwork: true on the source/) });
    expect(rssSourceFactory.configSchema.safeParse({ id: 'rss-acme', type: 'rss', feeds: ['http://localhost:8080/feed'] }).success).toBe(false);
    expect(fake.requests).toHaveLength(2);
    // A redirect within the configured host is followed.
    fake.route('GET', '/moved.rss', () => ({ status: 301, headers: { location: '/plain.rss' }, body: '' }));
    expect((await read('/moved.rss')).mentions.map((m) => m.externalId)).toEqual(['story-3']);
  });
});
