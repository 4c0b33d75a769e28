// A crisis as the bench injects it: a burst of risk-flagged complaints (legal, safety, fraud) naming one entity.
import type { MentionInput } from '../../src/domain/mention.js';

/** Written for the bench; each carries words of the default risk lexicon, in English or French. */
const TEMPLATES = [
  'My {name} heater caught fire in the kitchen, this is dangerous. Calling a lawyer tomorrow.',
  '{name} took my money and never shipped anything, total scam. Filing a complaint.',
  'Mon radiateur {name} a pris feu cette nuit, c’est dangereux, je porte plainte.',
  '{name} leaked our personal data?? data breach and no apology, class action incoming',
  '{name} c’est une arnaque, ils encaissent et ne livrent rien. Avocat contacté.',
  'Boycott {name}: unsafe product, they should recall it before someone gets hurt',
];

/** The entity a crisis targets: one per crisis, since an entity's open alert absorbs later crises (dedup). */
export const crisisEntityName = (k: number) => `Vorlane${String(k).padStart(3, '0')}`;
export const crisisEntityId = (k: number) => `crisis-${String(k).padStart(3, '0')}`;
const NAME_PATTERN = /Vorlane(\d{3})/;

/** Which crisis an alert email is about, from its subject or body. */
export function crisisOfMail(subject: string, text: string): number | undefined {
  const match = NAME_PATTERN.exec(subject) ?? NAME_PATTERN.exec(text);
  return match ? Number(match[1]) : undefined;
}

export function crisisPosts(k: number, runTag: string, at: number): MentionInput[] {
  const name = crisisEntityName(k);
  return TEMPLATES.map((template, j) => ({
    platform: 'replay',
    externalId: `crisis-${runTag}-${k}-${j}`,
    text: template.replaceAll('{name}', name),
    publishedAt: new Date(at).toISOString(),
    author: { platform: 'replay', externalId: `crisis-author-${runTag}-${k}-${j}`, handle: `angry_${k}_${j}`, followers: 200 + 150 * j },
    engagement: { likes: 3 * j, reshares: j, replies: 2, quotes: 0 },
  }));
}
