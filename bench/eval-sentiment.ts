// Measures Vigie's sentiment against the `sentiment` package and natural's SentimentAnalyzer on labelled JSONL files.
// Usage: tsx bench/eval-sentiment.ts [files...] [--half tune|test] [--errors N] [--json]
// --half keeps one half of each file after a fixed shuffle (the balanced files are stored in a label cycle): rules
// and thresholds are tuned on "tune" and checked on "test", so a gain that only fits the tuned rows shows.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sentiment from 'sentiment';
import type { SentimentLabel } from '../src/domain/mention.js';
import { maskerFor } from '../src/scoring/masking.js';
import { scoreText, type TextScores } from '../src/scoring/scorer.js';

const require = createRequire(import.meta.url);
const LABELS: SentimentLabel[] = ['negative', 'neutral', 'positive'];
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DATA_DIR = resolve(PROJECT_ROOT, '../shared/eval/data');

interface Row {
  text: string;
  label: SentimentLabel;
  lang?: string;
  airline?: string;
}

interface Scores {
  macroF1: number;
  accuracy: number;
  f1: Record<SentimentLabel, number>;
}

type Predictor = (row: Row) => SentimentLabel;

const labelOf = (score: number): SentimentLabel => (score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral');

function sentimentPackagePredictor(): Predictor {
  const analyser = new Sentiment();
  return (row) => labelOf(analyser.analyze(row.text).score);
}

function naturalPredictor(): Predictor {
  // Submodules only: the package root loads ./.env and pulls in database drivers.
  const { SentimentAnalyzer } = require('natural/lib/natural/sentiment/index.js');
  const { AggressiveTokenizer, AggressiveTokenizerFr } = require('natural/lib/natural/tokenizers/index.js');
  const english = { analyser: new SentimentAnalyzer('English', null, 'afinn'), tokenizer: new AggressiveTokenizer() };
  const french = { analyser: new SentimentAnalyzer('French', null, 'pattern'), tokenizer: new AggressiveTokenizerFr() };
  return (row) => {
    const { analyser, tokenizer } = row.lang === 'fr' ? french : english;
    return labelOf(analyser.getSentiment(tokenizer.tokenize(row.text)));
  };
}

/** What the scorer makes of a row: the same call as the score worker's, with the row's brand as the watched entity. */
const vigieScores = (row: Row): TextScores => scoreText(row.text, maskerFor(row.airline ? [row.airline] : []), row.lang);

/** Share of rows whose language is detected as the file's, without the platform hint. */
function languageAccuracy(rows: Row[]): number {
  const labelled = rows.filter((row) => row.lang !== undefined);
  const right = labelled.filter((row) => scoreText(row.text, maskerFor(row.airline ? [row.airline] : [])).language.lang === row.lang).length;
  return labelled.length === 0 ? 0 : Math.round((10_000 * right) / labelled.length) / 100;
}

function score(rows: Row[], predictions: SentimentLabel[]): Scores {
  const f1 = {} as Record<SentimentLabel, number>;
  for (const label of LABELS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    rows.forEach((row, i) => {
      if (predictions[i] === label && row.label === label) tp++;
      else if (predictions[i] === label) fp++;
      else if (row.label === label) fn++;
    });
    f1[label] = tp === 0 ? 0 : (200 * tp) / (2 * tp + fp + fn);
  }
  const correct = rows.filter((row, i) => predictions[i] === row.label).length;
  const round = (x: number): number => Math.round(x * 10) / 10;
  return {
    macroF1: round((f1.negative + f1.neutral + f1.positive) / 3),
    accuracy: round((100 * correct) / rows.length),
    f1: { negative: round(f1.negative), neutral: round(f1.neutral), positive: round(f1.positive) },
  };
}

function readRows(file: string): Row[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as Row);
}

function confusionMatrix(rows: Row[], predictions: SentimentLabel[]): string {
  const lines = [`  ${'gold \\ predicted'.padEnd(18)}${LABELS.map((l) => l.padStart(10)).join('')}`];
  for (const gold of LABELS) {
    const counts = LABELS.map((predicted) => rows.filter((row, i) => row.label === gold && predictions[i] === predicted).length);
    lines.push(`  ${gold.padEnd(18)}${counts.map((c) => String(c).padStart(10)).join('')}`);
  }
  return lines.join('\n');
}

type Half = 'tune' | 'test' | 'all';

function parseArgs(argv: string[]): { files: string[]; errors: number; json: boolean; half: Half } {
  const files: string[] = [];
  let errors = 0;
  let json = false;
  let half: Half = 'all';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') json = true;
    else if (argv[i] === '--errors') errors = Number(argv[++i] ?? 0);
    else if (argv[i] === '--half') {
      const value = argv[++i];
      if (value !== 'tune' && value !== 'test') throw new Error('--half takes "tune" or "test"');
      half = value;
    } else files.push(resolve(argv[i]));
  }
  if (files.length === 0) {
    for (const name of readdirSync(DEFAULT_DATA_DIR).sort()) if (name.endsWith('.jsonl')) files.push(join(DEFAULT_DATA_DIR, name));
  }
  return { files, errors, json, half };
}

/** Fixed seeded shuffle (mulberry32 + Fisher-Yates), so every run splits a file the same way. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const SPLIT_SEED = 20_170_401;

function selectHalf(rows: Row[], half: Half): Row[] {
  if (half === 'all') return rows;
  const mixed = shuffled(rows, SPLIT_SEED);
  const middle = Math.floor(mixed.length / 2);
  return half === 'tune' ? mixed.slice(0, middle) : mixed.slice(middle);
}

function formatRow(name: string, s: Scores): string {
  return `  ${name.padEnd(26)}${s.macroF1.toFixed(1).padStart(9)}${s.accuracy.toFixed(1).padStart(10)}${LABELS.map((l) => s.f1[l].toFixed(1).padStart(10)).join('')}`;
}

function main(): void {
  const { files, errors, json, half } = parseArgs(process.argv.slice(2));
  const predictors: Record<'vigie' | 'sentiment' | 'natural', Predictor> = {
    vigie: (row) => vigieScores(row).sentiment.label,
    sentiment: sentimentPackagePredictor(),
    natural: naturalPredictor(),
  };
  for (const file of files) {
    const rows = selectHalf(readRows(file), half);
    const predictions = Object.fromEntries(
      Object.entries(predictors).map(([name, predict]) => [name, rows.map(predict)]),
    ) as Record<keyof typeof predictors, SentimentLabel[]>;
    const results = Object.fromEntries(Object.entries(predictions).map(([name, p]) => [name, score(rows, p)])) as Record<keyof typeof predictors, Scores>;
    const language = languageAccuracy(rows);
    if (json) {
      console.log(JSON.stringify({ file: basename(file), half, rows: rows.length, ...results, languageAccuracy: language }));
      continue;
    }
    console.log(`\n${basename(file)}${half === 'all' ? '' : ` (${half} half)`}: ${rows.length} rows; language detected as the file's (no hint): ${language.toFixed(2)} %`);
    console.log(`  ${'method'.padEnd(26)}${'macro-F1'.padStart(9)}${'accuracy'.padStart(10)}${LABELS.map((l) => `F1 ${l.slice(0, 3)}`.padStart(10)).join('')}`);
    console.log(formatRow('vigie', results.vigie));
    console.log(formatRow('sentiment (AFINN-165)', results.sentiment));
    console.log(formatRow(`natural (${rows[0]?.lang === 'fr' ? 'pattern' : 'afinn'})`, results.natural));
    const best = Math.max(results.sentiment.macroF1, results.natural.macroF1);
    console.log(`  vigie - best baseline: ${(results.vigie.macroF1 - best).toFixed(1)} macro-F1 points`);
    console.log(confusionMatrix(rows, predictions.vigie));
    if (errors > 0) {
      const wrong = rows.map((row, i) => ({ row, predicted: predictions.vigie[i] })).filter(({ row, predicted }) => row.label !== predicted);
      for (const { row, predicted } of wrong.slice(0, errors)) {
        const result = vigieScores(row).sentiment;
        console.log(`  [gold ${row.label}, vigie ${predicted} ${result.score}] ${row.text.replace(/\s+/g, ' ')}\n      drivers: ${result.drivers.join(', ')}`);
      }
    }
  }
}

main();
