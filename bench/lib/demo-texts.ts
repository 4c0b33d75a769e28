// The demo scenario's posts (English and French, replies, reshares, emoji, brand names): the bench's realistic input.
import type { MentionInput } from '../../src/domain/mention.js';
import { generateScenario } from '../../src/demo/scenario.js';

/** Fixed seed and end: every run replays the same posts. */
const SEED = 42;
const END = new Date('2026-01-12T00:00:00Z');

let cached: MentionInput[] | undefined;

export function demoMentions(): MentionInput[] {
  // Six days, as the bench's baselines were measured on: the demo's five weeks would only take longer to generate.
  cached ??= generateScenario({ seed: SEED, end: END, days: 6 }).mentions;
  return cached;
}

/** `size` texts: the scenario's, repeated in order. */
export function demoTexts(size: number): string[] {
  const mentions = demoMentions();
  return Array.from({ length: size }, (_, i) => mentions[i % mentions.length].text);
}
