// Decides which watched entities a mention names, from each entity's terms and exclusions.

export interface MatchableEntity {
  id: string;
  terms: readonly string[];
  exclude: readonly string[];
  /** Domains (lower case) whose links name the entity, subdomains included. */
  domains?: readonly string[];
}

export interface EntityMatcher {
  /**
   * Ids of the entities whose terms appear in the text, or whose domain one of the links (or a URL written in the
   * text) leads to, and none of whose exclusions appear in the text.
   */
  match(text: string, links?: readonly string[]): string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A term matches as a whole word, case-insensitively: "Kelio" matches "kelio's" and "#Kelio"
 * but not "Keliox" or "@kelio_help". Terms that start with # or @ must keep that sigil.
 */
export function termPattern(terms: readonly string[]): RegExp | null {
  if (terms.length === 0) return null;
  const alternatives = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => escapeRegExp(t.trim()).replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'()]+/gi;
/** The host of an absolute URL, past any user info: "https://kelio.fr@evil.example/" is evil.example's. */
const HOST_OF_URL = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@\s]*@)?([^/?#:\s]+)/i;

/**
 * The host names of the links and of the URLs written in the text, lower case, without a leading "www.". A regular
 * expression, not `new URL`: this runs for every collected mention, and URL parsing cost three times the matching.
 */
export function linkedHosts(text: string, links: readonly string[] = []): string[] {
  const hosts = new Set<string>();
  const add = (link: string) => {
    const host = HOST_OF_URL.exec(link)?.[1];
    if (host) hosts.add(host.toLowerCase().replace(/\.$/, '').replace(/^www\./, ''));
  };
  links.forEach(add);
  if (/http/i.test(text)) for (const url of text.match(URL_IN_TEXT) ?? []) add(url);
  return [...hosts];
}


export function createEntityMatcher(entities: readonly MatchableEntity[]): EntityMatcher {
  const compiled = entities.map((e) => ({ id: e.id, include: termPattern(e.terms), exclude: termPattern(e.exclude) }));
  // Entity indexes by domain: a host is looked up with each of its parent domains (blog.kelio.fr, kelio.fr, fr).
  const byDomain = new Map<string, number[]>();
  entities.forEach((e, i) => {
    for (const domain of e.domains ?? []) {
      const key = domain.toLowerCase().replace(/^www\./, '');
      byDomain.set(key, [...(byDomain.get(key) ?? []), i]);
    }
  });
  const linkedEntities = (text: string, links: readonly string[] | undefined): Set<number> => {
    const found = new Set<number>();
    if (byDomain.size === 0) return found;
    for (const host of linkedHosts(text, links)) {
      for (let at = 0; at >= 0;) {
        for (const i of byDomain.get(host.slice(at)) ?? []) found.add(i);
        const dot = host.indexOf('.', at);
        at = dot < 0 ? -1 : dot + 1;
      }
    }
    return found;
  };
  return {
    match(text: string, links?: readonly string[]): string[] {
      const linked = linkedEntities(text, links);
      const ids: string[] = [];
      compiled.forEach((e, i) => {
        const named = e.include?.test(text) || linked.has(i);
        if (named && !e.exclude?.test(text)) ids.push(e.id);
      });
      return ids;
    },
  };
}

/**
 * The entities a collected mention belongs to, as the collect stage decides: a source's fixed entities plus any
 * other entity the text names (a competitor in the same post), or else those its text names. Empty: dropped.
 */
export function entitiesOfMention(matcher: EntityMatcher, mention: { text: string; links?: readonly string[] }, fixedEntities: readonly string[] | undefined): string[] {
  const matched = matcher.match(mention.text, mention.links);
  return fixedEntities?.length ? [...new Set([...fixedEntities, ...matched])] : matched;
}
