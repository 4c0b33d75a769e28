// Spots words that are part of a proper name ("Super Eagles", "Victor Moses", "Public Sénat"): not opinions.
import type { Token } from './tokenizer.js';

const TITLE_CASE = /^\p{Lu}\p{Ll}+$/u;

function isTitleWord(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && !token.fromHashtag && TITLE_CASE.test(token.text);
}

/** First word of its sentence: its capital is grammar, not a name. */
function startsSentence(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  return before === undefined || (before.kind === 'punct' && before.text !== ',') || before.kind !== 'word';
}

/**
 * A capitalised word inside a sentence next to another capitalised word inside the sentence is taken for part of a
 * name: "the Super Eagles coach", "met Victor Moses", "la Haute Autorité". A lone capital ("I love Paris") or
 * a capital that only starts the sentence ("Great crew") does not count. Hashtag parts are left out, since
 * camel-case tags ("#LoveThisCrew") are capitalised by design. The scorer drops only praise words found in a name:
 * complaint words in capitals are mostly emphasis ("Flight Cancelled Again"), and dropping them too cost more on the
 * airline complaints than it gained on general tweets.
 */
export function inProperName(tokens: Token[], i: number): boolean {
  if (!isTitleWord(tokens[i]) || startsSentence(tokens, i)) return false;
  const previousInside = isTitleWord(tokens[i - 1]) && !startsSentence(tokens, i - 1);
  return previousInside || isTitleWord(tokens[i + 1]);
}
