// Turns a post into the sparse, hashed feature vector the trained models read: word and character n-grams (and, as
// options, word stems and a published lexicon's valences) plus the lexicon scorer's own verdict, so that a model starts
// from what the rules know and learns what they miss.
import type { SentimentResult } from '../../domain/mention.js';
import { tokenizePost } from '../lexicon.js';
import { MODIFIERS, NEGATION_FACTOR, NEGATION_SCOPE } from '../modifiers.js';
import type { Token } from '../tokenizer.js';
import { publishedValence } from './published-lexicons.js';
import { stemmingLanguage, stemOf } from './word-stems.js';

export interface FeatureOptions {
  /** log2 of the number of hashed buckets; collisions cost little below a few hundred thousand distinct n-grams. */
  hashBits: number;
  /** Shortest and longest character n-gram, read inside each word with its boundaries ("<bad>"). */
  charMin: number;
  charMax: number;
  /** Weight of the word group (unigrams, bigrams, negation-marked words, emoji, punctuation), after unit-normalising it. */
  wordWeight: number;
  /** Weight of the character n-gram group, after unit-normalising it. */
  charWeight: number;
  /** Scale of the lexicon scorer's features: the rules' verdict is one strong, dense signal among thousands of sparse ones. */
  lexiconWeight: number;
  /** Each word's Porter stem joins the word group (when it differs from the word). */
  stems: boolean;
  /** Scale of the published lexicons' features (published-lexicons.ts); 0 leaves them out. */
  publishedLexiconWeight: number;
}

/**
 * The shared defaults (tags use them as they are; sentiment-model.ts sets its own). A model stored before `stems` and
 * `publishedLexiconWeight` existed reads those two from here: both off, as it was trained.
 */
export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { hashBits: 18, charMin: 2, charMax: 5, wordWeight: 1, charWeight: 0.6, lexiconWeight: 1, stems: false, publishedLexiconWeight: 0 };

/** Dense lexicon features, stored after the hashed buckets. */
export const LEXICON_FEATURE_COUNT = 12;
/** Dense published-lexicon features, stored after the lexicon's when publishedLexiconWeight is above 0. */
export const PUBLISHED_FEATURE_COUNT = 6;
/** Offset of the lexicon's one-hot label (negative, neutral, positive) among the lexicon features. */
export const LEXICON_LABEL_FEATURE = 3;

export interface FeatureVector {
  indices: Int32Array;
  values: Float32Array;
}

const publishedCount = (opts: FeatureOptions): number => (opts.publishedLexiconWeight > 0 ? PUBLISHED_FEATURE_COUNT : 0);

/** Total input width: the hashed buckets, then the lexicon features, then the published lexicons' features. */
export const featureWidth = (opts: FeatureOptions): number => (1 << opts.hashBits) + LEXICON_FEATURE_COUNT + publishedCount(opts);

// FNV-1a, 32 bits: fast, no allocation, good enough spread for feature hashing.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashInto(hash: number, text: string, start = 0, end = text.length): number {
  let h = hash;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

// One seed per feature kind, so "bad" the word and "bad" the character trigram land in different buckets.
const SEED_WORD = hashInto(FNV_OFFSET, 'w:');
const SEED_NEGATED = hashInto(FNV_OFFSET, 'n:');
const SEED_BIGRAM = hashInto(FNV_OFFSET, 'b:');
const SEED_SYMBOL = hashInto(FNV_OFFSET, 's:');
const SEED_CHAR = hashInto(FNV_OFFSET, 'c:');
const SEED_FLAG = hashInto(FNV_OFFSET, 'f:');
const FLAG_SHOUT = hashInto(SEED_FLAG, 'shout');
const FLAG_STRETCH = hashInto(SEED_FLAG, 'stretch');
const SEED_DRIVER = hashInto(FNV_OFFSET, 'd:');
const SEED_STEM = hashInto(FNV_OFFSET, 'st:');
const WORD_SEPARATOR = 0x20;

/**
 * How the lexicon read one of its drivers, without the word: "good (negated)" -> "negated", "thanks (ignored: …)" ->
 * "ignored", "great (question: +0.8)" -> "question+", "awful (-3)" -> "plain-". The rules' context (negation,
 * question, wish, quotation, courtesy in a complaint, irony) becomes something the model can weigh.
 */
function driverContext(driver: string): string {
  const open = driver.lastIndexOf(' (');
  if (open < 0) return driver;
  const inside = driver.slice(open + 2, -1);
  const colon = inside.indexOf(':');
  const kind = colon >= 0 ? inside.slice(0, colon) : /^[+-]?\d/.test(inside) ? 'plain' : inside;
  const value = Number.parseFloat(inside.slice(colon + 1).trim());
  return Number.isFinite(value) ? `${kind}${value > 0 ? '+' : value < 0 ? '-' : '0'}` : kind;
}

/** What one lexicon driver tells the model: the hash of its context and its valence (0 when it states none). */
interface DriverReading {
  hash: number;
  value: number;
}

/** Drivers repeat heavily ("great (+3)"): read once each. Bounded, and simply emptied when full. */
const DRIVER_CACHE_LIMIT = 20_000;
const driverReadings = new Map<string, DriverReading>();

function readDriver(driver: string): DriverReading {
  let reading = driverReadings.get(driver);
  if (!reading) {
    if (driverReadings.size >= DRIVER_CACHE_LIMIT) driverReadings.clear();
    const match = /\(([a-z]+: )?([+-]?\d+(?:\.\d+)?)\)$/.exec(driver);
    reading = { hash: hashInto(SEED_DRIVER, driverContext(driver)), value: match ? Number(match[2]) : 0 };
    driverReadings.set(driver, reading);
  }
  return reading;
}

/**
 * The lexicon's positive and negative evidence apart (its compound score nets them out) and how many words gave each,
 * in `driverSums`; each driver's context bucket goes to the word group.
 */
const driverSums: [number, number, number, number] = [0, 0, 0, 0];

function readDrivers(drivers: readonly string[], mask: number): void {
  let positive = 0;
  let negative = 0;
  let positives = 0;
  let negatives = 0;
  for (const driver of drivers) {
    const { hash, value } = readDriver(driver);
    wordBuckets.push(hash & mask);
    if (value > 0) {
      positive += value;
      positives++;
    } else if (value < 0) {
      negative -= value;
      negatives++;
    }
  }
  // Squashed to 0..1: five strong words say no more than three.
  driverSums[0] = positive / (positive + 3);
  driverSums[1] = negative / (negative + 3);
  driverSums[2] = Math.min(positives, 4) / 4;
  driverSums[3] = Math.min(negatives, 4) / 4;
}

/** Growable scratch lists, reused across calls: extraction runs on every scored mention. */
const wordBuckets: number[] = [];
/** The post's words as cached, in order: addLogits reads their unigram, stem and n-gram weights through them. */
const words: WordBuckets[] = [];
/** Unigram and stem buckets of the post's words, counted but left out of wordBuckets when only addLogits reads them. */
let ownWordCount = 0;
/** The cache the post's words came from. */
let currentCache: WordCache | null = null;
let charBuckets = new Int32Array(1024);
let charCount = 0;
const dense = new Float64Array(LEXICON_FEATURE_COUNT + PUBLISHED_FEATURE_COUNT);
/** Positive sum, negative sum, positive words, negative words, last opinion word, strongest opinion word. */
const published = new Float64Array(PUBLISHED_FEATURE_COUNT);
let classSums = new Float64Array(3);

/**
 * A word's own buckets (its unigram, its stem's or -1, its negation-marked copy, its character n-grams), the hash
 * state a bigram starting with it continues from, and its published valence.
 */
interface WordBuckets {
  word: number;
  stem: number;
  negated: number;
  /** Opens a negation's scope ("not", "never", "pas", any "-n't"). */
  negator: boolean;
  bigramState: number;
  chars: Int32Array;
  valence: number;
  /** Its place in its cache's `sums`. */
  slot: number;
}

/**
 * Words repeat heavily across posts, and their character n-grams are most of the hashing: remembered per word, per
 * feature layout and per post language (stems, valences and the model's weights depend on it). Bounded, and simply
 * emptied when full.
 *
 * For the last weights a cache was read with (addLogits), each word's unigram and stem weights, then its character
 * n-gram weights, summed per class: a word has some twenty buckets scattered over megabytes of weights, so reading
 * them once per word instead of once per post saves most of a prediction's memory traffic. The sums sit side by side
 * in one array, a cache line per word, and are valid where `computed[slot]` is the cache's current generation.
 */
interface WordCache {
  words: Map<string, WordBuckets>;
  sums: Float64Array;
  computed: Int32Array;
  generation: number;
  sumsOf: Float32Array | null;
  stride: number;
}

const WORD_CACHE_LIMIT = 100_000;
const wordCaches = new WeakMap<FeatureOptions, Map<string, WordCache>>();

function wordCacheOf(opts: FeatureOptions, lang: string): WordCache {
  let caches = wordCaches.get(opts);
  if (!caches) wordCaches.set(opts, (caches = new Map()));
  let cache = caches.get(lang);
  if (!cache) caches.set(lang, (cache = { words: new Map(), sums: new Float64Array(0), computed: new Int32Array(0), generation: 1, sumsOf: null, stride: 0 }));
  return cache;
}

function bucketsOfWord(cache: WordCache, key: string, language: 'en' | 'fr', opts: FeatureOptions, mask: number): WordBuckets {
  let entry = cache.words.get(key);
  if (!entry) {
    const stem = opts.stems ? stemOf(key, language) : key;
    entry = {
      word: hashInto(SEED_WORD, key) & mask,
      stem: stem !== key ? hashInto(SEED_STEM, stem) & mask : -1,
      negated: hashInto(SEED_NEGATED, key) & mask,
      negator: MODIFIERS[language].negatorsBefore.has(key) || key.endsWith("n't"),
      bigramState: Math.imul(hashInto(SEED_BIGRAM, key) ^ WORD_SEPARATOR, FNV_PRIME),
      chars: charGrams(key, opts, mask),
      valence: opts.publishedLexiconWeight > 0 ? publishedValence(key, language) : 0,
      slot: cache.words.size,
    };
    cache.words.set(key, entry);
  }
  return entry;
}

/** Adds one word's published valence (already negated when in a negation's scope) to the published features. */
function addPublished(valence: number): void {
  if (valence > 0) {
    published[0] += valence;
    published[2]++;
  } else {
    published[1] -= valence;
    published[3]++;
  }
  published[4] = valence;
  if (Math.abs(valence) > Math.abs(published[5])) published[5] = valence;
}

/**
 * Fills the scratch lists with a tokenized post's features. Words within NEGATION_SCOPE of a negator also yield a
 * negation-marked copy ("not good" -> n:good), the classic way for a linear model to learn negation; their published
 * valence is weakened and flipped there as the rules do (NEGATION_FACTOR).
 */
function collect(tokens: readonly Token[], lang: string, lexicon: SentimentResult | undefined, opts: FeatureOptions, forVector: boolean): void {
  const mask = (1 << opts.hashBits) - 1;
  const language = stemmingLanguage(lang);
  const cache = wordCacheOf(opts, lang);
  // Emptied before a post, never inside one: a post's words must not share a slot.
  if (cache.words.size + tokens.length > WORD_CACHE_LIMIT) {
    cache.words.clear();
    cache.generation++;
  }
  currentCache = cache;
  published.fill(0);
  wordBuckets.length = 0;
  words.length = 0;
  ownWordCount = 0;
  charCount = 0;
  let negationLeft = 0;
  let previousWord: WordBuckets | null = null;
  let shouted = false;
  let stretched = false;
  for (const token of tokens) {
    if (token.kind !== 'word') {
      wordBuckets.push(hashInto(SEED_SYMBOL, token.key) & mask);
      if (token.kind === 'punct') {
        negationLeft = 0;
        previousWord = null;
      }
      continue;
    }
    const key = token.key;
    const own = bucketsOfWord(cache, key, language, opts, mask);
    words.push(own);
    ownWordCount += own.stem >= 0 ? 2 : 1;
    if (forVector) {
      wordBuckets.push(own.word);
      if (own.stem >= 0) wordBuckets.push(own.stem);
    }
    if (own.valence !== 0) addPublished(negationLeft > 0 ? own.valence * NEGATION_FACTOR : own.valence);
    if (negationLeft > 0) {
      wordBuckets.push(own.negated);
      negationLeft--;
    }
    if (own.negator) negationLeft = NEGATION_SCOPE;
    if (previousWord !== null) wordBuckets.push(hashInto(previousWord.bigramState, key) & mask);
    previousWord = own;
    shouted ||= token.shout;
    stretched ||= token.stretched;
    if (forVector) {
      if (charCount + own.chars.length > charBuckets.length) {
        const grown = new Int32Array(Math.max(charBuckets.length * 2, charCount + own.chars.length));
        grown.set(charBuckets.subarray(0, charCount));
        charBuckets = grown;
      }
      charBuckets.set(own.chars, charCount);
    }
    charCount += own.chars.length;
  }
  if (lexicon) readDrivers(lexicon.drivers, mask);
  if (shouted) wordBuckets.push(FLAG_SHOUT & mask);
  if (stretched) wordBuckets.push(FLAG_STRETCH & mask);
  if (lexicon) {
    const s = lexicon.score;
    const [positive, negative, positives, negatives] = driverSums;
    dense[0] = s;
    dense[1] = Math.max(s, 0);
    dense[2] = Math.max(-s, 0);
    dense[LEXICON_LABEL_FEATURE] = lexicon.label === 'negative' ? 1 : 0;
    dense[LEXICON_LABEL_FEATURE + 1] = lexicon.label === 'neutral' ? 1 : 0;
    dense[LEXICON_LABEL_FEATURE + 2] = lexicon.label === 'positive' ? 1 : 0;
    dense[6] = lexicon.drivers.length === 0 ? 1 : 0;
    dense[7] = Math.min(lexicon.drivers.length, 6) / 6;
    dense[8] = positive;
    dense[9] = negative;
    dense[10] = positives;
    dense[11] = negatives;
    for (let k = 0; k < LEXICON_FEATURE_COUNT; k++) dense[k] *= opts.lexiconWeight;
  }
  if (opts.publishedLexiconWeight > 0) {
    const w = opts.publishedLexiconWeight;
    const at = LEXICON_FEATURE_COUNT;
    // Squashed like the lexicon's sums: the first strong words say the most.
    dense[at] = (w * published[0]) / (published[0] + 1);
    dense[at + 1] = (w * published[1]) / (published[1] + 1);
    dense[at + 2] = (w * Math.min(published[2], 4)) / 4;
    dense[at + 3] = (w * Math.min(published[3], 4)) / 4;
    dense[at + 4] = w * published[4];
    dense[at + 5] = w * published[5];
  }
}

/** Each group is normalised to unit length, so a long post does not outweigh a short one. */
const groupValue = (count: number, weight: number): number => (count > 0 ? weight / Math.sqrt(count) : 0);

/** The dense features a vector holds (indices into `dense`): the lexicon's when there is one, then the published ones. */
const denseFrom = (lexicon: SentimentResult | undefined): number => (lexicon ? 0 : LEXICON_FEATURE_COUNT);
const denseTo = (opts: FeatureOptions): number => LEXICON_FEATURE_COUNT + publishedCount(opts);

/** The feature vector of a tokenized post (for training; prediction reads the scratch lists directly, addLogits). */
export function featuresOfTokens(tokens: readonly Token[], lang: string, lexicon: SentimentResult | undefined, opts: FeatureOptions): FeatureVector {
  collect(tokens, lang, lexicon, opts, true);
  const from = denseFrom(lexicon);
  const to = denseTo(opts);
  const size = wordBuckets.length + charCount + to - from;
  const indices = new Int32Array(size);
  const values = new Float32Array(size);
  let n = 0;
  const wordValue = groupValue(wordBuckets.length, opts.wordWeight);
  for (const bucket of wordBuckets) {
    indices[n] = bucket;
    values[n++] = wordValue;
  }
  const charValue = groupValue(charCount, opts.charWeight);
  for (let j = 0; j < charCount; j++) {
    indices[n] = charBuckets[j];
    values[n++] = charValue;
  }
  const base = 1 << opts.hashBits;
  for (let k = from; k < to; k++) {
    indices[n] = base + k;
    values[n++] = dense[k];
  }
  return { indices, values };
}

/** Makes `cache.sums` hold these weights' sums for every word of the post (WordCache), computing those it lacks. */
function sumWords(cache: WordCache, weights: Float32Array, classes: number): void {
  const stride = 2 * classes;
  if (cache.sumsOf !== weights || cache.stride !== stride) {
    cache.sumsOf = weights;
    cache.stride = stride;
    cache.generation++;
  }
  for (const word of words) {
    if (cache.computed[word.slot] === cache.generation) continue;
    if (word.slot >= cache.computed.length) {
      const size = Math.max(1024, 2 * cache.computed.length, word.slot + 1);
      const computed = new Int32Array(size);
      computed.set(cache.computed);
      cache.computed = computed;
    }
    if ((word.slot + 1) * stride > cache.sums.length) {
      const sums = new Float64Array(cache.computed.length * stride);
      sums.set(cache.sums.subarray(0, Math.min(cache.sums.length, sums.length)));
      cache.sums = sums;
    }
    const at = word.slot * stride;
    for (let c = 0; c < classes; c++) {
      cache.sums[at + c] = weights[word.word * classes + c] + (word.stem >= 0 ? weights[word.stem * classes + c] : 0);
      cache.sums[at + classes + c] = 0;
    }
    for (const bucket of word.chars) for (let c = 0; c < classes; c++) cache.sums[at + classes + c] += weights[bucket * classes + c];
    cache.computed[word.slot] = cache.generation;
  }
}

/**
 * Adds a linear model's class scores for a tokenized post to `out` (which holds the biases), without building the
 * vector: the same sums as featuresOfTokens then a dot product, with each group's constant value factored out. The
 * weights must not change once predictions are made with them (each word remembers its sums for them).
 */
export function addLogits(tokens: readonly Token[], lang: string, lexicon: SentimentResult | undefined, opts: FeatureOptions, weights: Float32Array, classes: number, out: Float64Array): void {
  collect(tokens, lang, lexicon, opts, false);
  const sums = classSums.length >= 2 * classes ? classSums : (classSums = new Float64Array(2 * classes));
  sums.fill(0);
  for (const bucket of wordBuckets) for (let c = 0; c < classes; c++) sums[c] += weights[bucket * classes + c];
  const cache = currentCache!;
  sumWords(cache, weights, classes);
  const stride = 2 * classes;
  for (const word of words) {
    const at = word.slot * stride;
    for (let c = 0; c < stride; c++) sums[c] += cache.sums[at + c];
  }
  const wordValue = groupValue(wordBuckets.length + ownWordCount, opts.wordWeight);
  const charValue = groupValue(charCount, opts.charWeight);
  for (let c = 0; c < classes; c++) out[c] += sums[c] * wordValue + sums[classes + c] * charValue;
  const base = (1 << opts.hashBits) * classes;
  const to = denseTo(opts);
  for (let k = denseFrom(lexicon); k < to; k++) for (let c = 0; c < classes; c++) out[c] += weights[base + k * classes + c] * dense[k];
}

function charGrams(key: string, opts: FeatureOptions, mask: number): Int32Array {
  // "<" and ">" mark the word's edges: "<bad" (a prefix) is not "bad" inside "badge".
  const padded = `<${key}>`;
  const length = padded.length;
  const grams: number[] = [];
  for (let start = 0; start < length; start++) {
    let h = SEED_CHAR;
    for (let end = start; end < length && end - start < opts.charMax; end++) {
      h ^= padded.charCodeAt(end);
      h = Math.imul(h, FNV_PRIME);
      if (end - start + 1 >= opts.charMin) grams.push(h & mask);
    }
  }
  return Int32Array.from(grams);
}

/** The feature vector of a post's text (tokenized as the scorer does). */
export function featuresOf(text: string, lang: string, lexicon: SentimentResult | undefined, opts: FeatureOptions): FeatureVector {
  return featuresOfTokens(tokenizePost(text), lang, lexicon, opts);
}
