// Entities matched on their web domains as well as their terms, from a post's links or the URLs in its text.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import { createEntityMatcher, entitiesOfMention, linkedHosts } from '../../../src/domain/entity-matcher.js';

const matcher = createEntityMatcher([
  { id: 'kelio', terms: ['Kelio'], exclude: ['kelio jobs'], domains: ['kelio.fr'] },
  { id: 'acme', terms: ['Acme'], exclude: [], domains: [] },
]);

describe('entity domains', () => {
  it('a link to the domain or a subdomain names the entity, text or no text', () => {
    expect(matcher.match('Look at this offer', ['https://www.kelio.fr/offre?utm_source=twitter'])).toEqual(['kelio']);
    expect(matcher.match('Look', ['https://blog.kelio.fr/post'])).toEqual(['kelio']);
    expect(matcher.match('written out: https://kelio.fr/x, and Acme')).toEqual(['kelio', 'acme']);
  });

  it('a look-alike domain, a path or a query naming it do not', () => {
    expect(matcher.match('Look', ['https://notkelio.fr/'])).toEqual([]);
    expect(matcher.match('Look', ['https://kelio.fr.evil.example/'])).toEqual([]);
    expect(matcher.match('Look', ['https://example.org/?ref=kelio.fr'])).toEqual([]);
    expect(matcher.match('Look', ['not a url'])).toEqual([]);
  });

  it('exclusions still apply to the text', () => {
    expect(matcher.match('kelio jobs board', ['https://kelio.fr/careers'])).toEqual([]);
  });

  it('entitiesOfMention passes the links on, as the collect stage and vigie poll do', () => {
    expect(entitiesOfMention(matcher, { text: 'HN story', links: ['https://kelio.fr/launch'] }, undefined)).toEqual(['kelio']);
    expect(entitiesOfMention(matcher, { text: 'HN story', links: ['https://kelio.fr/launch'] }, ['acme'])).toEqual(['acme', 'kelio']);
  });

  it('hosts are read without www and in lower case', () => {
    expect(linkedHosts('see HTTPS://WWW.Kelio.FR/a', ['http://x.example:8080/p'])).toEqual(['x.example', 'kelio.fr']);
  });

  it('config: domains are validated, lower-cased, and a URL is refused with its path', () => {
    const yaml = (domains: string) => `entities:\n  - { id: kelio, name: Kelio, kind: brand, terms: [Kelio], domains: ${domains} }\n`;
    expect(parseConfig(yaml('[Kelio.FR]'), 'test.yaml', {}).entities[0].domains).toEqual(['kelio.fr']);
    expect(() => parseConfig(yaml('["https://kelio.fr/"]'), 'test.yaml', {})).toThrow(/entities\[0\]\.domains\[0\].*domain name like "kelio\.fr"/s);
  });
});
