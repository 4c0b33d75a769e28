// Active learning: which mentions a person should label next so that each label teaches the model the most.
// Uncertainty sampling (the smallest margin between the two likeliest labels) with a diversity penalty, so a
// 15-minute session is not spent on twenty copies of the same retweeted complaint.
import type { SentimentLabel, SentimentResult } from '../../domain/mention.js';
import { tokenizePost } from '../lexicon.js';
import { lexiconOf, predictSentimentTokens, type SentimentModel } from './sentiment-model.js';

export interface ReviewCandidate {
  id: string;
  /** Masked as the scorer masks it. */
  text: string;
  lang: string;
  lexicon?: SentimentResult;
}

export interface ReviewItem {
  id: string;
  /** 0..1, higher first: how much labelling this mention should teach. */
  priority: number;
  /** 1 - (p1 - p2): 1 when the two likeliest labels tie. */
  uncertainty: number;
  predicted: SentimentLabel;
  /** Why it is on the list, for the reviewer (English, as the API and logs speak). */
  reason: string;
  /** The same, as data, so the dashboard says it in the reviewer's language. */
  why: ReviewWhy;
}

/** The model and the lexicon disagree; the model (or, without one, the lexicon) is unsure of its label. */
export type ReviewWhy =
  | { kind: 'model-disagrees'; label: SentimentLabel; lexiconLabel: SentimentLabel }
  | { kind: 'model-unsure' | 'lexicon-unsure'; label: SentimentLabel; confidence: number };

function reasonOf(why: ReviewWhy): string {
  if (why.kind === 'model-disagrees') return `model says ${why.label}, lexicon ${why.lexiconLabel}`;
  return `${why.kind === 'model-unsure' ? 'model' : 'lexicon'} unsure (${Math.round(100 * why.confidence)} % ${why.label})`;
}

export interface ReviewOptions {
  /** How many to return. */
  limit?: number;
  /** Weight of the redundancy penalty (0 = pure uncertainty). */
  diversity?: number;
}

const DEFAULT_LIMIT = 50;
const DEFAULT_DIVERSITY = 0.5;
/** Only this many times `limit` of the most uncertain are considered for the diverse pick (keeps it O(limit²·k)). */
const POOL_FACTOR = 8;
/** Model and lexicon disagreeing is worth this much extra uncertainty: one of them is wrong, the label settles which. */
const DISAGREEMENT_BONUS = 0.15;

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function wordSet(tokens: ReturnType<typeof tokenizePost>): Set<string> {
  const words = new Set<string>();
  for (const token of tokens) if (token.kind === 'word' && token.key.length > 2) words.add(token.key);
  return words;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Ranks unlabelled mentions for review. With no model (or none for a language), the lexicon's own confidence gives the
 * uncertainty. The pick is greedy: each next item maximises uncertainty minus `diversity` x its highest word overlap
 * with the items already picked.
 */
export function reviewPriority(model: SentimentModel | null, candidates: readonly ReviewCandidate[], opts: ReviewOptions = {}): ReviewItem[] {
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const diversity = opts.diversity ?? DEFAULT_DIVERSITY;
  const scored = candidates.map((candidate) => {
    const tokens = tokenizePost(candidate.text);
    const lexicon = candidate.lexicon ?? lexiconOf(tokens, candidate.lang);
    let uncertainty: number;
    let predicted: SentimentLabel;
    let why: ReviewWhy;
    const prediction = model ? predictSentimentTokens(model, tokens, candidate.lang, lexicon) : null;
    if (prediction && prediction.source === 'model') {
      const sorted = Object.values(prediction.probabilities).sort((a, b) => b - a);
      uncertainty = 1 - (sorted[0] - sorted[1]);
      predicted = prediction.label;
      const disagrees = prediction.label !== lexicon.label;
      if (disagrees) uncertainty = Math.min(1, uncertainty + DISAGREEMENT_BONUS);
      why = disagrees
        ? { kind: 'model-disagrees', label: prediction.label, lexiconLabel: lexicon.label }
        : { kind: 'model-unsure', label: prediction.label, confidence: round3(prediction.confidence) };
    } else {
      uncertainty = 1 - lexicon.confidence;
      predicted = lexicon.label;
      why = { kind: 'lexicon-unsure', label: lexicon.label, confidence: round3(lexicon.confidence) };
    }
    return { id: candidate.id, uncertainty, predicted, why, words: wordSet(tokens) };
  });
  // Most uncertain first; the id breaks ties so the order never depends on input order.
  scored.sort((a, b) => b.uncertainty - a.uncertainty || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const pool = scored.slice(0, Math.max(limit * POOL_FACTOR, limit));
  const picked: typeof pool = [];
  const redundancy = new Array<number>(pool.length).fill(0);
  const taken = new Array<boolean>(pool.length).fill(false);
  const items: ReviewItem[] = [];
  while (picked.length < Math.min(limit, pool.length)) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      if (taken[i]) continue;
      const score = pool[i].uncertainty - diversity * redundancy[i];
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    taken[best] = true;
    const chosen = pool[best];
    picked.push(chosen);
    items.push({ id: chosen.id, priority: Math.max(0, round3(bestScore)), uncertainty: round3(chosen.uncertainty), predicted: chosen.predicted, reason: reasonOf(chosen.why), why: chosen.why });
    for (let i = 0; i < pool.length; i++) if (!taken[i]) redundancy[i] = Math.max(redundancy[i], jaccard(pool[i].words, chosen.words));
  }
  return items;
}
