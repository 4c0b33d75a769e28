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
  // Faces and hands the ranking lacks (too rare in its 2013 tweets, or newer), read by their Unicode names: worried,
  // sad but relieved, grimacing, melting, upside-down (passive irony), ill and hurt, lying, yawning, skeptical, clown;
  // hugging, fingers crossed, handshake, heart hands, horns, salute. Left out when the sense depends on the post:
  // sweat smile, flushed, thinking, mind blown, pleading, face holding back tears, hot and cold faces.
  '😟': -2, '😥': -1.5, '😬': -1, '🫠': -1, '🙃': -1, '🤒': -1.5, '🤕': -1.5, '🤥': -2, '🥱': -1, '🫤': -1, '🤨': -1, '🤡': -2,
  '🤗': 2, '🤞': 1, '🤝': 1, '🫶': 3, '🤘': 2, '🫡': 1,
  // Joined sequences whose meaning is not their first emoji's (tokenizer.ts reads a sequence as one emoji; the others
  // read as their first): face exhaling (a sigh), face with spiral eyes, face in clouds.
  '😮\u200d💨': -1.5, '😵\u200d💫': -1, '😶\u200d🌫': -1,
  // Symbols with a conventional meaning, which the ranking below leaves out with the other non-face emojis.
  '⭐': 2, '🌟': 2, '🏆': 2, '🎊': 2, '♥': 3, '♡': 3, '✌': 1, '✅': 1, '❌': -1.5, '🚫': -2, '⛔': -2, '⚠': -1, '🚨': -1.5,
};

/**
 * Faces, hearts and hand gestures: the emojis that say how the writer feels. The ranking also rates objects, food,
 * animals, places and signs by the tweets they happened to appear in, and its rare entries are noise at full strength
 * ("🚨" +3, "💡" +3, "🔧" -4, "📰" +1: a crisis headline read as praise), so outside these blocks only the overrides count.
 */
const EMOTION_EMOJI = /^[\u{1F600}-\u{1F64F}\u{1F910}-\u{1F92F}\u{1F970}-\u{1F97F}\u{1F9D0}\u{2639}\u{263A}\u{2764}\u{1F48B}\u{1F48C}\u{1F493}-\u{1F49F}\u{1F5A4}\u{1F90D}\u{1F90E}\u{1F9E1}\u{1F44A}-\u{1F450}\u{1F918}-\u{1F91F}\u{1F932}]/u;

const EMOTICONS: Record<string, number> = {
  ':)': 2, ':-)': 2, '=)': 2, ':]': 2, ':d': 3, ':-d': 3, 'xd': 2, '=d': 3, ';)': 1.5, ';-)': 1.5, ':p': 1, ':-p': 1, '<3': 3, '^^': 2, '^_^': 2,
  ':(': -2, ':-(': -2, '=(': -2, ':[': -2, ":'(": -2.5, ':/': -1.5, ':-/': -1.5, ':\\': -1.5, ':|': -1, ':-|': -1, '-_-': -1.5, 't_t': -2,
  '</3': -3, ':@': -3, '>:(': -3, 'd:': -2,
};

const EMOJI_VALENCE = new Map<string, number>([
  ...Object.entries(EMOJI_SENTIMENT_RANKING).filter(([emoji]) => EMOTION_EMOJI.test(emoji)),
  ...Object.entries(EMOJI_OVERRIDES),
]);
const EMOTICON_VALENCE = new Map<string, number>(Object.entries(EMOTICONS));

const SELECTORS_AND_TONES = /[\u{FE0F}\u{1F3FB}-\u{1F3FF}]/gu;

/** A lone emoji's valence, or a joined sequence's: its own if listed (without selectors and skin tones), else its first emoji's. */
export function emojiValence(emoji: string): number | undefined {
  const own = EMOJI_VALENCE.get(emoji);
  if (own !== undefined || !emoji.includes('\u200d')) return own;
  return EMOJI_VALENCE.get(emoji.replace(SELECTORS_AND_TONES, '')) ?? EMOJI_VALENCE.get(String.fromCodePoint(emoji.codePointAt(0)!));
}

/** A repeated mouth (":((((", ":))", ":DD") stretches the emoticon: it reads as its single form. */
const REPEATED_MOUTH = /(.)\1+$/u;

export function emoticonValence(emoticon: string): number | undefined {
  const key = emoticon.toLowerCase();
  return EMOTICON_VALENCE.get(key) ?? EMOTICON_VALENCE.get(key.replace(REPEATED_MOUTH, '$1'));
}
