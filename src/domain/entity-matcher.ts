// Decides which watched entities a mention names, from each entity's terms and exclusions.

export interface MatchableEntity {
  id: string;
  terms: readonly string[];
  exclude: readonly string[];
}

export interface EntityMatcher {
  /** Ids of the entities whose terms appear in the text and none of whose exclusions do. */
  match(text: string): string[];
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

export function createEntityMatcher(entities: readonly MatchableEntity[]): EntityMatcher {
  const compiled = entities.map((e) => ({ id: e.id, include: termPattern(e.terms), exclude: termPattern(e.exclude) }));
  return {
    match(text: string): string[] {
      const ids: string[] = [];
      for (const e of compiled) {
        if (e.include?.test(text) && !e.exclude?.test(text)) ids.push(e.id);
      }
      return ids;
    },
  };
}

/**
 * The entities a collected mention belongs to, as the collect stage decides: a source's fixed entities plus any
 * other entity the text names (a competitor in the same post), or else those its text names. Empty: dropped.
 */
export function entitiesOfMention(matcher: EntityMatcher, mention: { text: string }, fixedEntities: readonly string[] | undefined): string[] {
  const matched = matcher.match(mention.text);
  return fixedEntities?.length ? [...new Set([...fixedEntities, ...matched])] : matched;
}
