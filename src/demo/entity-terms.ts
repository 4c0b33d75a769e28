// The watched entities of the demo and the words that name them; every generated post must name at least one.
import type { Rng } from './random.js';

export const ENTITY_IDS = ['kelio', 'kelio-aura', 'margaux-delorme', 'veltra', 'homely'] as const;
export type EntityId = (typeof ENTITY_IDS)[number];

// Same terms as config/demo.yaml. Most specific first, so a post about the Aura counts as the product.
const TERMS: readonly [EntityId, RegExp][] = [
  ['kelio-aura', /kelio ?aura/i],
  ['margaux-delorme', /margaux delorme/i],
  ['kelio', /kelio/i],
  ['veltra', /veltra/i],
  ['homely', /homely/i],
];

/** Which entity the text names first (most specific wins), or undefined if none. */
export function namedEntity(text: string): EntityId | undefined {
  return TERMS.find(([, pattern]) => pattern.test(text))?.[0];
}

const FALLBACK_TAGS: Readonly<Record<EntityId, readonly string[]>> = {
  kelio: ['#kelio', '@kelio'],
  'kelio-aura': ['#KelioAura', '#KelioAura', 'Kelio Aura'],
  'margaux-delorme': ['Margaux Delorme'],
  veltra: ['@veltra', '#Veltra'],
  homely: ['@homelyhq', '#Homely'],
};

/** Appends a hashtag or handle when the composed text lost every name of its subject (people tag what they talk about). */
export function ensureNamed(text: string, subject: EntityId, rng: Rng): string {
  return namedEntity(text) ? text : `${text} ${rng.pick(FALLBACK_TAGS[subject])}`;
}
