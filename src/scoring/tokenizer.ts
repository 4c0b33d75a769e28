// Splits a social post into the tokens the sentiment rules read: words, emojis, emoticons, hashtag words, clause punctuation.
import { foldKey, isElongated, isShouted } from './text-normaliser.js';

export type TokenKind = 'word' | 'emoji' | 'emoticon' | 'punct';

export interface Token {
  /** Surface form, original case, elision removed ("avion" from "l'avion"). */
  text: string;
  /** Lower-cased, accent-folded lookup key. */
  key: string;
  kind: TokenKind;
  /** Written in capitals inside a post that is not all capitals. */
  shout: boolean;
  stretched: boolean;
  /** Came from a hashtag (#epicfail -> epic, fail). */
  fromHashtag: boolean;
}

export interface TokenizeOptions {
  /** Splits a hashtag body into words; the default keeps it whole. */
  splitHashtag?: (body: string) => string[];
}

// Emoticons are written with ASCII punctuation, so they must be matched before punctuation is.
const EMOTICON = String.raw`(?:[:;=8xX][-'^o]?[)(\]\[dDpP/\\|*3oO@$]+|[)(\]\[/\\|][-'^]?[:;=]|<3+|<\/3|\^\^|\^_\^|-_-|T_T|:'\()`;
const URL = String.raw`(?:https?:\/\/\S+|www\.\S+|\bhttps?\b)`;
const HANDLE = String.raw`@[\p{L}\p{N}_]+`;
const HASHTAG = String.raw`#[\p{L}\p{N}_]+`;
const EMOJI = String.raw`\p{Extended_Pictographic}`;
const WORD = String.raw`[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*`;
// Brackets, quotes and dashes also end a clause: a negation does not reach past them.
const PUNCT = String.raw`[!?.,;:…()\[\]"“”«»]|\s[-–—]+\s`;
const TOKEN_PATTERN = new RegExp(
  `(${URL})|(${HANDLE})|(${HASHTAG})|(${EMOJI})|(?<![\\p{L}\\p{N}])(${EMOTICON})(?![\\p{L}\\p{N}])|(${WORD})|(${PUNCT})`,
  'gu',
);

// French elided articles and pronouns: "l'avion" is "avion", "n'est" carries the negator "ne".
const ELISION = /^(l|d|j|n|m|t|s|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’](.+)$/i;

export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  // A post with no lower-case letter at all is written in capitals: then capitals are not emphasis.
  const wholePostShouted = !/\p{Ll}/u.test(text);
  const push = (surface: string, kind: TokenKind, fromHashtag: boolean): void => {
    tokens.push({
      text: surface,
      key: kind === 'word' ? foldKey(surface) : surface,
      kind,
      shout: kind === 'word' && !wholePostShouted && surface.length > 2 && isShouted(surface),
      stretched: kind === 'word' && isElongated(surface),
      fromHashtag,
    });
  };
  TOKEN_PATTERN.lastIndex = 0;
  for (let match = TOKEN_PATTERN.exec(text); match !== null; match = TOKEN_PATTERN.exec(text)) {
    const [, url, handle, hashtag, emoji, emoticon, word, punct] = match;
    if (url !== undefined || handle !== undefined) continue;
    if (hashtag !== undefined) {
      const body = hashtag.slice(1);
      for (const part of options.splitHashtag ? options.splitHashtag(body) : [body]) push(part, 'word', true);
    } else if (emoji !== undefined) push(emoji, 'emoji', false);
    else if (emoticon !== undefined) push(emoticon, 'emoticon', false);
    else if (word !== undefined) {
      // Most words have no apostrophe: they skip the elision pattern.
      const apostrophe = word.includes("'") || word.includes('’');
      const elided = apostrophe ? ELISION.exec(word) : null;
      if (elided) {
        const article = elided[1].toLowerCase();
        if (article === 'n') push('ne', 'word', false);
        push(elided[2], 'word', false);
      } else push(apostrophe ? word.replace(/’/g, "'") : word, 'word', false);
    } else if (punct !== undefined) push(punct.trim(), 'punct', false);
  }
  return tokens;
}
