// Naive Bayes log-count ratios of hashed features (Wang & Manning 2012, "NB-SVM"): how much more often a feature occurs
// in one class's posts than in the others'. Used to scale the regression's inputs, a strong prior on small label sets.
import type { FeatureVector } from './text-features.js';

export interface RatioOptions {
  /** Additive smoothing of the counts. */
  alpha: number;
  /** Interpolation: scale = (1 - mix) + mix * |ratio|. 0 leaves the inputs as they are, 1 is plain NB-SVM. */
  mix: number;
}

/**
 * One multiplier per feature and class (index feature * classes + class), one class against the rest, from the
 * presence (not the count) of each feature in each example. Features from `denseFrom` on keep 1: they are not
 * occurrence counts.
 */
export function logCountRatioScale(xs: readonly FeatureVector[], ys: readonly number[], classes: number, width: number, denseFrom: number, opts: RatioOptions): Float32Array {
  const counts = new Float32Array(width * classes);
  const seen = new Uint8Array(width);
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    for (const j of xs[i].indices) {
      if (j >= denseFrom) continue;
      counts[j * classes + y] += 1;
      seen[j] = 1;
    }
  }
  const totals = new Float64Array(classes);
  let vocabulary = 0;
  for (let j = 0; j < denseFrom; j++) {
    if (!seen[j]) continue;
    vocabulary++;
    for (let c = 0; c < classes; c++) totals[c] += counts[j * classes + c];
  }
  const all = totals.reduce((a, b) => a + b, 0);
  const scale = new Float32Array(width * classes).fill(1);
  for (let j = 0; j < denseFrom; j++) {
    if (!seen[j]) continue;
    let row = 0;
    for (let c = 0; c < classes; c++) row += counts[j * classes + c];
    for (let c = 0; c < classes; c++) {
      const inClass = (counts[j * classes + c] + opts.alpha) / (totals[c] + opts.alpha * vocabulary);
      const rest = (row - counts[j * classes + c] + opts.alpha) / (all - totals[c] + opts.alpha * vocabulary);
      scale[j * classes + c] = 1 - opts.mix + opts.mix * Math.abs(Math.log(inClass / rest));
    }
  }
  return scale;
}
