// Valences of emojis and ASCII emoticons: the Emoji Sentiment Ranking shipped by `sentiment`, corrected for complaint emojis.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Emoji Sentiment Ranking 1.0 (Kralj Novak et al. 2015, CC BY-SA 4.0) as built into the `sentiment`
 * package (MIT), read from node_modules at load time so nothing is copied into this repository.
 */
const EMOJI_SENTIMENT_RANKING: Record<string, number> = require('sentiment/build/emoji.json');

// The ranking was measured on general tweets; in a brand mention these emojis mean anger or contempt,
// and "crying" or "laughing" emojis are too ambiguous to carry a full point.
const EMOJI_OVERRIDES: Record<string, number> = {
  '😡': -3, '🤬': -4, '😠': -3, '😤': -2, '🙄': -2, '😒': -2, '👎': -2, '💔': -3, '😢': -2, '😭': -1.5, '😞': -2, '😔': -1.5,
  '😩': -2, '😫': -2, '🤦': -2, '🤮': -3, '🤢': -2.5, '💩': -2, '😱': -1.5, '😣': -2, '😖': -2, '😕': -1.5, '🙁': -2, '☹': -2,
  '😂': 0.5, '🤣': 0.5, '👍': 2, '👏': 2, '❤': 3, '😍': 3, '🥰': 3, '😊': 2, '🙂': 1, '😃': 2, '😄': 2, '😁': 2, '🙏': 1, '🎉': 2.5,
  '🔥': 1, '💯': 2, '✨': 1.5, '👌': 2, '💪': 2, '😎': 2, '🤩': 3, '🥳': 3,
};

const EMOTICONS: Record<string, number> = {
  ':)': 2, ':-)': 2, '=)': 2, ':]': 2, ':d': 3, ':-d': 3, 'xd': 2, '=d': 3, ';)': 1.5, ';-)': 1.5, ':p': 1, ':-p': 1, '<3': 3, '^^': 2, '^_^': 2,
  ':(': -2, ':-(': -2, '=(': -2, ':[': -2, ":'(": -2.5, ':/': -1.5, ':-/': -1.5, ':\\': -1.5, ':|': -1, ':-|': -1, '-_-': -1.5, 't_t': -2,
  '</3': -3, ':@': -3, '>:(': -3, 'd:': -2,
};

const EMOJI_VALENCE = new Map<string, number>([...Object.entries(EMOJI_SENTIMENT_RANKING), ...Object.entries(EMOJI_OVERRIDES)]);
const EMOTICON_VALENCE = new Map<string, number>(Object.entries(EMOTICONS));

export function emojiValence(emoji: string): number | undefined {
  return EMOJI_VALENCE.get(emoji);
}

/** A repeated mouth (":((((", ":))", ":DD") stretches the emoticon: it reads as its single form. */
const REPEATED_MOUTH = /(.)\1+$/u;

export function emoticonValence(emoticon: string): number | undefined {
  const key = emoticon.toLowerCase();
  return EMOTICON_VALENCE.get(key) ?? EMOTICON_VALENCE.get(key.replace(REPEATED_MOUTH, '$1'));
}
