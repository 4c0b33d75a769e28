// Turns a post into the sparse, hashed feature vector the trained models read: word and character n-grams plus the
// lexicon scorer's own verdict, so that a model starts from what the rules know and learns what they miss.
import type { SentimentResult } from '../../domain/mention.js';
import { tokenizePost } from '../lexicon.js';
import { MODIFIERS, NEGATION_SCOPE } from '../modifiers.js';
import type { Token } from '../tokenizer.js';

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
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { hashBits: 18, charMin: 2, charMax: 5, wordWeight: 1, charWeight: 0.6, lexiconWeight: 1 };

/** Dense lexicon features, stored after the hashed buckets. */
export const LEXICON_FEATURE_COUNT = 8;

export interface FeatureVector {
  indices: Int32Array;
  values: Float32Array;
}

/** Total input width: the hashed buckets, then the lexicon features. */
export const featureWidth = (opts: FeatureOptions): number => (1 << opts.hashBits) + LEXICON_FEATURE_COUNT;

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
const WORD_SEPARATOR = 0x20;

/** Growable scratch lists, reused across calls: extraction runs on every scored mention. */
const wordBuckets: number[] = [];
const charBuckets: number[] = [];

/**
 * The feature vector of a tokenized post. Words within NEGATION_SCOPE of a negator also yield a negation-marked
 * copy ("not good" -> n:good), the classic way for a linear model to learn negation. Each group is normalised to unit
 * length so a long post does not outweigh a short one.
 */
export function featuresOfTokens(tokens: readonly Token[], lang: string, lexicon: SentimentResult | undefined, opts: FeatureOptions): FeatureVector {
  const mask = (1 << opts.hashBits) - 1;
  const negators = MODIFIERS[lang === 'fr' ? 'fr' : 'en'].negatorsBefore;
  wordBuckets.length = 0;
  charBuckets.length = 0;
  let negationLeft = 0;
  let previousWord: string | null = null;
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
    wordBuckets.push(hashInto(SEED_WORD, key) & mask);
    if (negationLeft > 0) {
      wordBuckets.push(hashInto(SEED_NEGATED, key) & mask);
      negationLeft--;
    }
    if (negators.has(key) || key.endsWith("n't")) negationLeft = NEGATION_SCOPE;
    if (previousWord !== null) wordBuckets.push(hashInto(Math.imul(hashInto(SEED_BIGRAM, previousWord) ^ WORD_SEPARATOR, FNV_PRIME), key) & mask);
    previousWord = key;
    shouted ||= token.shout;
    stretched ||= token.stretched;
    addCharGrams(key, opts, mask);
  }
  if (shouted) wordBuckets.push(hashInto(SEED_FLAG, 'shout') & mask);
  if (stretched) wordBuckets.push(hashInto(SEED_FLAG, 'stretch') & mask);

  const lexiconCount = lexicon ? LEXICON_FEATURE_COUNT : 0;
  const size = wordBuckets.length + charBuckets.length + lexiconCount;
  const indices = new Int32Array(size);
  const values = new Float32Array(size);
  let n = 0;
  const wordValue = wordBuckets.length > 0 ? opts.wordWeight / Math.sqrt(wordBuckets.length) : 0;
  for (const bucket of wordBuckets) {
    indices[n] = bucket;
    values[n++] = wordValue;
  }
  const charValue = charBuckets.length > 0 ? opts.charWeight / Math.sqrt(charBuckets.length) : 0;
  for (const bucket of charBuckets) {
    indices[n] = bucket;
    values[n++] = charValue;
  }
  if (lexicon) {
    const base = 1 << opts.hashBits;
    const s = lexicon.score;
    const w = opts.lexiconWeight;
    const dense = [
      s,
      Math.max(s, 0),
      Math.max(-s, 0),
      lexicon.label === 'negative' ? 1 : 0,
      lexicon.label === 'neutral' ? 1 : 0,
      lexicon.label === 'positive' ? 1 : 0,
      lexicon.drivers.length === 0 ? 1 : 0,
      Math.min(lexicon.drivers.length, 6) / 6,
    ];
    for (let k = 0; k < LEXICON_FEATURE_COUNT; k++) {
      indices[n] = base + k;
      values[n++] = dense[k] * w;
    }
  }
  return { indices, values };
}

function addCharGrams(key: string, opts: FeatureOptions, mask: number): void {
  // "<" and ">" mark the word's edges: "<bad" (a prefix) is not "bad" inside "badge".
  const padded = `<${key}>`;
  const length = padded.length;
  for (let start = 0; start < length; start++) {
    let h = SEED_CHAR;
    for (let end = start; end < length && end - start < opts.charMax; end++) {
      h ^= padded.charCodeAt(end);
      h = Math.imul(h, FNV_PRIME);
      if (end - start + 1 >= opts.charMin) charBuckets.push(h & mask);
    }
  }
}

/** The feature vector of a post's text (tokenized as the scorer does). */
export function featuresOf(text: string, lang: string, lexicon: SentimentResult | undefined, opts: FeatureOptions): FeatureVector {
  return featuresOfTokens(tokenizePost(text), lang, lexicon, opts);
}
