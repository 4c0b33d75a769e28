// One call per mention: language, sentiment, influence, reach and risk flags; what the score worker runs.
import type { MentionInput, MentionScores } from '../domain/mention.js';
import { mentionInfluence, statsFromAuthor, type AuthorStats } from './influence.js';
import { detectLanguage } from './language.js';
import { createMasker, maskerFor } from './masking.js';
import { DEFAULT_RISK_LEXICON, findRiskFlags, type RiskLexicon } from './risk.js';
import { scoreMaskedSentiment } from './sentiment.js';

export interface ScorerOptions {
  /** Watched brand names, products, executives and handles: never scored as opinion words. */
  maskTerms: string[];
  riskLexicon?: RiskLexicon;
  /** The brand's own handles: masked like the watched terms (recogniseAuthor flags their posts). */
  ownHandles?: string[];
}

export interface Scorer {
  score(mention: MentionInput, author?: AuthorStats): MentionScores;
}

export function createScorer(opts: ScorerOptions): Scorer {
  // Built once: masking is the only per-brand state and its regex is the costly part.
  const mask = createMasker([...opts.maskTerms, ...(opts.ownHandles ?? [])]);
  const riskLexicon = opts.riskLexicon ?? DEFAULT_RISK_LEXICON;
  return {
    score(mention, author) {
      const { lang } = detectLanguage(mention.text, mention.langHint);
      const sentiment = scoreMaskedSentiment(mask(mention.text), lang);
      const { influence, reach } = mentionInfluence(mention, author ?? statsFromAuthor(mention.author));
      return { lang, sentiment, influence, reach, riskFlags: findRiskFlags(mention.text, riskLexicon) };
    },
  };
}

export interface ExplainOptions {
  maskTerms?: string[];
  langHint?: string;
  riskLexicon?: RiskLexicon;
}

/** A human-readable account of how a text is scored, for `vigie score "text"`. */
export function explainScore(text: string, opts: ExplainOptions = {}): string {
  const language = detectLanguage(text, opts.langHint);
  const sentiment = scoreMaskedSentiment(maskerFor(opts.maskTerms)(text), language.lang);
  const flags = findRiskFlags(text, opts.riskLexicon);
  return [
    `language:   ${language.lang}${language.reliable ? '' : ' (unsure)'}`,
    `sentiment:  ${sentiment.label} (score ${sentiment.score}, confidence ${sentiment.confidence})`,
    `drivers:    ${sentiment.drivers.length > 0 ? sentiment.drivers.join(', ') : 'none (no opinion word found)'}`,
    `risk flags: ${flags.length > 0 ? flags.join(', ') : 'none'}`,
  ].join('\n');
}
