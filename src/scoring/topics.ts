// The few keywords and phrases (1-3 words) that explain a cluster of mentions, contrasted with background posts by TF-IDF.
import { createRequire } from 'node:module';
import { stopwordsFor } from './stopwords.js';
import { tokenize } from './tokenizer.js';

const require = createRequire(import.meta.url);
// natural's submodules only: its package root loads ./.env and database drivers.
const { NGrams } = require('natural/lib/natural/ngrams/index.js') as { NGrams: { ngrams(sequence: string[], n: number): string[][] } };

export interface Topic {
  phrase: string;
  score: number;
  /** Number of the cluster's texts that contain the phrase. */
  count: number;
}

export interface TopicOptions {
  /** 'en', 'fr', or anything else for both stopword lists. */
  lang?: string;
  /** @defaultValue 10 */
  top?: number;
  /** Usual posts (e.g. the brand's last weeks): phrases common there score low. */
  background?: string[];
}

const MAX_N = 3;
/** A phrase says more than its words: each extra word adds this share to the score. */
const LENGTH_BONUS = 0.25;

/** Candidate phrases of one text: n-grams inside a clause, neither starting nor ending with a stopword. */
export function phrasesOf(text: string, stopwords: ReadonlySet<string>): Set<string> {
  const phrases = new Set<string>();
  let clause: { surface: string; key: string }[] = [];
  const flush = (): void => {
    const surfaces = clause.map((word) => word.surface);
    for (let n = 1; n <= Math.min(MAX_N, clause.length); n++) {
      NGrams.ngrams(surfaces, n).forEach((gram, start) => {
        const first = clause[start].key;
        const last = clause[start + n - 1].key;
        if (stopwords.has(first) || stopwords.has(last)) return;
        if (n === 1 && first.length < 3) return;
        phrases.add(gram.join(' '));
      });
    }
    clause = [];
  };
  for (const token of tokenize(text)) {
    if (token.kind === 'word' && !/^\p{N}+$/u.test(token.key) && token.key.length > 1) clause.push({ surface: token.text.toLowerCase(), key: token.key });
    else flush();
  }
  flush();
  return phrases;
}

export function extractTopics(texts: string[], opts: TopicOptions = {}): Topic[] {
  const top = opts.top ?? 10;
  const stopwords = stopwordsFor(opts.lang);
  // How many of the cluster's texts contain each phrase: the term frequency of the cluster seen as one document.
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const phrase of phrasesOf(text, stopwords)) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  }
  // The whole cluster is document 0; each background post is its own document, so idf measures how usual a word is.
  const documentFrequency = new Map<string, number>();
  for (const text of opts.background ?? []) {
    for (const phrase of phrasesOf(text, stopwords)) if (!phrase.includes(' ')) documentFrequency.set(phrase, (documentFrequency.get(phrase) ?? 0) + 1);
  }
  const documents = 1 + (opts.background?.length ?? 0);
  const idf = (word: string): number => 1 + Math.log(documents / (1 + 1 + (documentFrequency.get(word) ?? 0)));
  // A phrase scores the tf-idf of its words (a word's tf: the texts where it stands as a phrase of its own).
  const wordScore = (word: string): number => (counts.get(word) ?? 0) * idf(word);
  const minCount = Math.min(2, texts.length);
  const ranked: Topic[] = [];
  for (const [phrase, count] of counts) {
    if (count < minCount) continue;
    const words = phrase.split(' ');
    let score = 0;
    for (const word of words) score += wordScore(word);
    ranked.push({ phrase, count, score: score * (1 + LENGTH_BONUS * (words.length - 1)) });
  }
  ranked.sort((a, b) => b.score - a.score || b.count - a.count || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
  return pickDistinct(ranked, top).map((topic) => ({ ...topic, score: Math.round(topic.score * 1000) / 1000 }));
}

/** Keeps the best phrases, skipping one whose words are all inside an already chosen phrase (or the reverse). */
function pickDistinct(ranked: Topic[], top: number): Topic[] {
  const chosen: Topic[] = [];
  const contains = (long: string, short: string): boolean => ` ${long} `.includes(` ${short} `);
  for (const candidate of ranked) {
    if (chosen.length >= top) break;
    if (chosen.some((picked) => contains(picked.phrase, candidate.phrase) || contains(candidate.phrase, picked.phrase))) continue;
    chosen.push(candidate);
  }
  return chosen;
}
