// The named rules of the lexicon scorer, each of which can be switched off: `eval:sentiment --ablation` measures what
// every rule brings on each half of each dev file, so a rule that does not carry can be seen, and dropped.
// Dropped that way: the extra strength of a stretched word ("soooo bad"), which changed no label on any half (the
// stretched form is still looked up through its plain one, text-normaliser.ts); and the extra weight of the clause after
// "but" / "mais" ("contrast"), which lowered DEFT's tune half and SemEval's in every form tried (modifiers.ts).

export const SENTIMENT_RULES = [
  'negation',
  'negated-complaint',
  'intensifiers',
  'shout',
  'exclamation',
  'wish',
  'question',
  'quoted',
  'courtesy-in-complaint',
  'sarcastic-opener',
  'irony-hashtag',
  'proper-names',
  'mild-words',
  'negativity-bias',
  'loss',
  'resolved-problem',
  'elapsed-wait',
  'repeated-action',
  'discourse-markers',
  'inflection',
  'list:en-general',
  'list:en-customer-service',
  'list:en-defects-protest',
  'list:fr-lexicon-fixes',
  'list:fr-general',
  'list:fr-customer-service',
  'list:fr-defects-protest',
] as const;

export type SentimentRule = (typeof SENTIMENT_RULES)[number];

/** Rules switched off; production scoring switches none. */
export type DisabledRules = ReadonlySet<SentimentRule>;

export const ALL_RULES_ON: DisabledRules = new Set();

export function parseRuleNames(names: readonly string[]): DisabledRules {
  for (const name of names) {
    if (!(SENTIMENT_RULES as readonly string[]).includes(name)) throw new Error(`unknown sentiment rule "${name}"; known rules: ${SENTIMENT_RULES.join(', ')}`);
  }
  return new Set(names as SentimentRule[]);
}
