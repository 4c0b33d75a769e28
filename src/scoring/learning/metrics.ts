// Macro-F1 and per-class F1: the figure every sentiment comparison in Vigie reports (accuracy misleads on skewed labels).
import type { SentimentLabel } from '../../domain/mention.js';

export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

export interface ClassificationScores {
  /** Mean of the per-class F1, in percent. */
  macroF1: number;
  accuracy: number;
  f1: Record<SentimentLabel, number>;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Scores predictions against gold labels, in percent with one decimal. A class absent from both counts as F1 0. */
export function classificationScores(gold: readonly SentimentLabel[], predicted: readonly SentimentLabel[]): ClassificationScores {
  if (gold.length !== predicted.length) throw new Error(`classificationScores: ${gold.length} gold labels but ${predicted.length} predictions`);
  const f1 = {} as Record<SentimentLabel, number>;
  for (const label of SENTIMENT_LABELS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === label && gold[i] === label) tp++;
      else if (predicted[i] === label) fp++;
      else if (gold[i] === label) fn++;
    }
    f1[label] = tp === 0 ? 0 : (200 * tp) / (2 * tp + fp + fn);
  }
  let correct = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  return {
    macroF1: round1((f1.negative + f1.neutral + f1.positive) / 3),
    accuracy: gold.length === 0 ? 0 : round1((100 * correct) / gold.length),
    f1: { negative: round1(f1.negative), neutral: round1(f1.neutral), positive: round1(f1.positive) },
  };
}

/** Binary F1 (0..1) of a yes/no decision, for tag thresholds. */
export function binaryF1(gold: readonly boolean[], predicted: readonly boolean[]): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (predicted[i] && gold[i]) tp++;
    else if (predicted[i]) fp++;
    else if (gold[i]) fn++;
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}
