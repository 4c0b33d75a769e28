// Custom tags ("delivery", "price", "product defect") learnt from a few labelled mentions: one yes/no regression per
// tag over the same features as sentiment, each with the decision threshold that cross-validation found best.
import { tokenizePost } from '../lexicon.js';
import type { Token } from '../tokenizer.js';
import { stratifiedFolds } from './folds.js';
import { binaryF1 } from './metrics.js';
import { checkHeader, loadFeatureOptions, loadWeights, MODEL_FORMAT_VERSION, ModelFormatError, storeWeights, type StoredWeights } from './model-format.js';
import { lexiconOf } from './sentiment-model.js';
import { DEFAULT_REGRESSION_OPTIONS, logits, softmaxInPlace, trainSoftmax, type RegressionOptions, type SoftmaxWeights } from './softmax-regression.js';
import { DEFAULT_FEATURE_OPTIONS, featureWidth, featuresOfTokens, type FeatureOptions, type FeatureVector } from './text-features.js';

export interface TagExample {
  text: string;
  lang: string;
  /** The tags a person gave this mention; none means "none of the tags". */
  tags: readonly string[];
}

export interface TagClassifier {
  name: string;
  /** Probability at or above which the tag is given. */
  threshold: number;
  examples: number;
  positives: number;
  /** Out-of-fold F1 (0..1) at that threshold; null when too few positives to measure. */
  cvF1: number | null;
  weights: SoftmaxWeights;
}

export interface TagModel {
  features: FeatureOptions;
  tags: TagClassifier[];
}

export interface TagTrainOptions {
  features?: Partial<FeatureOptions>;
  regression?: Partial<RegressionOptions>;
  folds?: number;
  seed?: number;
}

/** Below this many positive examples a tag is not learnt: a classifier from two examples tags noise. */
export const MIN_TAG_POSITIVES = 3;
const DEFAULT_THRESHOLD = 0.5;
const THRESHOLD_GRID = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];

function probabilityOf(weights: SoftmaxWeights, x: FeatureVector, scratch: Float64Array): number {
  logits(weights, x, scratch);
  softmaxInPlace(scratch);
  return scratch[1];
}

/** The threshold with the best out-of-fold F1; ties go to the one nearest 0.5 (the least tuned). */
function bestThreshold(gold: boolean[], probabilities: number[]): { threshold: number; f1: number } {
  let best = { threshold: DEFAULT_THRESHOLD, f1: -1 };
  for (const threshold of THRESHOLD_GRID) {
    const f1 = binaryF1(gold, probabilities.map((p) => p >= threshold));
    const closer = Math.abs(threshold - 0.5) < Math.abs(best.threshold - 0.5);
    if (f1 > best.f1 || (f1 === best.f1 && closer)) best = { threshold, f1 };
  }
  return best;
}

export function trainTagClassifier(examples: readonly TagExample[], tagNames: readonly string[], opts: TagTrainOptions = {}): TagModel {
  const features = { ...DEFAULT_FEATURE_OPTIONS, ...opts.features };
  const regression = { ...DEFAULT_REGRESSION_OPTIONS, ...opts.regression };
  const width = featureWidth(features);
  const xs = examples.map((example) => {
    const tokens = tokenizePost(example.text);
    return featuresOfTokens(tokens, example.lang, lexiconOf(tokens, example.lang), features);
  });
  const scratch = new Float64Array(2);
  const tags: TagClassifier[] = [];
  for (const name of [...new Set(tagNames)]) {
    const gold = examples.map((example) => example.tags.includes(name));
    const ys: number[] = gold.map((g) => (g ? 1 : 0));
    const positives = ys.reduce((a, b) => a + b, 0);
    if (positives < MIN_TAG_POSITIVES || positives === examples.length) continue;
    const k = Math.min(opts.folds ?? 5, positives, examples.length - positives);
    let threshold = DEFAULT_THRESHOLD;
    let cvF1: number | null = null;
    if (k >= 2) {
      const folds = stratifiedFolds(ys.map(String), k, opts.seed ?? 99);
      const outOfFold = new Array<number>(examples.length).fill(0);
      for (let fold = 0; fold < k; fold++) {
        const train = xs.map((_, i) => i).filter((i) => folds[i] !== fold);
        const weights = trainSoftmax(train.map((i) => xs[i]), train.map((i) => ys[i]), 2, width, regression);
        xs.forEach((x, i) => {
          if (folds[i] === fold) outOfFold[i] = probabilityOf(weights, x, scratch);
        });
      }
      ({ threshold, f1: cvF1 } = bestThreshold(gold, outOfFold));
    }
    const weights = trainSoftmax(xs, ys, 2, width, regression);
    tags.push({ name, threshold, examples: examples.length, positives, cvF1, weights });
  }
  return { features, tags };
}

/** Each learnt tag's probability for a tokenized post. */
export function tagProbabilitiesOfTokens(model: TagModel, tokens: Token[], lang: string): Record<string, number> {
  const x = featuresOfTokens(tokens, lang, lexiconOf(tokens, lang), model.features);
  const scratch = new Float64Array(2);
  return Object.fromEntries(model.tags.map((tag) => [tag.name, probabilityOf(tag.weights, x, scratch)]));
}

/** The tags a post gets: every learnt tag whose probability reaches its threshold. */
export function predictTags(model: TagModel, text: string, lang: string): string[] {
  if (model.tags.length === 0) return [];
  const probabilities = tagProbabilitiesOfTokens(model, tokenizePost(text), lang);
  return model.tags.filter((tag) => probabilities[tag.name] >= tag.threshold).map((tag) => tag.name);
}

export const TAG_MODEL_FORMAT = 'vigie-tag-model';

interface StoredTag {
  name: string;
  threshold: number;
  examples: number;
  positives: number;
  cvF1: number | null;
  weights: StoredWeights;
}

export function serializeTagModel(model: TagModel): string {
  return JSON.stringify({
    format: TAG_MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    features: model.features,
    tags: model.tags.map((tag): StoredTag => ({ name: tag.name, threshold: tag.threshold, examples: tag.examples, positives: tag.positives, cvF1: tag.cvF1, weights: storeWeights(tag.weights) })),
  });
}

export function parseTagModel(input: string | unknown): TagModel {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new Error(`invalid tag model: not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const record = checkHeader(value, TAG_MODEL_FORMAT);
  const features = loadFeatureOptions(record.features, 'model.features');
  if (!Array.isArray(record.tags)) throw new ModelFormatError('model.tags', 'an array', record.tags);
  const width = featureWidth(features);
  const tags = record.tags.map((entry: unknown, i: number): TagClassifier => {
    const path = `model.tags[${i}]`;
    if (typeof entry !== 'object' || entry === null) throw new ModelFormatError(path, 'an object', entry);
    const tag = entry as Record<string, unknown>;
    if (typeof tag.name !== 'string' || tag.name.length === 0) throw new ModelFormatError(`${path}.name`, 'a tag name', tag.name);
    if (typeof tag.threshold !== 'number' || !(tag.threshold > 0 && tag.threshold < 1)) throw new ModelFormatError(`${path}.threshold`, 'a number between 0 and 1', tag.threshold);
    for (const key of ['examples', 'positives'] as const) {
      const n = tag[key];
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new ModelFormatError(`${path}.${key}`, 'a count', n);
    }
    if (tag.cvF1 !== null && typeof tag.cvF1 !== 'number') throw new ModelFormatError(`${path}.cvF1`, 'a number or null', tag.cvF1);
    const weights = loadWeights(tag.weights, width, `${path}.weights`);
    if (weights.classes !== 2) throw new ModelFormatError(`${path}.weights.classes`, '2', weights.classes);
    return { name: tag.name, threshold: tag.threshold, examples: tag.examples as number, positives: tag.positives as number, cvF1: tag.cvF1 as number | null, weights };
  });
  return { features, tags };
}
