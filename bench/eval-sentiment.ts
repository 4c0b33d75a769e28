// Measures Vigie's sentiment against the `sentiment` package and natural's SentimentAnalyzer on labelled JSONL files.
// Usage: tsx bench/eval-sentiment.ts [files...] [--half tune|test] [--errors N] [--json]
//        [--train A.jsonl B.jsonl ...] [--cv [k]] [--seed N] [--airlines] [--curve] [--active] [--ablation [rule,...]] [--help]
// Without files it reads every *.jsonl of ../shared/eval/data.
// --half keeps one half of each file after a fixed shuffle (the balanced files are stored in a label cycle): rules
// and thresholds are tuned on "tune" and checked on "test", so a gain that only fits the tuned rows shows.
// --train trains a model in memory on A and scores every other file with it ("trained", next to "vigie");
// --cv gives the trained model's k-fold figure on each file (--seed N: another fold assignment; SemEval's figure moves
// by about ±0.5 with it alone, so a change worth keeping should hold on two or three seeds); --airlines trains on two
// airlines of the airline file and tests on the other two (every split); --curve gives the trained figure after 100,
// 200, 500, 1,000 and all labels.
// --active plays a reviewer who labels the "to review" list (the API's ranking, from the adopted model, retrained every
// 50 labels as the maintain job does) and one who labels in random order, and gives the trained figure after 100, 200
// and 500 labels for each: what the list buys over labelling whatever comes (k-fold, fold seeds 4242, 7, 11 or --seed N).
// --ablation switches each rule of the default scorer off in turn and reports the change on each half of each file.
// Models trained here live in memory only: nothing trained on the eval data is ever written anywhere.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sentiment from 'sentiment';
import type { SentimentLabel } from '../src/domain/mention.js';
import { maskerFor } from '../src/scoring/masking.js';
import { languageOfTokens } from '../src/scoring/language.js';
import { tokenizePost } from '../src/scoring/lexicon.js';
import { scoreTokens } from '../src/scoring/sentiment.js';
import { SENTIMENT_RULES, parseRuleNames, type SentimentRule } from '../src/scoring/sentiment-rules.js';
import { scoreText, type TextScores } from '../src/scoring/scorer.js';
import { crossValidate, DEFAULT_FOLDS, labelsStillNeeded, shouldAdopt } from '../src/scoring/learning/cross-validation.js';
import { reviewPriority } from '../src/scoring/learning/review-priority.js';
import { stratifiedFolds } from '../src/scoring/learning/folds.js';
import { classificationScores } from '../src/scoring/learning/metrics.js';
import { modelLanguage, predictSentiment, trainSentimentModel, type SentimentExample, type SentimentModel } from '../src/scoring/learning/sentiment-model.js';

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

type Mode = 'score' | 'train' | 'cv' | 'airlines' | 'curve' | 'active' | 'ablation';

interface Args {
  files: string[];
  errors: number;
  json: boolean;
  half: Half;
  mode: Mode;
  folds: number;
  /** --seed: the fold assignment of --cv (crossValidate's default when absent) and of --active (three seeds when absent). */
  seed?: number;
  /** --ablation: the rules to measure (all by default). */
  rules: SentimentRule[];
}

/** The comment at the top of this file, which is its usage. */
function usage(): string {
  const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  const end = lines.findIndex((line) => !line.startsWith('//'));
  return lines.slice(0, end).map((line) => line.replace(/^\/\/ ?/, '')).join('\n');
}

function parseArgs(argv: string[]): Args {
  const files: string[] = [];
  let errors = 0;
  let json = false;
  let half: Half = 'all';
  let mode: Mode = 'score';
  let folds = 5;
  let seed: number | undefined;
  let rules: SentimentRule[] = [...SENTIMENT_RULES];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--help' || argv[i] === '-h') {
      console.log(usage());
      process.exit(0);
    }
    if (argv[i] === '--json') json = true;
    else if (argv[i] === '--train') mode = 'train';
    else if (argv[i] === '--airlines') mode = 'airlines';
    else if (argv[i] === '--curve') mode = 'curve';
    else if (argv[i] === '--active') mode = 'active';
    else if (argv[i] === '--ablation') {
      mode = 'ablation';
      if (argv[i + 1] && !argv[i + 1].startsWith('--') && !argv[i + 1].endsWith('.jsonl')) rules = [...parseRuleNames(argv[++i].split(','))];
    }
    else if (argv[i] === '--cv') {
      mode = 'cv';
      if (/^\d+$/.test(argv[i + 1] ?? '')) folds = Number(argv[++i]);
    }
    else if (argv[i] === '--seed') {
      seed = Number(argv[++i]);
      if (!Number.isInteger(seed)) throw new Error('--seed takes an integer');
    }
    else if (argv[i] === '--errors') errors = Number(argv[++i] ?? 0);
    else if (argv[i] === '--half') {
      const value = argv[++i];
      if (value !== 'tune' && value !== 'test') throw new Error('--half takes "tune" or "test"');
      half = value;
    } else if (argv[i].startsWith('-')) throw new Error(`unknown option "${argv[i]}" (--help lists them)`);
    else files.push(resolve(argv[i]));
  }
  if (mode === 'train' && files.length < 2) throw new Error('--train takes the training file, then one or more files to score: --train A.jsonl B.jsonl');
  if (files.length === 0) {
    for (const name of readdirSync(DEFAULT_DATA_DIR).sort()) if (name.endsWith('.jsonl')) files.push(join(DEFAULT_DATA_DIR, name));
  }
  if (mode === 'airlines' && !files.some((file) => basename(file).startsWith('airline'))) files.unshift(join(DEFAULT_DATA_DIR, 'airline_en.dev.jsonl'));
  return { files, errors, json, half, mode, folds, seed, rules };
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

function selectHalf<T>(rows: T[], half: Half): T[] {
  if (half === 'all') return rows;
  const mixed = shuffled(rows, SPLIT_SEED);
  const middle = Math.floor(mixed.length / 2);
  return half === 'tune' ? mixed.slice(0, middle) : mixed.slice(middle);
}

function formatRow(name: string, s: Scores): string {
  return `  ${name.padEnd(26)}${s.macroF1.toFixed(1).padStart(9)}${s.accuracy.toFixed(1).padStart(10)}${LABELS.map((l) => s.f1[l].toFixed(1).padStart(10)).join('')}`;
}

/** A labelled row as the trainer sees it: masked like the score worker masks it, with the lexicon's verdict attached. */
function exampleOf(row: Row): SentimentExample {
  const scores = vigieScores(row);
  const text = maskerFor(row.airline ? [row.airline] : [])(row.text);
  return { text, lang: scores.language.lang, label: row.label, lexicon: scores.sentiment };
}

const predictWith = (model: SentimentModel, example: SentimentExample): SentimentLabel =>
  predictSentiment(model, example.text, example.lang, example.lexicon).label;

type Predictors = Record<'vigie' | 'sentiment' | 'natural', Predictor>;

function baselinePredictors(): Predictors {
  return {
    vigie: (row) => vigieScores(row).sentiment.label,
    sentiment: sentimentPackagePredictor(),
    natural: naturalPredictor(),
  };
}

/** The figures of every predictor on these rows, plus any extra (trained) predictions. */
function report(file: string, rows: Row[], half: Half, predictors: Predictors, extra: Record<string, SentimentLabel[]>, args: Args, extraFields: Record<string, unknown> = {}): void {
  const predictions = Object.fromEntries(Object.entries(predictors).map(([name, predict]) => [name, rows.map(predict)])) as Record<string, SentimentLabel[]>;
  Object.assign(predictions, extra);
  const results = Object.fromEntries(Object.entries(predictions).map(([name, p]) => [name, score(rows, p)])) as Record<string, Scores>;
  const language = languageAccuracy(rows);
  if (args.json) {
    console.log(JSON.stringify({ file, half, rows: rows.length, ...results, languageAccuracy: language, ...extraFields }));
    return;
  }
  console.log(`\n${file}${half === 'all' ? '' : ` (${half} half)`}: ${rows.length} rows; language detected as the file's (no hint): ${language.toFixed(2)} %`);
  for (const [key, value] of Object.entries(extraFields)) console.log(`  ${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  console.log(`  ${'method'.padEnd(26)}${'macro-F1'.padStart(9)}${'accuracy'.padStart(10)}${LABELS.map((l) => `F1 ${l.slice(0, 3)}`.padStart(10)).join('')}`);
  console.log(formatRow('vigie', results.vigie));
  console.log(formatRow('sentiment (AFINN-165)', results.sentiment));
  console.log(formatRow(`natural (${rows[0]?.lang === 'fr' ? 'pattern' : 'afinn'})`, results.natural));
  for (const name of Object.keys(extra)) console.log(formatRow(name, results[name]));
  const best = Math.max(results.sentiment.macroF1, results.natural.macroF1);
  console.log(`  vigie - best baseline: ${(results.vigie.macroF1 - best).toFixed(1)} macro-F1 points`);
  if (extra.trained) console.log(`  trained - vigie: ${(results.trained.macroF1 - results.vigie.macroF1).toFixed(1)} macro-F1 points`);
  console.log(confusionMatrix(rows, predictions.vigie));
  if (args.errors > 0) {
    const wrong = rows.map((row, i) => ({ row, predicted: predictions.vigie[i] })).filter(({ row, predicted }) => row.label !== predicted);
    for (const { row, predicted } of wrong.slice(0, args.errors)) {
      const result = vigieScores(row).sentiment;
      console.log(`  [gold ${row.label}, vigie ${predicted} ${result.score}] ${row.text.replace(/\s+/g, ' ')}\n      drivers: ${result.drivers.join(', ')}`);
    }
  }
}

/** --train A B...: one model trained on A (all of it), scored on each B. */
function trainMode(args: Args, predictors: Predictors): void {
  const [trainFile, ...testFiles] = args.files;
  const model = trainSentimentModel(readRows(trainFile).map(exampleOf));
  for (const file of testFiles) {
    const rows = selectHalf(readRows(file), args.half);
    const trained = rows.map((row) => predictWith(model, exampleOf(row)));
    report(basename(file), rows, args.half, predictors, { trained }, args, { trainedOn: basename(trainFile) });
  }
}

/** --cv [k]: the trained model's out-of-fold predictions on each file. */
function cvMode(args: Args, predictors: Predictors): void {
  for (const file of args.files) {
    const rows = selectHalf(readRows(file), args.half);
    const cv = crossValidate(rows.map(exampleOf), args.folds, { seed: args.seed });
    const trainedBy = `${args.folds}-fold cross-validation${args.seed === undefined ? '' : `, fold seed ${args.seed}`}`;
    report(basename(file), rows, args.half, predictors, { trained: cv.predictions }, args, { trainedBy });
  }
}

/** Every way to put two of the four airlines in training and the other two in test. */
function airlineSplits(airlines: string[]): [string[], string[]][] {
  const splits: [string[], string[]][] = [];
  for (let a = 0; a < airlines.length; a++) {
    for (let b = a + 1; b < airlines.length; b++) {
      const train = [airlines[a], airlines[b]];
      splits.push([train, airlines.filter((name) => !train.includes(name))]);
    }
  }
  return splits;
}

/** --airlines: trained on two airlines' customers, tested on the other two (brands never seen), for every split. */
function airlinesMode(args: Args, predictors: Predictors): void {
  const file = args.files.find((f) => basename(f).startsWith('airline'))!;
  const rows = readRows(file);
  const airlines = [...new Set(rows.map((row) => row.airline ?? '(none)'))].sort();
  const examples = rows.map(exampleOf);
  const summary: { test: string[]; vigie: number; trained: number }[] = [];
  for (const [train, test] of airlineSplits(airlines)) {
    const model = trainSentimentModel(examples.filter((_, i) => train.includes(rows[i].airline ?? '(none)')));
    const testIndex = rows.map((_, i) => i).filter((i) => test.includes(rows[i].airline ?? '(none)'));
    const testRows = testIndex.map((i) => rows[i]);
    const trained = testIndex.map((i) => predictWith(model, examples[i]));
    report(basename(file), testRows, 'all', predictors, { trained }, args, { trainedOn: train.join(' + '), testedOn: test.join(' + ') });
    summary.push({ test, vigie: score(testRows, testRows.map(predictors.vigie)).macroF1, trained: score(testRows, trained).macroF1 });
  }
  const mean = (xs: number[]): number => Math.round((10 * xs.reduce((a, b) => a + b, 0)) / xs.length) / 10;
  const line = { file: basename(file), mode: 'airlines', splits: summary.length, vigieMean: mean(summary.map((s) => s.vigie)), trainedMean: mean(summary.map((s) => s.trained)), trainedMin: Math.min(...summary.map((s) => s.trained)) };
  console.log(args.json ? JSON.stringify(line) : `\nacross airlines, mean of ${line.splits} splits: vigie ${line.vigieMean}, trained ${line.trainedMean} (lowest split ${line.trainedMin}) macro-F1`);
}

const CURVE_SIZES = [100, 200, 500, 1000];

/**
 * --curve: 5-fold, each fold's model trained on the first N labels of its training part (seeded order), so every
 * size is scored on all rows; the default scorer is scored on the same rows.
 */
function curveMode(args: Args): void {
  for (const file of args.files) {
    const rows = selectHalf(readRows(file), args.half);
    const examples = rows.map(exampleOf);
    const k = args.folds;
    const folds = stratifiedFolds(rows.map((row) => row.label), k, 4242);
    const order = shuffled(rows.map((_, i) => i), 20_261_202);
    const gold = rows.map((row) => row.label);
    const vigie = classificationScores(gold, examples.map((example) => example.lexicon!.label)).macroF1;
    const points: { labels: number | 'all'; trained: number; trainLabels: number }[] = [];
    for (const size of [...CURVE_SIZES, Infinity]) {
      const predictions = new Array<SentimentLabel>(rows.length);
      let trainLabels = 0;
      for (let fold = 0; fold < k; fold++) {
        const train = order.filter((i) => folds[i] !== fold).slice(0, size);
        trainLabels = Math.max(trainLabels, train.length);
        const model = trainSentimentModel(train.map((i) => examples[i]));
        rows.forEach((_, i) => {
          if (folds[i] === fold) predictions[i] = predictWith(model, examples[i]);
        });
      }
      if (size !== Infinity && trainLabels < size) continue;
      points.push({ labels: size === Infinity ? 'all' : size, trainLabels, trained: classificationScores(gold, predictions).macroF1 });
    }
    if (args.json) console.log(JSON.stringify({ file: basename(file), half: args.half, rows: rows.length, mode: 'curve', vigie, curve: points }));
    else {
      console.log(`\n${basename(file)}: learning curve (${k}-fold; vigie default ${vigie.toFixed(1)} macro-F1 on the same rows)`);
      for (const point of points) console.log(`  ${String(point.labels === 'all' ? `all (${point.trainLabels})` : point.labels).padStart(12)} labels: trained ${point.trained.toFixed(1)} (${(point.trained - vigie >= 0 ? '+' : '') + (point.trained - vigie).toFixed(1)})`);
    }
  }
}

const ACTIVE_SIZES = [100, 200, 500];
const ACTIVE_FOLD_SEEDS = [4242, 7, 11];
/** learning.retrainAfterLabels' default: the maintain job trains again after this many new labels. */
const RETRAIN_AFTER_LABELS = 50;

type LabelOrder = 'random' | 'review';

/**
 * The order a reviewer labels a pool in. 'review': each round labels the top of the to-review list, ranked with the
 * model adopted at the last training (none until cross-validation prefers it to the lexicon, as the train stage
 * decides); 'random': whatever comes.
 */
function labellingOrder(pool: readonly SentimentExample[], order: LabelOrder, count: number, seed: number): number[] {
  if (order === 'random') return shuffled(pool.map((_, i) => i), seed).slice(0, count);
  const labelled: number[] = [];
  const taken = new Set<number>();
  let model: SentimentModel | null = null;
  // The list's random sample is fixed by the mentions' ids: ids that differ from run to run give each run its own.
  const idOf = (i: number): string => `${seed}:${i}`;
  const indexOf = (id: string): number => Number(id.slice(id.indexOf(':') + 1));
  while (labelled.length < count) {
    const left = pool.flatMap((example, i) => (taken.has(i) ? [] : [{ id: idOf(i), text: example.text, lang: example.lang, lexicon: example.lexicon }]));
    const labelledPerLanguage: Record<string, number> = {};
    for (const i of labelled) labelledPerLanguage[modelLanguage(pool[i].lang)] = (labelledPerLanguage[modelLanguage(pool[i].lang)] ?? 0) + 1;
    for (const item of reviewPriority(model, left, { limit: Math.min(RETRAIN_AFTER_LABELS, count - labelled.length), labelledPerLanguage })) {
      taken.add(indexOf(item.id));
      labelled.push(indexOf(item.id));
    }
    const examples = labelled.map((i) => pool[i]);
    if (labelsStillNeeded(examples.length, new Set(examples.map((e) => e.label)).size, DEFAULT_FOLDS) > 0) continue;
    model = shouldAdopt(crossValidate(examples, DEFAULT_FOLDS)).adopt ? trainSentimentModel(examples) : null;
  }
  return labelled;
}

/** --active: the trained figure after 100, 200 and 500 labels, labelled from the to-review list or in random order. */
function activeMode(args: Args): void {
  for (const file of args.files) {
    const rows = selectHalf(readRows(file), args.half);
    const examples = rows.map(exampleOf);
    const gold = rows.map((row) => row.label);
    const seeds = args.seed === undefined ? ACTIVE_FOLD_SEEDS : [args.seed];
    const figures: Record<LabelOrder, number[][]> = { random: ACTIVE_SIZES.map(() => []), review: ACTIVE_SIZES.map(() => []) };
    for (const seed of seeds) {
      const folds = stratifiedFolds(gold, args.folds, seed);
      for (let fold = 0; fold < args.folds; fold++) {
        const pool = examples.filter((_, i) => folds[i] !== fold);
        const test = examples.filter((_, i) => folds[i] === fold);
        for (const order of ['random', 'review'] as const) {
          const labelled = labellingOrder(pool, order, Math.max(...ACTIVE_SIZES), seed + fold);
          ACTIVE_SIZES.forEach((size, s) => {
            const model = trainSentimentModel(labelled.slice(0, size).map((i) => pool[i]));
            figures[order][s].push(classificationScores(test.map((e) => e.label), test.map((e) => predictWith(model, e))).macroF1);
          });
        }
      }
    }
    const mean = (xs: number[]): number => Math.round((100 * xs.reduce((a, b) => a + b, 0)) / xs.length) / 100;
    const random = figures.random.map(mean);
    const review = figures.review.map(mean);
    const vigie = classificationScores(gold, examples.map((example) => example.lexicon!.label)).macroF1;
    if (args.json) console.log(JSON.stringify({ file: basename(file), half: args.half, rows: rows.length, mode: 'active', vigie, sizes: ACTIVE_SIZES, runs: seeds.length * args.folds, random, review }));
    else {
      console.log(`\n${basename(file)}: labelling the to-review list against random order (${args.folds}-fold, fold seeds ${seeds.join(', ')}; mean of ${seeds.length * args.folds} runs; vigie default ${vigie.toFixed(1)})`);
      console.log('    labels   random order   to-review list   difference');
      ACTIVE_SIZES.forEach((size, s) => console.log(`${String(size).padStart(10)}${random[s].toFixed(2).padStart(15)}${review[s].toFixed(2).padStart(17)}${fmtDelta(Math.round(100 * (review[s] - random[s])) / 100, 2).padStart(13)}`));
    }
  }
}

/** The default scorer's labels with some rules switched off (same steps as scoreText). */
function labelsWithout(rows: Row[], off: ReadonlySet<SentimentRule>): SentimentLabel[] {
  return rows.map((row) => {
    const masked = maskerFor(row.airline ? [row.airline] : [])(row.text);
    const tokens = tokenizePost(masked);
    return scoreTokens(tokens, languageOfTokens(tokens, masked, row.lang).lang, off).label;
  });
}

/**
 * --ablation [rule,...]: for each rule, what switching it off does to macro-F1 on each half of each file. A rule
 * carries when it helps (full > without) on both halves of every file it touches and hurts none.
 */
function ablationMode(args: Args): void {
  const columns: { name: string; rows: Row[]; index: number[][] }[] = [];
  for (const file of args.files) {
    const rows = readRows(file);
    const byHalf = (half: Half): number[] => {
      const chosen = new Set(selectHalf(rows.map((_, i) => i), half));
      return rows.map((_, i) => i).filter((i) => chosen.has(i));
    };
    columns.push({ name: basename(file).replace('.dev.jsonl', ''), rows, index: [byHalf('tune'), byHalf('test')] });
  }
  const halfF1 = (rows: Row[], labels: SentimentLabel[], index: number[]): number =>
    classificationScores(index.map((i) => rows[i].label), index.map((i) => labels[i])).macroF1;
  const full = columns.map((col) => {
    const labels = labelsWithout(col.rows, new Set());
    return col.index.map((index) => halfF1(col.rows, labels, index));
  });
  const header = `  ${'rule'.padEnd(26)}${columns.map((col) => `${col.name} tune`.padStart(22) + 'test'.padStart(7)).join('')}  verdict`;
  if (!args.json) {
    console.log(`\nablation: macro-F1 with every rule minus macro-F1 without the rule (positive = the rule helps)`);
    console.log(`  ${'all rules'.padEnd(26)}${full.map(([tune, test]) => tune.toFixed(1).padStart(22) + test.toFixed(1).padStart(7)).join('')}`);
    console.log(header);
  }
  for (const rule of args.rules) {
    const deltas = columns.map((col, c) => {
      const labels = labelsWithout(col.rows, new Set([rule]));
      return col.index.map((index, h) => Math.round(10 * (full[c][h] - halfF1(col.rows, labels, index))) / 10);
    });
    const all = deltas.flat();
    const verdict = all.every((d) => d === 0) ? 'no effect' : all.some((d) => d < 0) ? 'hurts somewhere' : 'carries';
    if (args.json) console.log(JSON.stringify({ mode: 'ablation', rule, deltas: Object.fromEntries(columns.map((col, c) => [col.name, { tune: deltas[c][0], test: deltas[c][1] }])), verdict }));
    else console.log(`  ${rule.padEnd(26)}${deltas.map(([tune, test]) => fmtDelta(tune).padStart(22) + fmtDelta(test).padStart(7)).join('')}  ${verdict}`);
  }
}

const fmtDelta = (d: number, digits = 1): string => (d > 0 ? `+${d.toFixed(digits)}` : d.toFixed(digits));

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.mode === 'curve') return curveMode(args);
  if (args.mode === 'active') return activeMode(args);
  if (args.mode === 'ablation') return ablationMode(args);
  const predictors = baselinePredictors();
  if (args.mode === 'train') return trainMode(args, predictors);
  if (args.mode === 'cv') return cvMode(args, predictors);
  if (args.mode === 'airlines') return airlinesMode(args, predictors);
  for (const file of args.files) {
    const rows = selectHalf(readRows(file), args.half);
    report(basename(file), rows, args.half, predictors, {}, args);
  }
}

main();
