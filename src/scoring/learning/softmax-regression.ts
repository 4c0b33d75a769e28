// Multinomial logistic regression over sparse vectors, trained with AdaGrad and L2: small, fast, deterministic.
import { seededRandom, shuffledCopy } from './seeded-random.js';
import type { FeatureVector } from './text-features.js';

export interface RegressionOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty, applied to the weights an example touches (lazy regularisation keeps each step sparse). */
  l2: number;
  /** Weigh each class by the inverse of its frequency: macro-F1 rewards the rare classes as much as the common one. */
  balanceClasses: boolean;
  seed: number;
  /**
   * Features from this index on are not penalised: the few dense features every example carries (the lexicon's
   * verdict) would otherwise be shrunk at every step, far more than any rare n-gram, the opposite of what L2 is for.
   */
  penaltyFreeFrom?: number;
  /** Starting weights (feature, class, value): lets training start from the lexicon's verdict instead of from nothing. */
  initialWeights?: readonly (readonly [feature: number, klass: number, value: number])[];
  /**
   * Per feature and class multipliers of the inputs (index feature * classes + class), e.g. naive Bayes log-count
   * ratios (NB-SVM): training sees x * scale, and the returned weights have the scale folded in, so prediction reads
   * plain inputs at no extra cost.
   */
  featureScale?: Float32Array;
}

/**
 * Chosen by 5-fold cross-validation on the three dev files (bench/eval-sentiment.ts --cv): a strong per-touch L2 and few
 * epochs, because a few thousand labels are easily memorised by n-grams; 1e-4 and 12 epochs lost 1 to 3 points on each.
 */
export const DEFAULT_REGRESSION_OPTIONS: RegressionOptions = { epochs: 5, learningRate: 0.3, l2: 3e-3, balanceClasses: true, seed: 17 };

export interface SoftmaxWeights {
  classes: number;
  width: number;
  /** weights[feature * classes + class] */
  weights: Float32Array;
  bias: Float32Array;
}

/** Class scores (logits) of one vector, written into `out`. */
export function logits(model: SoftmaxWeights, x: FeatureVector, out: Float64Array): void {
  const { classes, weights, bias } = model;
  for (let c = 0; c < classes; c++) out[c] = bias[c];
  const { indices, values } = x;
  for (let j = 0; j < indices.length; j++) {
    const base = indices[j] * classes;
    const v = values[j];
    for (let c = 0; c < classes; c++) out[c] += weights[base + c] * v;
  }
}

/** In-place softmax, stable against large logits. */
export function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (let c = 0; c < z.length; c++) if (z[c] > max) max = z[c];
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c] - max);
    sum += z[c];
  }
  for (let c = 0; c < z.length; c++) z[c] /= sum;
}

/** Fits weights to (vector, class index) pairs. The same inputs and seed give the same weights, bit for bit. */
export function trainSoftmax(xs: readonly FeatureVector[], ys: readonly number[], classes: number, width: number, opts: RegressionOptions): SoftmaxWeights {
  if (xs.length !== ys.length) throw new Error(`trainSoftmax: ${xs.length} vectors but ${ys.length} labels`);
  const weights = new Float32Array(width * classes);
  const squared = new Float32Array(width * classes);
  const bias = new Float32Array(classes);
  for (const [feature, klass, value] of opts.initialWeights ?? []) weights[feature * classes + klass] = value;
  const biasSquared = new Float32Array(classes);
  const counts = new Array<number>(classes).fill(0);
  for (const y of ys) counts[y]++;
  const present = counts.filter((n) => n > 0).length;
  const classWeight = counts.map((n) => (opts.balanceClasses && n > 0 ? xs.length / (present * n) : 1));
  const model: SoftmaxWeights = { classes, width, weights, bias };
  const random = seededRandom(opts.seed);
  const order = ys.map((_, i) => i);
  const p = new Float64Array(classes);
  const gradient = new Float64Array(classes);
  const eps = 1e-8;
  const penaltyFreeFrom = opts.penaltyFreeFrom ?? width;
  const scale = opts.featureScale;
  const scaled: SoftmaxWeights = scale ? { ...model, weights: new Float32Array(weights.length) } : model;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (const i of shuffledCopy(order, random)) {
      const x = xs[i];
      if (scale) for (const j of x.indices) for (let c = 0; c < classes; c++) scaled.weights[j * classes + c] = weights[j * classes + c] * scale[j * classes + c];
      logits(scaled, x, p);
      softmaxInPlace(p);
      for (let c = 0; c < classes; c++) gradient[c] = (p[c] - (c === ys[i] ? 1 : 0)) * classWeight[ys[i]];
      for (let c = 0; c < classes; c++) {
        biasSquared[c] += gradient[c] * gradient[c];
        bias[c] -= (opts.learningRate * gradient[c]) / Math.sqrt(biasSquared[c] + eps);
      }
      const { indices, values } = x;
      for (let j = 0; j < indices.length; j++) {
        const base = indices[j] * classes;
        const v = values[j];
        const l2 = indices[j] >= penaltyFreeFrom ? 0 : opts.l2;
        for (let c = 0; c < classes; c++) {
          const k = base + c;
          const g = gradient[c] * v * (scale ? scale[k] : 1) + l2 * weights[k];
          squared[k] += g * g;
          weights[k] -= (opts.learningRate * g) / Math.sqrt(squared[k] + eps);
        }
      }
    }
  }
  if (scale) for (let k = 0; k < weights.length; k++) weights[k] *= scale[k];
  return model;
}
