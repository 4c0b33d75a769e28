// Text normalisation shared by the scorers: accent folding, elongation squeezing, casing tests.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const FOLD_CACHE = new Map<string, string>();
const FOLD_CACHE_LIMIT = 50_000;

/** Lower-cases and strips accents, so "Déçu", "decu" and "DÉÇU" meet the same lexicon key. */
export function foldKey(word: string): string {
  const cached = FOLD_CACHE.get(word);
  if (cached !== undefined) return cached;
  const lower = word.toLowerCase();
  // Pure-ASCII words (most English tokens) skip the costly NFD pass.
  const folded = /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFD').replace(COMBINING_MARKS, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae') : lower;
  if (FOLD_CACHE.size < FOLD_CACHE_LIMIT) FOLD_CACHE.set(word, folded);
  return folded;
}

const RUN_OF_THREE = /(\p{L})\1{2,}/gu;
const RUN_OF_TWO = /(\p{L})\1+/gu;

const LETTER = /\p{L}/u;

/** True when a letter repeats three times or more ("soooo", "nuuuul"): people stretch words they feel. */
export function isElongated(word: string): boolean {
  // Called on every token: a plain scan, with the Unicode letter test only on a run found ("111" is no stretch).
  for (let i = 2; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === word.charCodeAt(i - 1) && c === word.charCodeAt(i - 2) && LETTER.test(word[i])) return true;
  }
  return false;
}

/**
 * Candidate spellings of a stretched word, best first: runs cut to two letters ("goood" -> "good"),
 * then to one ("nuul" -> "nul"). The caller keeps the first one its lexicon knows.
 */
export function unstretch(word: string): [string, string] {
  return [word.replace(RUN_OF_THREE, '$1$1'), word.replace(RUN_OF_TWO, '$1')];
}

/** "GREAT" shouts; "I" or "A" do not. Needs two letters at least and no lower-case letter. */
export function isShouted(word: string): boolean {
  return word.length >= 2 && word !== word.toLowerCase() && word === word.toUpperCase();
}
