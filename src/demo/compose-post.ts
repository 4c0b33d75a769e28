// Builds one post's text from the phrase banks: opener, main sentence, detail, sign-off, emoji and hashtags, in the author's style.
import type { Lang, Mood, Situation } from './bank.js';
import { BANKS } from './phrases/index.js';
import type { Rng } from './random.js';
import { expand, tidySpaces, type SlotLists } from './template.js';
import { applyWritingStyle, type WritingStyle } from './writing-style.js';

const EMOJI: Readonly<Record<Mood, readonly string[]>> = {
  pos: ['😍', '🙌', '✨', '👌', '💯', '🥰', '😊', '👍', '🌿', '💚', '☺️', '🤩'],
  neg: ['😒', '🙄', '😑', '😕', '🤦', '😮‍💨', '👎', '😩'],
  neutral: ['👀', '🤔', '📦', '🏠', '📰', '➡️', '💡'],
  laugh: ['😂', '🤣', '😅', '🙃', '💀', '😭'],
  worry: ['😱', '😬', '😨', '⚠️', '🥲', '😟', '🫠'],
  angry: ['😡', '🤬', '😤', '🔥', '🚨', '⚠️', '👎', '🤡'],
};

// How the parts of a post are glued: people rarely punctuate the same way twice.
const JOINS = ['. ', ' ', '\n', ' - ', '... ', '! ', ', '];

export interface ComposeRequest {
  lang: Lang;
  situation: Situation;
  style: WritingStyle;
  /** Slot overrides for this post, e.g. which competitor <rival> stands for. */
  bindings?: SlotLists;
}

export function composePost(request: ComposeRequest, rng: Rng): string {
  const { lang, situation, style } = request;
  const bank = BANKS[lang].situations[situation];
  const slots = request.bindings ? { ...BANKS[lang].slots, ...request.bindings } : BANKS[lang].slots;
  const fill = (template: string) => expand(template, slots, rng);

  let text = fill(rng.pick(bank.cores));
  if (bank.openers && rng.chance(0.35)) text = `${fill(rng.pick(bank.openers))} ${text}`;
  if (bank.extras && rng.chance(0.45)) text = join(text, fill(rng.pick(bank.extras)), rng);
  if (bank.closers && rng.chance(0.3)) text = join(text, fill(rng.pick(bank.closers)), rng);

  const angry = bank.mood === 'angry';
  text = applyWritingStyle(text, lang, style, angry, rng);

  if (rng.chance(style.emojiRate)) text = `${text} ${emojiRun(bank.mood, rng)}`;
  if (bank.tags && rng.chance(style.hashtagRate)) text = `${text} ${hashtags(bank.tags, rng)}`;
  return tidySpaces(text);
}

function join(first: string, second: string, rng: Rng): string {
  const trimmed = first.replace(/\s+$/, '');
  const endsSentence = /[.!?:…)]$/u.test(trimmed) || /\p{Extended_Pictographic}$/u.test(trimmed);
  return endsSentence ? `${trimmed} ${second}` : `${trimmed}${rng.pick(JOINS)}${second}`;
}

function emojiRun(mood: Mood, rng: Rng): string {
  const first = rng.pick(EMOJI[mood]);
  // Angry and amused people repeat their emoji; a second different one is common too.
  const roll = rng.float();
  if (roll < 0.25) return first.repeat(rng.int(2, 4));
  if (roll < 0.45) return first + rng.pick(EMOJI[mood]);
  return first;
}

function hashtags(tags: readonly string[], rng: Rng): string {
  const first = rng.pick(tags);
  const second = rng.pick(tags);
  return rng.chance(0.35) && second !== first ? `${first} ${second}` : first;
}
