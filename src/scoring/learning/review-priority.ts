// Active learning: which mentions a person should label next so that each label teaches the model the most.
// The first labels of a language are a random sample; after that, uncertainty sampling (the smallest margin between the
// two likeliest labels) with a diversity penalty, so a 15-minute session is not spent on twenty copies of the same
// retweeted complaint.
import type { SentimentLabel, SentimentResult } from '../../domain/mention.js';
import { stableHash } from '../../domain/stable-hash.js';
import { tokenizePost } from '../lexicon.js';
import { lexiconOf, modelLanguage, predictSentimentTokens, type SentimentModel } from './sentiment-model.js';
import { SENTIMENT_LABELS } from './metrics.js';

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

/**
 * The model and the lexicon disagree; the model (or, without one, the lexicon) is unsure of its label; or the language
 * has fewer than `firstLabels` labels and the mention is part of the random sample they start from.
 */
export type ReviewWhy =
  | { kind: 'model-disagrees'; label: SentimentLabel; lexiconLabel: SentimentLabel }
  | { kind: 'model-unsure' | 'lexicon-unsure'; label: SentimentLabel; confidence: number }
  | { kind: 'first-labels-sample'; label: SentimentLabel; labelled: number; firstLabels: number };

function reasonOf(why: ReviewWhy): string {
  if (why.kind === 'model-disagrees') return `model says ${why.label}, lexicon ${why.lexiconLabel}`;
  if (why.kind === 'first-labels-sample') return `random sample for the first ${why.firstLabels} labels (${why.labelled} so far)`;
  return `${why.kind === 'model-unsure' ? 'model' : 'lexicon'} unsure (${Math.round(100 * why.confidence)} % ${why.label})`;
}

export interface ReviewOptions {
  /** How many to return. */
  limit?: number;
  /** Weight of the redundancy penalty (0 = pure uncertainty). */
  diversity?: number;
  /**
   * Labels the team has already given per model language ("en", "fr"; modelLanguage). A language below
   * FIRST_LABELS_SAMPLE comes first, in a random order fixed by the mentions' ids. Absent: every language is ranked
   * by uncertainty.
   */
  labelledPerLanguage?: Readonly<Record<string, number>>;
}

/**
 * The first labels of a language are a random sample of its mentions. Uncertainty picked from the lexicon alone, or
 * from a model trained on a few dozen labels, gathers near-ties of one kind (short posts with no opinion word, read as
 * neutral and mostly complaints), and a model trained on those learns less than one trained on whatever came.
 * Measured by `eval:sentiment --active` (retrained every 50 labels and adopted by cross-validation, as the maintain job
 * does; 15 runs per file), trained macro-F1 after 100 / 200 / 500 labels, uncertainty from the first label -> this:
 * airline 63.0 / 71.3 / 73.6 -> 70.0 / 71.5 / 74.2; SemEval 59.6 / 63.7 / 64.6 -> 63.4 / 64.2 / 64.0;
 * DEFT 58.2 / 62.6 / 65.6 -> 59.7 / 62.3 / 65.3. Labelling in random order gave 69.9 / 71.6 / 73.3, 62.7 / 63.1 / 64.6
 * and 59.6 / 61.9 / 64.8 (2026-12-04; DEFT again after the lexicon changes of 2026-12-05: list 60.3 / 62.2 / 65.0,
 * random 60.0 / 62.3 / 65.3, README).
 */
export const FIRST_LABELS_SAMPLE = 100;

const DEFAULT_LIMIT = 50;
const DEFAULT_DIVERSITY = 0.5;
/** Only this many times `limit` of the most uncertain of each predicted label are considered for the diverse pick (keeps it O(limit²·k)). */
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
 * A rank fixed by the mention's id (stableHash, then murmur3's finaliser so that neighbouring ids scatter): the random
 * sample neither depends on the order candidates come in nor reshuffles between page loads.
 */
function sampleRank(id: string): number {
  let hash = stableHash(id);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface Scored {
  id: string;
  uncertainty: number;
  predicted: SentimentLabel;
  why: ReviewWhy;
  words: Set<string>;
}

function scoreCandidate(model: SentimentModel | null, candidate: ReviewCandidate): Scored {
  const tokens = tokenizePost(candidate.text);
  const lexicon = candidate.lexicon ?? lexiconOf(tokens, candidate.lang);
  const prediction = model ? predictSentimentTokens(model, tokens, candidate.lang, lexicon) : null;
  if (prediction && prediction.source === 'model') {
    const sorted = Object.values(prediction.probabilities).sort((a, b) => b - a);
    const disagrees = prediction.label !== lexicon.label;
    return {
      id: candidate.id,
      uncertainty: Math.min(1, 1 - (sorted[0] - sorted[1]) + (disagrees ? DISAGREEMENT_BONUS : 0)),
      predicted: prediction.label,
      why: disagrees
        ? { kind: 'model-disagrees', label: prediction.label, lexiconLabel: lexicon.label }
        : { kind: 'model-unsure', label: prediction.label, confidence: round3(prediction.confidence) },
      words: wordSet(tokens),
    };
  }
  return {
    id: candidate.id,
    uncertainty: 1 - lexicon.confidence,
    predicted: lexicon.label,
    why: { kind: 'lexicon-unsure', label: lexicon.label, confidence: round3(lexicon.confidence) },
    words: wordSet(tokens),
  };
}

const itemOf = (chosen: Scored, priority: number): ReviewItem => ({ id: chosen.id, priority, uncertainty: round3(chosen.uncertainty), predicted: chosen.predicted, reason: reasonOf(chosen.why), why: chosen.why });

/**
 * The greedy pick: each next item maximises uncertainty minus `diversity` x its highest word overlap with the items
 * already picked, among the predicted labels picked least so far (they take turns).
 * Without the turns, the most uncertain were mostly of one predicted label, and the model learnt the others from too
 * few: after the random sample, the turns took trained macro-F1 after 200 / 500 labels from 71.1 / 73.2 to 71.5 / 73.7
 * on airline, 61.4 / 65.1 to 61.8 / 65.3 on DEFT and 62.6 / 64.7 to 63.4 / 64.2 on SemEval (eval:sentiment --active,
 * one sample for all runs).
 */
function pickUncertain(scored: Scored[], limit: number, diversity: number): ReviewItem[] {
  // Most uncertain first; the id breaks ties so the order never depends on input order.
  scored.sort((a, b) => b.uncertainty - a.uncertainty || byId(a, b));
  const poolPerLabel = Math.max(limit * POOL_FACTOR, limit);
  const pool = SENTIMENT_LABELS.flatMap((label) => scored.filter((s) => s.predicted === label).slice(0, poolPerLabel));
  const redundancy = new Array<number>(pool.length).fill(0);
  const taken = new Array<boolean>(pool.length).fill(false);
  const picked: Record<SentimentLabel, number> = { negative: 0, neutral: 0, positive: 0 };
  const left: Record<SentimentLabel, number> = { negative: 0, neutral: 0, positive: 0 };
  for (const s of pool) left[s.predicted]++;
  const items: ReviewItem[] = [];
  while (items.length < Math.min(limit, pool.length)) {
    const fewest = Math.min(...SENTIMENT_LABELS.filter((label) => left[label] > 0).map((label) => picked[label]));
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      if (taken[i] || picked[pool[i].predicted] > fewest) continue;
      const score = pool[i].uncertainty - diversity * redundancy[i];
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    taken[best] = true;
    const chosen = pool[best];
    picked[chosen.predicted]++;
    left[chosen.predicted]--;
    // A label's turn can bring a lower score before a higher one: the priority stays in the list's order.
    items.push(itemOf(chosen, Math.max(0, Math.min(items.at(-1)?.priority ?? 1, round3(bestScore)))));
    for (let i = 0; i < pool.length; i++) if (!taken[i]) redundancy[i] = Math.max(redundancy[i], jaccard(pool[i].words, chosen.words));
  }
  return items;
}

/**
 * Ranks unlabelled mentions for review: first the random sample of every language that has fewer than
 * FIRST_LABELS_SAMPLE labels, then the rest by uncertainty (pickUncertain). With no model (or none for a language),
 * the lexicon's own confidence gives the uncertainty.
 */
export function reviewPriority(model: SentimentModel | null, candidates: readonly ReviewCandidate[], opts: ReviewOptions = {}): ReviewItem[] {
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const labelled = opts.labelledPerLanguage;
  const labelsOf = (lang: string): number => labelled?.[modelLanguage(lang)] ?? 0;
  const sampling = (candidate: ReviewCandidate): boolean => labelled !== undefined && labelsOf(candidate.lang) < FIRST_LABELS_SAMPLE;
  const sample = candidates
    .filter(sampling)
    .map((candidate) => ({ candidate, rank: sampleRank(candidate.id) }))
    .sort((a, b) => a.rank - b.rank || byId(a.candidate, b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => {
      const scored = scoreCandidate(model, candidate);
      return itemOf({ ...scored, why: { kind: 'first-labels-sample', label: scored.predicted, labelled: labelsOf(candidate.lang), firstLabels: FIRST_LABELS_SAMPLE } }, 1);
    });
  const rest = candidates.filter((candidate) => !sampling(candidate)).map((candidate) => scoreCandidate(model, candidate));
  return [...sample, ...pickUncertain(rest, limit - sample.length, opts.diversity ?? DEFAULT_DIVERSITY)];
}
