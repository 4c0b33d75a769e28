// One call per mention: language, sentiment, influence, reach and risk flags; what the score worker runs.
import type { MentionInput, MentionScores, SentimentResult } from '../domain/mention.js';
import { mentionInfluence, statsFromAuthor, type AuthorStats } from './influence.js';
import { languageOfTokens, markerVote, type LanguageGuess } from './language.js';
import { tokenizePost } from './lexicon.js';
import { createMasker, maskerFor, type Masker } from './masking.js';
import { DEFAULT_RISK_LEXICON, riskFlagsOf, type RiskLexicon } from './risk.js';
import { scoreTokens } from './sentiment.js';
import { predictSentimentTokens, type SentimentModel } from './learning/sentiment-model.js';

export interface ScorerOptions {
  /** Watched brand names, products, executives and handles: never scored as opinion words. */
  maskTerms: string[];
  riskLexicon?: RiskLexicon;
  /** The brand's own handles: masked like the watched terms (recogniseAuthor flags their posts). */
  ownHandles?: string[];
  /** A model trained on the team's labels (adopted by cross-validation); languages it lacks keep the lexicon. */
  sentimentModel?: SentimentModel | null;
}

export interface Scorer {
  score(mention: MentionInput, author?: AuthorStats): MentionScores;
}

export interface TextScores {
  language: LanguageGuess;
  sentiment: SentimentResult;
  riskFlags: string[];
}

/**
 * What a post's text says: language, sentiment and risk flags, all read from one tokenization of the masked text
 * (watched names and handles are neither opinions, nor language evidence, nor risks: "Fire TV" is no safety issue).
 */
export function scoreText(
  text: string,
  mask: Masker,
  langHint?: string,
  riskLexicon: RiskLexicon = DEFAULT_RISK_LEXICON,
  sentimentModel?: SentimentModel | null,
): TextScores {
  const masked = mask(text);
  const tokens = tokenizePost(masked);
  const guessed = languageOfTokens(tokens, masked, langHint);
  const language = langHint ? guessed : languageByLexicon(tokens, guessed);
  const lexicon = scoreTokens(tokens, language.lang);
  const sentiment = sentimentModel ? withModel(sentimentModel, tokens, language.lang, lexicon) : lexicon;
  return { language, sentiment, riskFlags: riskFlagsOf(tokens, riskLexicon) };
}

/**
 * A post too short for its language to be told, and without the platform's word for it (Reddit, YouTube, Hacker
 * News): "honteux", "nul", "Scam!", "absolute garbage". Read as undetermined (the English lexicon) or as a third
 * language (no lexicon), a short verdict lost its tone. When the opinion words are those of one lexicon only, and no
 * function words say the other language, the post is taken for that language; when both lexicons read it (or
 * neither), the guess stands. Without the hint, airline posts read as English went from 99.42 to 99.48 %, and their
 * macro-F1 from 66.73 / 68.82 to 66.80 / 68.89 (tune / test; five rows right, none wrong).
 */
function languageByLexicon(tokens: ReturnType<typeof tokenizePost>, guessed: LanguageGuess): LanguageGuess {
  if (guessed.reliable || guessed.lang === 'en' || guessed.lang === 'fr') return guessed;
  const heard = (lang: string) => scoreTokens(tokens, lang).drivers.length > 0;
  const english = heard('en');
  if (english === heard('fr')) return guessed;
  // Function words of the other language outweigh one lexicon's word: "Beatriz and Susan. Gate 4" is no French "gâté".
  const vote = markerVote(tokens);
  if (!english && vote !== 'en') return { lang: 'fr', reliable: false };
  if (english && vote !== 'fr' && guessed.lang !== 'und') return { lang: 'en', reliable: false };
  return guessed;
}

/**
 * The trained model's verdict where it has a model for the language. The lexicon's drivers stay, so "why" still reads
 * in words; the score becomes P(positive) - P(negative) and the confidence the chosen label's probability.
 */
function withModel(model: SentimentModel, tokens: ReturnType<typeof tokenizePost>, lang: string, lexicon: SentimentResult): SentimentResult {
  const prediction = predictSentimentTokens(model, tokens, lang, lexicon);
  if (prediction.source !== 'model') return lexicon;
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    label: prediction.label,
    score: round(prediction.probabilities.positive - prediction.probabilities.negative),
    confidence: round(prediction.confidence),
    drivers: [...lexicon.drivers, `trained model: ${prediction.label} (${Math.round(100 * prediction.confidence)} %)`],
  };
}

export function createScorer(opts: ScorerOptions): Scorer {
  // Built once: masking is the only per-brand state and its regex is the costly part.
  const mask = createMasker([...opts.maskTerms, ...(opts.ownHandles ?? [])]);
  const riskLexicon = opts.riskLexicon ?? DEFAULT_RISK_LEXICON;
  return {
    score(mention, author) {
      const { language, sentiment, riskFlags } = scoreText(mention.text, mask, mention.langHint, riskLexicon, opts.sentimentModel);
      const { influence, reach } = mentionInfluence(mention, author ?? statsFromAuthor(mention.author));
      return { lang: language.lang, sentiment, influence, reach, riskFlags };
    },
  };
}

export interface ExplainOptions {
  maskTerms?: string[];
  langHint?: string;
  riskLexicon?: RiskLexicon;
  sentimentModel?: SentimentModel | null;
}

/** A human-readable account of how a text is scored, for `vigie score "text"`. */
export function explainScore(text: string, opts: ExplainOptions = {}): string {
  const { language, sentiment, riskFlags: flags } = scoreText(text, maskerFor(opts.maskTerms), opts.langHint, opts.riskLexicon, opts.sentimentModel);
  return [
    `language:   ${language.lang}${language.reliable ? '' : ' (unsure)'}`,
    `sentiment:  ${sentiment.label} (score ${sentiment.score}, confidence ${sentiment.confidence})`,
    `drivers:    ${sentiment.drivers.length > 0 ? sentiment.drivers.join(', ') : 'none (no opinion word found)'}`,
    `risk flags: ${flags.length > 0 ? flags.join(', ') : 'none'}`,
  ].join('\n');
}
