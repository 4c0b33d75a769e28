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

/** The host names of the links and of the URLs written in the text, lower case, without a leading "www.". */
export function linkedHosts(text: string, links: readonly string[] = []): string[] {
  const hosts = new Set<string>();
  for (const link of [...links, ...(text.match(URL_IN_TEXT) ?? [])]) {
    if (!URL.canParse(link)) continue;
    hosts.add(new URL(link).hostname.toLowerCase().replace(/^www\./, ''));
  }
  return [...hosts];
}

const onDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

export function createEntityMatcher(entities: readonly MatchableEntity[]): EntityMatcher {
  const compiled = entities.map((e) => ({ id: e.id, include: termPattern(e.terms), exclude: termPattern(e.exclude), domains: (e.domains ?? []).map((d) => d.toLowerCase().replace(/^www\./, '')) }));
  const anyDomains = compiled.some((e) => e.domains.length > 0);
  return {
    match(text: string, links?: readonly string[]): string[] {
      const hosts = anyDomains ? linkedHosts(text, links) : [];
      const ids: string[] = [];
      for (const e of compiled) {
        const named = e.include?.test(text) || hosts.some((host) => e.domains.some((domain) => onDomain(host, domain)));
        if (named && !e.exclude?.test(text)) ids.push(e.id);
      }
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
