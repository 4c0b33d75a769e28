// Expands the phrase-bank mini-language: "{a|b|}" picks one alternative (empty = omit), "<slot>" draws from a named word list.
import type { Rng } from './random.js';

export type SlotLists = Readonly<Record<string, readonly string[]>>;

const INNERMOST_CHOICE = /\{([^{}]*)\}/;
const SLOT = /<([a-zA-Z]+)>/;
// Bounds the expansion so a slot that refers to itself cannot loop forever.
const MAX_STEPS = 200;

export function expand(template: string, slots: SlotLists, rng: Rng): string {
  let text = template;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const choice = INNERMOST_CHOICE.exec(text);
    if (choice) {
      const picked = rng.pick(choice[1].split('|'));
      text = text.slice(0, choice.index) + picked + text.slice(choice.index + choice[0].length);
      continue;
    }
    const slot = SLOT.exec(text);
    if (slot) {
      const list = slots[slot[1]];
      if (!list) throw new Error(`phrase bank refers to unknown slot <${slot[1]}>`);
      text = text.slice(0, slot.index) + rng.pick(list) + text.slice(slot.index + slot[0].length);
      continue;
    }
    break;
  }
  return tidySpaces(text);
}

/** Omitted alternatives leave double spaces and spaces before punctuation; real posts rarely have them. */
export function tidySpaces(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ ([,.](?!\.))/g, '$1')
    .trim();
}
