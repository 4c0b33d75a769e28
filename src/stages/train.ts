// Training from the team's labels: per language, k-fold cross-validation against the lexicon, a new model version
// stored with its figures, adopted only where it beats the lexicon; the tag classifier from the tagged mentions.
import type { Logger } from 'pino';
import type { VigieConfig } from '../config/load-config.js';
import { labelsNeededToTrain, labelsStillNeeded, MIN_TAG_POSITIVES, MIN_TONES_TO_TRAIN, serializeModel, serializeTagModel, shouldAdopt, type SentimentExample } from '../scoring/learning/index.js';
import { modelLanguage } from '../scoring/learning/sentiment-model.js';
import type { Store } from '../store/database.js';
import { countLabels, labelledMentions } from '../store/label-repository.js';
import { lastTrainedAt, saveModel, type ModelInfo } from '../store/model-repository.js';
import { listTags, tagExamples } from '../store/tag-repository.js';
import { trainOffThread } from './off-thread-training.js';

export interface LanguageOutcome {
  lang: string;
  labels: number;
  /** Set when a model was trained and stored (adopted or not). */
  model?: ModelInfo;
  /** The adoption sentence, or why nothing was trained. */
  reason: string;
}

export interface TrainOutcome {
  sentiment: LanguageOutcome[];
  tags: { model?: ModelInfo; reason: string };
}

export interface TrainOptions {
  by: string;
  now: number;
  maskText: (text: string) => string;
  folds: number;
  logger?: Logger;
}

async function sentimentExamples(store: Store, maskText: (t: string) => string): Promise<Map<string, SentimentExample[]>> {
  const byLang = new Map<string, SentimentExample[]>();
  for await (const page of labelledMentions(store.db)) {
    for (const l of page) {
      const lang = modelLanguage(l.lang);
      const list = byLang.get(lang) ?? [];
      list.push({ text: maskText(l.text), lang, label: l.label });
      byLang.set(lang, list);
    }
  }
  return byLang;
}

export async function trainFromLabels(store: Store, opts: TrainOptions): Promise<TrainOutcome> {
  const sentiment: LanguageOutcome[] = [];
  for (const [lang, examples] of [...(await sentimentExamples(store, opts.maskText))].sort(([a], [b]) => a.localeCompare(b))) {
    const classes = new Set(examples.map((e) => e.label)).size;
    if (labelsStillNeeded(examples.length, classes, opts.folds) > 0) {
      sentiment.push({ lang, labels: examples.length, reason: `not trained: ${examples.length} labels in ${classes} tone(s); at least ${labelsNeededToTrain(opts.folds)} labels in ${MIN_TONES_TO_TRAIN} tones are needed` });
      continue;
    }
    const { cv, model } = await trainOffThread({ kind: 'sentiment', examples, folds: opts.folds });
    const decision = shouldAdopt(cv);
    const info = await saveModel(store.db, {
      kind: 'sentiment',
      lang,
      createdBy: opts.by,
      createdAt: opts.now,
      labels: examples.length,
      cvMacroF1: cv.trainedMacroF1,
      lexiconMacroF1: cv.lexiconMacroF1,
      adopted: decision.adopt,
      metrics: { folds: cv.k, lexicon: cv.lexicon, trained: cv.trained, reason: decision.reason },
      model: serializeModel(model),
    });
    opts.logger?.info({ model: info.id, adopted: info.adopted, lexicon: cv.lexiconMacroF1, trained: cv.trainedMacroF1 }, 'sentiment model trained');
    sentiment.push({ lang, labels: examples.length, model: info, reason: decision.reason });
  }
  return { sentiment, tags: await trainTags(store, opts) };
}

async function trainTags(store: Store, opts: TrainOptions): Promise<TrainOutcome['tags']> {
  const [tags, examples] = await Promise.all([listTags(store.db), tagExamples(store.db)]);
  if (tags.length === 0 || examples.length === 0) return { reason: 'no tagged mention yet' };
  const { model } = await trainOffThread({
    kind: 'tags',
    examples: examples.map((e) => ({ text: opts.maskText(e.text), lang: modelLanguage(e.lang), tags: e.tags })),
    tagIds: tags.map((t) => t.id),
  });
  if (model.tags.length === 0) return { reason: `no tag has ${MIN_TAG_POSITIVES} tagged mentions yet` };
  const cvF1 = model.tags.map((t) => t.cvF1).filter((f): f is number => f !== null);
  const info = await saveModel(store.db, {
    kind: 'tags',
    lang: 'all',
    createdBy: opts.by,
    createdAt: opts.now,
    labels: examples.length,
    cvMacroF1: cvF1.length ? cvF1.reduce((a, b) => a + b, 0) / cvF1.length : 0,
    lexiconMacroF1: 0,
    // A tag nobody can set otherwise: the classifier is the only way to tag the rest, so it is always used.
    adopted: true,
    metrics: { tags: model.tags.map((t) => ({ tag: t.name, examples: t.examples, positives: t.positives, cvF1: t.cvF1, threshold: t.threshold })) },
    model: serializeTagModel(model),
  });
  return { model: info, reason: `learnt ${model.tags.map((t) => t.name).join(', ')} from ${examples.length} tagged mentions` };
}

/** Whether enough labels arrived since the last training for the maintain job to train again. */
export async function retrainDue(store: Store, config: VigieConfig): Promise<{ due: boolean; newLabels: number }> {
  const since = await lastTrainedAt(store.db, 'sentiment');
  const { since: newLabels } = await countLabels(store.db, since);
  return { due: newLabels >= config.learning.retrainAfterLabels, newLabels };
}
