// k-fold cross-validation of the trained model against the lexicon scorer on the same labels, and the adoption rule.
import type { SentimentLabel } from '../../domain/mention.js';
import { tokenizePost } from '../lexicon.js';
import { stratifiedFolds } from './folds.js';
import { classificationScores, type ClassificationScores } from './metrics.js';
import { lexiconOf, MIN_EXAMPLES_PER_LANGUAGE, modelLanguage, predictSentiment, trainSentimentModel, type SentimentExample, type TrainOptions } from './sentiment-model.js';

export interface LanguageComparison {
  n: number;
  lexiconMacroF1: number;
  trainedMacroF1: number;
}

export interface CrossValidation {
  n: number;
  k: number;
  lexiconMacroF1: number;
  trainedMacroF1: number;
  lexicon: ClassificationScores;
  trained: ClassificationScores;
  perLanguage: Record<string, LanguageComparison>;
  /** Out-of-fold prediction of each example, in input order (for confusion matrices and error lists). */
  predictions: SentimentLabel[];
}

export interface CrossValidateOptions extends TrainOptions {
  seed?: number;
}

export const DEFAULT_FOLDS = 5;
const FOLD_SEED = 4242;

/** A language's labels must hold at least two tones to train and compare on. */
export const MIN_TONES_TO_TRAIN = 2;

/** Labels a language needs before it is trained: the model's minimum, and two per fold so every fold scores a few. */
export const labelsNeededToTrain = (folds: number): number => Math.max(MIN_EXAMPLES_PER_LANGUAGE, folds * 2);

/**
 * Labels still to give before a language with `labels` labels in `tones` tones can be trained (0: it can): training
 * skips the language until then, and the Labels page says how many are left. All of one tone: one more of another.
 */
export const labelsStillNeeded = (labels: number, tones: number, folds: number): number =>
  Math.max(labelsNeededToTrain(folds) - labels, tones < MIN_TONES_TO_TRAIN ? 1 : 0, 0);

/**
 * Trains k models, each on all folds but one, and scores the held-out fold with it; the lexicon is scored on the same
 * examples. Both figures come from the same labels, so they can be compared directly.
 */
export function crossValidate(examples: readonly SentimentExample[], k = DEFAULT_FOLDS, opts: CrossValidateOptions = {}): CrossValidation {
  const prepared = examples.map((example) => ({ ...example, lexicon: example.lexicon ?? lexiconOf(tokenizePost(example.text), example.lang) }));
  const folds = stratifiedFolds(
    prepared.map((example) => `${modelLanguage(example.lang)}:${example.label}`),
    k,
    opts.seed ?? FOLD_SEED,
  );
  const predictions = new Array<SentimentLabel>(prepared.length);
  for (let fold = 0; fold < k; fold++) {
    const model = trainSentimentModel(prepared.filter((_, i) => folds[i] !== fold), opts);
    prepared.forEach((example, i) => {
      if (folds[i] === fold) predictions[i] = predictSentiment(model, example.text, example.lang, example.lexicon).label;
    });
  }
  const gold = prepared.map((example) => example.label);
  const lexiconLabels = prepared.map((example) => example.lexicon.label);
  const lexicon = classificationScores(gold, lexiconLabels);
  const trained = classificationScores(gold, predictions);
  const perLanguage: Record<string, LanguageComparison> = {};
  for (const lang of [...new Set(prepared.map((example) => modelLanguage(example.lang)))].sort()) {
    const rows = prepared.map((_, i) => i).filter((i) => modelLanguage(prepared[i].lang) === lang);
    perLanguage[lang] = {
      n: rows.length,
      lexiconMacroF1: classificationScores(rows.map((i) => gold[i]), rows.map((i) => lexiconLabels[i])).macroF1,
      trainedMacroF1: classificationScores(rows.map((i) => gold[i]), rows.map((i) => predictions[i])).macroF1,
    };
  }
  return { n: prepared.length, k, lexiconMacroF1: lexicon.macroF1, trainedMacroF1: trained.macroF1, lexicon, trained, perLanguage, predictions };
}

export interface AdoptionDecision {
  adopt: boolean;
  /** Languages whose trained figure beats the lexicon's: the model is used for these only. */
  languages: string[];
  reason: string;
}

/** A model is adopted only where its cross-validated macro-F1 beats the lexicon's on the same labels. */
export function shouldAdopt(cv: CrossValidation, minGain = 0): AdoptionDecision {
  const languages = Object.entries(cv.perLanguage)
    .filter(([, figures]) => figures.trainedMacroF1 > figures.lexiconMacroF1 + minGain)
    .map(([lang]) => lang);
  const adopt = cv.trainedMacroF1 > cv.lexiconMacroF1 + minGain && languages.length > 0;
  const summary = `on ${cv.n} labelled mentions: lexicon ${cv.lexiconMacroF1.toFixed(1)}, trained ${cv.trainedMacroF1.toFixed(1)} macro-F1 (${cv.k}-fold)`;
  return {
    adopt,
    languages: adopt ? languages : [],
    reason: adopt ? `adopted ${summary}` : `kept the lexicon: ${summary}`,
  };
}
