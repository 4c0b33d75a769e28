// The shape of a phrase bank: what people post about in the demo scenario, and the parts a post is built from.
import type { SlotLists } from './template.js';

export type Lang = 'en' | 'fr';

/** What a post is doing; picks the phrase bank and, for crisis situations, the risk vocabulary. */
export const SITUATIONS = [
  // quiet days
  'praise',
  'brandPraise',
  'minorComplaint',
  'question',
  'news',
  'ceo',
  'rival',
  'comparison',
  'irony',
  'spam',
  'brandPromo',
  'rivalPromo',
  'aftermath',
  // the crisis
  'testimony',
  'refund',
  'outrage',
  'boycott',
  'recall',
  'worry',
  'crisisIrony',
  'defense',
  'crisisNews',
  'switching',
  'ceoCallout',
  // answers and quotes
  'replyMeToo',
  'replyAnswer',
  'replyChat',
  'replyCrisis',
  'helpReply',
  'helpCrisisReply',
  'quoteQuiet',
  'quoteCrisis',
] as const;
export type Situation = (typeof SITUATIONS)[number];

/** Which emoji family fits the post's tone. */
export type Mood = 'pos' | 'neg' | 'neutral' | 'laugh' | 'worry' | 'angry';

export interface SituationBank {
  mood: Mood;
  /** Sentence starts, used on some posts only. */
  openers?: readonly string[];
  /** The main sentence: always one of these. */
  cores: readonly string[];
  /** A second sentence adding detail, used on some posts. */
  extras?: readonly string[];
  /** Sign-offs, used on some posts. */
  closers?: readonly string[];
  /** Hashtags that fit, added on some posts. */
  tags?: readonly string[];
}

export interface LanguageBank {
  slots: SlotLists;
  situations: Readonly<Record<Situation, SituationBank>>;
}
