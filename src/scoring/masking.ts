// Blanks out watched brand names, products and handles so that "United" or "Orange" never count as opinion words.

export type Masker = (text: string) => string;

const NOT_WORD_BEFORE = String.raw`(?<![\p{L}\p{N}_])`;
const NOT_WORD_AFTER = String.raw`(?![\p{L}\p{N}_])`;

function escapeForRegExp(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Builds the masking function once per set of terms. A term matches whole words only, case-insensitively,
 * bare or as a hashtag or handle ("United", "#united", "@united"); a space inside a term matches any run of
 * spaces, a hyphen or an underscore, or nothing, as names are written in hashtags ("Virgin  America",
 * "#VirginAmerica", "Happy-Socks": left unmasked, the hashtag splitter would read "happy" as praise). Every
 * @handle is masked too, watched or not: a handle names someone, it gives no opinion.
 */
export function createMasker(terms: readonly string[]): Masker {
  const alternatives = terms
    .map((term) => term.trim())
    .filter((term) => term.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((term) => escapeForRegExp(term).replace(/\s+/g, String.raw`[\s_-]*`));
  const handles = String.raw`@[\p{L}\p{N}_]+`;
  const pattern = alternatives.length > 0 ? `${handles}|${NOT_WORD_BEFORE}[#@]?(?:${alternatives.join('|')})${NOT_WORD_AFTER}` : handles;
  const regex = new RegExp(pattern, 'giu');
  return (text) => text.replace(regex, ' ');
}

const MASKER_CACHE = new Map<string, Masker>();
const MASKER_CACHE_LIMIT = 256;

/** Same as createMasker, remembered per distinct list so per-call callers do not rebuild the regex. */
export function maskerFor(terms: readonly string[] | undefined): Masker {
  const cacheKey = (terms ?? []).join('\u0000');
  let masker = MASKER_CACHE.get(cacheKey);
  if (!masker) {
    masker = createMasker(terms ?? []);
    if (MASKER_CACHE.size >= MASKER_CACHE_LIMIT) MASKER_CACHE.clear();
    MASKER_CACHE.set(cacheKey, masker);
  }
  return masker;
}
