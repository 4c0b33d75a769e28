// The versioned JSON form of trained models (sentiment and tags), for the database and for files: compact (only the
// weights that are not zero, base64) and checked on the way in, with an error that names the bad field.
import type { SentimentLabel } from '../../domain/mention.js';
import { SENTIMENT_LABELS } from './metrics.js';
import type { LanguageModel, SentimentModel } from './sentiment-model.js';
import type { SoftmaxWeights } from './softmax-regression.js';
import { DEFAULT_FEATURE_OPTIONS, featureWidth, type FeatureOptions } from './text-features.js';

export const SENTIMENT_MODEL_FORMAT = 'vigie-sentiment-model';
export const MODEL_FORMAT_VERSION = 1;

/** Weights as stored: the rows (features) with a weight that is not zero, and their weights, both base64. */
export interface StoredWeights {
  classes: number;
  bias: number[];
  /** Int32 little-endian feature indices, base64. */
  rows: string;
  /** Float32 little-endian weights, `classes` per row, base64. */
  values: string;
}

export interface StoredSentimentModel {
  format: typeof SENTIMENT_MODEL_FORMAT;
  version: number;
  features: FeatureOptions;
  labels: SentimentLabel[];
  languages: Record<string, { examples: number; classCounts: Record<SentimentLabel, number>; weights: StoredWeights }>;
}

export class ModelFormatError extends Error {
  constructor(path: string, expected: string, got: unknown) {
    const shown = got === undefined ? 'nothing' : typeof got === 'string' ? `"${got.slice(0, 40)}"` : typeof got === 'object' ? (got === null ? 'null' : Array.isArray(got) ? 'an array' : 'an object') : String(got);
    super(`invalid model: ${path}: expected ${expected}, got ${shown}`);
    this.name = 'ModelFormatError';
  }
}

const toBase64 = (array: Int32Array | Float32Array): string => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');

function fromBase64<T extends Int32Array | Float32Array>(text: string, make: (buffer: ArrayBuffer) => T, path: string): T {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0) throw new ModelFormatError(path, 'base64 of 4-byte numbers', `${bytes.length} bytes`);
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return make(copy);
}

export function storeWeights(weights: SoftmaxWeights): StoredWeights {
  const { classes } = weights;
  const rows: number[] = [];
  for (let row = 0; row < weights.width; row++) {
    for (let c = 0; c < classes; c++) {
      if (weights.weights[row * classes + c] !== 0) {
        rows.push(row);
        break;
      }
    }
  }
  const values = new Float32Array(rows.length * classes);
  rows.forEach((row, k) => values.set(weights.weights.subarray(row * classes, row * classes + classes), k * classes));
  return { classes, bias: Array.from(weights.bias), rows: toBase64(Int32Array.from(rows)), values: toBase64(values) };
}

export function loadWeights(stored: unknown, width: number, path: string): SoftmaxWeights {
  const record = objectAt(stored, path);
  const classes = record.classes;
  if (typeof classes !== 'number' || !Number.isInteger(classes) || classes < 1 || classes > 64) throw new ModelFormatError(`${path}.classes`, 'an integer from 1 to 64', classes);
  const bias = record.bias;
  if (!Array.isArray(bias) || bias.length !== classes || !bias.every((b) => typeof b === 'number' && Number.isFinite(b))) {
    throw new ModelFormatError(`${path}.bias`, `${classes} finite numbers`, bias);
  }
  if (typeof record.rows !== 'string') throw new ModelFormatError(`${path}.rows`, 'a base64 string', record.rows);
  if (typeof record.values !== 'string') throw new ModelFormatError(`${path}.values`, 'a base64 string', record.values);
  const rows = fromBase64(record.rows, (b) => new Int32Array(b), `${path}.rows`);
  const values = fromBase64(record.values, (b) => new Float32Array(b), `${path}.values`);
  if (values.length !== rows.length * classes) throw new ModelFormatError(`${path}.values`, `${rows.length * classes} weights (${classes} per row)`, `${values.length}`);
  const weights = new Float32Array(width * classes);
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    if (row < 0 || row >= width) throw new ModelFormatError(`${path}.rows[${k}]`, `a feature index below ${width}`, row);
    for (let c = 0; c < classes; c++) {
      const value = values[k * classes + c];
      if (!Number.isFinite(value)) throw new ModelFormatError(`${path}.values[${k * classes + c}]`, 'a finite number', value);
      weights[row * classes + c] = value;
    }
  }
  return { classes, width, weights, bias: Float32Array.from(bias as number[]) };
}

function objectAt(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ModelFormatError(path, 'an object', value);
  return value as Record<string, unknown>;
}

export function loadFeatureOptions(value: unknown, path: string): FeatureOptions {
  const record = objectAt(value, path);
  const integer = (key: keyof FeatureOptions, min: number, max: number): number => {
    const v = record[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new ModelFormatError(`${path}.${key}`, `an integer from ${min} to ${max}`, v);
    return v;
  };
  const flag = (key: keyof FeatureOptions): boolean => {
    const v = record[key];
    if (typeof v !== 'boolean') throw new ModelFormatError(`${path}.${key}`, 'true or false', v);
    return v;
  };
  const weight = (key: keyof FeatureOptions): number => {
    const v = record[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new ModelFormatError(`${path}.${key}`, 'a number of 0 or more', v);
    return v;
  };
  const options: FeatureOptions = {
    hashBits: integer('hashBits', 8, 24),
    charMin: integer('charMin', 1, 8),
    charMax: integer('charMax', 1, 8),
    wordWeight: weight('wordWeight'),
    charWeight: weight('charWeight'),
    lexiconWeight: weight('lexiconWeight'),
    // Added after format version 1 shipped: a model stored without them was trained with both off.
    stems: record.stems === undefined ? DEFAULT_FEATURE_OPTIONS.stems : flag('stems'),
    publishedLexiconWeight: record.publishedLexiconWeight === undefined ? DEFAULT_FEATURE_OPTIONS.publishedLexiconWeight : weight('publishedLexiconWeight'),
  };
  if (options.charMax < options.charMin) throw new ModelFormatError(`${path}.charMax`, `at least charMin (${options.charMin})`, options.charMax);
  return options;
}

export function checkHeader(value: unknown, format: string): Record<string, unknown> {
  const record = objectAt(value, 'model');
  if (record.format !== format) throw new ModelFormatError('model.format', `"${format}"`, record.format);
  if (record.version !== MODEL_FORMAT_VERSION) {
    throw new ModelFormatError('model.version', `${MODEL_FORMAT_VERSION} (this version of Vigie reads format version ${MODEL_FORMAT_VERSION} only; retrain with \`vigie train\`)`, record.version);
  }
  return record;
}

/** The JSON text of a sentiment model. */
export function serializeModel(model: SentimentModel): string {
  const stored: StoredSentimentModel = {
    format: SENTIMENT_MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    features: model.features,
    labels: [...model.labels],
    languages: Object.fromEntries(
      Object.entries(model.languages).map(([lang, m]) => [lang, { examples: m.examples, classCounts: m.classCounts, weights: storeWeights(m.weights) }]),
    ),
  };
  return JSON.stringify(stored);
}

/** Reads a sentiment model from its JSON text (or parsed JSON); throws ModelFormatError naming the bad field. */
export function parseModel(input: string | unknown): SentimentModel {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new Error(`invalid model: not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const record = checkHeader(value, SENTIMENT_MODEL_FORMAT);
  const features = loadFeatureOptions(record.features, 'model.features');
  const labels = record.labels;
  if (!Array.isArray(labels) || labels.length !== SENTIMENT_LABELS.length || labels.some((l, i) => l !== SENTIMENT_LABELS[i])) {
    throw new ModelFormatError('model.labels', `["${SENTIMENT_LABELS.join('", "')}"]`, labels);
  }
  const languagesRecord = objectAt(record.languages, 'model.languages');
  const languages: Record<string, LanguageModel> = {};
  const width = featureWidth(features);
  for (const [lang, entry] of Object.entries(languagesRecord)) {
    const path = `model.languages.${lang}`;
    const m = objectAt(entry, path);
    if (typeof m.examples !== 'number' || !Number.isInteger(m.examples) || m.examples < 0) throw new ModelFormatError(`${path}.examples`, 'a count', m.examples);
    const counts = objectAt(m.classCounts, `${path}.classCounts`);
    const classCounts = {} as Record<SentimentLabel, number>;
    for (const label of SENTIMENT_LABELS) {
      const count = counts[label];
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw new ModelFormatError(`${path}.classCounts.${label}`, 'a count', count);
      classCounts[label] = count;
    }
    const weights = loadWeights(m.weights, width, `${path}.weights`);
    if (weights.classes !== SENTIMENT_LABELS.length) throw new ModelFormatError(`${path}.weights.classes`, String(SENTIMENT_LABELS.length), weights.classes);
    languages[lang] = { examples: m.examples, classCounts, weights };
  }
  return { features, labels: SENTIMENT_LABELS, languages };
}
