// The models a score worker uses: loaded from the database at start, on config reload and when the active set changes.
import type { Logger } from 'pino';
import type { VigieConfig } from '../config/load-config.js';
import { parseModel, parseTagModel, type SentimentModel, type TagModel } from '../scoring/learning/index.js';
import { createMasker } from '../scoring/masking.js';
import { createScorer } from '../scoring/scorer.js';
import type { Store } from '../store/database.js';
import { activeModels, activeModelsStamp } from '../store/model-repository.js';
import { maskTermsOf, type AppContext } from './context.js';

export interface LoadedModels {
  sentiment: SentimentModel | null;
  tags: TagModel | null;
  /** Ids of the active models, comma-separated: what the worker compares to notice a change. */
  stamp: string;
}

export const NO_MODELS: LoadedModels = { sentiment: null, tags: null, stamp: '' };

/**
 * One sentiment model with every active language in it (each language is trained and versioned on its own). A model
 * that cannot be read is skipped with an error in the log: the lexicon scores that language rather than nothing.
 */
export async function loadActiveModels(store: Pick<Store, 'db'>, logger: Logger): Promise<LoadedModels> {
  const [stamp, sentimentRows, tagRows] = await Promise.all([activeModelsStamp(store.db), activeModels(store.db, 'sentiment'), activeModels(store.db, 'tags')]);
  let sentiment: SentimentModel | null = null;
  for (const row of sentimentRows) {
    try {
      const model = parseModel(row.model);
      if (!sentiment) sentiment = { ...model, languages: { ...model.languages } };
      else if (JSON.stringify(model.features) !== JSON.stringify(sentiment.features) || model.labels.join() !== sentiment.labels.join()) {
        logger.error({ model: row.info.id }, 'active model built with other feature settings than the others; its language keeps the lexicon (retrain it)');
      } else Object.assign(sentiment.languages, model.languages);
    } catch (error) {
      logger.error({ model: row.info.id, err: (error as Error).message }, 'active model unreadable; its language keeps the lexicon');
    }
  }
  let tags: TagModel | null = null;
  const tagRow = tagRows[0];
  if (tagRow) {
    try {
      tags = parseTagModel(tagRow.model);
    } catch (error) {
      logger.error({ model: tagRow.info.id, err: (error as Error).message }, 'active tag model unreadable; no mention is tagged automatically');
    }
  }
  return { sentiment, tags, stamp };
}

export function buildScorer(config: VigieConfig, ownHandles: ReadonlySet<string>, models: LoadedModels) {
  return createScorer({
    maskTerms: maskTermsOf(config),
    riskLexicon: config.scoring.riskLexicon,
    ownHandles: [...ownHandles].map((h) => h.split(':')[1]),
    sentimentModel: models.sentiment,
  });
}

/** The text as the models see it (watched names masked), for tagging and review. */
export function buildMasker(config: VigieConfig): (text: string) => string {
  return createMasker(maskTermsOf(config));
}

/**
 * Reloads the models when the active set changed (someone trained, adopted or rolled back), at most once per
 * `learning.modelCheckSeconds`; `force` checks now. The scorer is swapped whole, so a batch is scored by one model.
 */
export async function refreshModels(ctx: AppContext, force = false): Promise<boolean> {
  const now = ctx.now();
  if (!force && now - ctx.modelsCheckedAt < ctx.config.learning.modelCheckSeconds * 1000) return false;
  ctx.modelsCheckedAt = now;
  const stamp = await activeModelsStamp(ctx.store.db);
  if (stamp === ctx.models.stamp && !force) return false;
  const models = await loadActiveModels(ctx.store, ctx.logger);
  ctx.models = models;
  ctx.scorer = buildScorer(ctx.config, ctx.ownHandles, models);
  ctx.maskText = buildMasker(ctx.config);
  ctx.logger.info({ models: models.stamp || 'none (lexicon)' }, 'score models loaded');
  return true;
}
