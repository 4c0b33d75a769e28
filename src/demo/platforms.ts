// Where the demo's people post: X, Reddit, Mastodon, Bluesky, YouTube or a news site, each with what it allows (no reshares on Reddit) and its handles.
import { stableHash } from '../domain/stable-hash.js';
import type { Lang } from './bank.js';
import type { AuthorRole } from './author-pool.js';
import type { Rng } from './random.js';
import type { SlotKind } from './timeline-slots.js';

/** Platform names as the real connectors store them; news sites arrive through their RSS feeds. */
export type DemoPlatform = 'x' | 'reddit' | 'mastodon' | 'bluesky' | 'youtube' | 'rss';

/** Where ordinary people of each language mostly post (French audiences are a little more on X and YouTube). */
const PEOPLE: Readonly<Record<Lang, Readonly<Record<Exclude<DemoPlatform, 'rss'>, number>>>> = {
  en: { x: 38, reddit: 20, bluesky: 16, youtube: 14, mastodon: 12 },
  fr: { x: 44, reddit: 10, bluesky: 14, youtube: 18, mastodon: 14 },
};

/** Mastodon instances, by the language of their users. */
const INSTANCES: Readonly<Record<Lang, readonly string[]>> = {
  en: ['mastodon.social', 'mstdn.social', 'fosstodon.org'],
  fr: ['piaille.fr', 'mamot.fr', 'mastodon.social'],
};

/** The platform an ordinary person mostly posts on. */
export function homePlatform(handle: string, lang: Lang): Exclude<DemoPlatform, 'rss'> {
  const weights = Object.entries(PEOPLE[lang]) as [Exclude<DemoPlatform, 'rss'>, number][];
  let target = stableHash(handle) % weights.reduce((sum, [, w]) => sum + w, 0);
  for (const [platform, weight] of weights) {
    if (target < weight) return platform;
    target -= weight;
  }
  return 'x';
}

/** Where an original post goes: people mostly on their home platform, media in their articles, brands on X first. */
export function platformOfOriginal(author: { role: AuthorRole; home: DemoPlatform }, rng: Rng): DemoPlatform {
  switch (author.role) {
    case 'person':
      return rng.chance(0.85) ? author.home : rng.pick(['x', 'reddit', 'mastodon', 'bluesky', 'youtube'] as const);
    case 'media':
      return rng.chance(0.6) ? 'rss' : 'x';
    case 'influencer':
      return rng.chance(0.7) ? author.home : 'x';
    case 'brand':
    case 'rivalBrand':
      return rng.weighted({ x: 60, youtube: 15, bluesky: 15, mastodon: 10 });
    default:
      return 'x';
  }
}

/** News feeds only publish articles; Reddit and YouTube have no reshares, and only X and Bluesky have quotes. */
export function platformAllows(platform: DemoPlatform, kind: SlotKind): boolean {
  switch (kind) {
    case 'post':
      return true;
    case 'reply':
      return platform !== 'rss';
    case 'reshare':
      return platform === 'x' || platform === 'mastodon' || platform === 'bluesky';
    case 'quote':
      return platform === 'x' || platform === 'bluesky';
  }
}

/** The author's handle as that platform shows it (Bluesky handles have no underscores; Mastodon ones name the instance). */
export function handleOn(platform: DemoPlatform, author: { handle: string; displayName?: string }, lang: Lang | 'both'): string {
  switch (platform) {
    case 'mastodon': {
      const instances = INSTANCES[lang === 'both' ? 'en' : lang];
      return `${author.handle}@${instances[stableHash(author.handle) % instances.length]}`;
    }
    case 'bluesky':
      return `${author.handle.replace(/_/g, '-')}.bsky.social`;
    case 'rss':
      return author.displayName ?? author.handle;
    default:
      return author.handle;
  }
}
