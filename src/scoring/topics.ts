// The few keywords and phrases (1-3 words) that explain a cluster of mentions, contrasted with background posts by TF-IDF.
import { createRequire } from 'node:module';
import { stopwordsFor } from './stopwords.js';
import { tokenize } from './tokenizer.js';

const require = createRequire(import.meta.url);
// natural's submodules only: its package root loads ./.env and database drivers.
const { TfIdf } = require('natural/lib/natural/tfidf/index.js') as { TfIdf: new () => TfIdfIndex };
const { NGrams } = require('natural/lib/natural/ngrams/index.js') as { NGrams: { ngrams(sequence: string[], n: number): string[][] } };

interface TfIdfIndex {
  addDocument(document: string[]): void;
  tfidf(terms: string | string[], documentIndex: number): number;
}

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
function phrasesOf(text: string, stopwords: ReadonlySet<string>): Set<string> {
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
  const counts = new Map<string, number>();
  const foreground: string[] = [];
  for (const text of texts) {
    for (const phrase of phrasesOf(text, stopwords)) {
      counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
      foreground.push(phrase);
    }
  }
  // The whole cluster is document 0; each background post is its own document, so idf measures how usual a phrase is.
  const index = new TfIdf();
  index.addDocument(foreground);
  for (const text of opts.background ?? []) index.addDocument([...phrasesOf(text, stopwords)]);
  const minCount = Math.min(2, texts.length);
  const ranked = [...counts.entries()]
    .filter(([, count]) => count >= minCount)
    .map(([phrase, count]) => {
      const words = phrase.split(' ').length;
      return { phrase, count, score: index.tfidf(phrase, 0) * (1 + LENGTH_BONUS * (words - 1)) };
    })
    .sort((a, b) => b.score - a.score || b.count - a.count || a.phrase.localeCompare(b.phrase));
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
