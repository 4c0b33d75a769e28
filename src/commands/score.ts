// `vigie score <text>`: a text scored and explained the way the score stage scores it. Given a config (-c or
// $VIGIE_CONFIG), its watched names are masked, its risk lexicon is used and the team's active trained model decides
// where it has one, so the answer matches what the pipeline stores; without one, the default scorer alone.
import { buildMasker, loadActiveModels, NO_MODELS } from '../app/active-models.js';
import { maskTermsOf } from '../app/context.js';
import { createLogger } from '../logger.js';
import { explainScore } from '../scoring/scorer.js';
import { withStore } from './with-store.js';

export interface ScoreCommandOptions {
  /** The config to score with, when one was named; none scores with the default scorer alone. */
  configPath?: string;
  /** Extra terms to mask, besides the config's watched names. */
  mask: string[];
  /** The default scorer even where a trained model is active (to compare). */
  lexiconOnly: boolean;
}

export async function scoreCommand(text: string, o: ScoreCommandOptions): Promise<string> {
  if (!o.configPath) return `${explainScore(text, { maskTerms: o.mask })}\nscorer:     the default scorer (name a config with -c to use its watched names and the team's trained model)`;
  return withStore(o.configPath, async (store, config) => {
    const models = o.lexiconOnly ? NO_MODELS : await loadActiveModels(store, createLogger({ level: 'error' }));
    const languages = Object.keys(models.sentiment?.languages ?? {});
    const explained = explainScore(text, { maskTerms: [...maskTermsOf(config), ...o.mask], riskLexicon: config.scoring.riskLexicon, sentimentModel: models.sentiment });
    const scorer = languages.length
      ? `the team's trained model for ${languages.join(', ')}, the default scorer for other languages`
      : o.lexiconOnly
        ? 'the default scorer (--lexicon)'
        : 'the default scorer (no trained model is active: vigie train)';
    return `${explained}\nmasked:     ${buildMasker(config)(text)}\nscorer:     ${scorer}`;
  });
}
