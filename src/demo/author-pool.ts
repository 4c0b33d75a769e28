// The scenario's cast: the brands' own accounts, media and influencers with a known reach, and a heavy-tailed crowd of ordinary people.
import type { AuthorInput } from '../domain/mention.js';
import type { Lang } from './bank.js';
import { drawPerson } from './people-names.js';
import { homePlatform, type DemoPlatform } from './platforms.js';
import type { Rng } from './random.js';
import { CAREFUL_STYLE, drawWritingStyle, type WritingStyle } from './writing-style.js';

export type AuthorRole = 'person' | 'influencer' | 'media' | 'spam' | 'brand' | 'care' | 'rivalBrand' | 'amplifier';

export interface ScenarioAuthor {
  input: AuthorInput;
  /** 'both' for the brands, which answer in the language they are addressed in. */
  lang: Lang | 'both';
  role: AuthorRole;
  style: WritingStyle;
  /** Relative chance of being the one who posts: a few people post a lot. */
  activity: number;
  /** Where the author's own posts mostly appear. */
  home: DemoPlatform;
  /** How strongly the author's posts draw replies and reshares: audience to the power 0.5 (0.55 in a crisis). */
  pull: number;
  pullInCrisis: number;
}

type NewAuthor = Omit<ScenarioAuthor, 'pull' | 'pullInCrisis'>;

interface NamedAccount {
  handle: string;
  displayName: string;
  followers: number;
  verified: boolean;
  lang: Lang | 'both';
  role: AuthorRole;
  description: string;
  home?: DemoPlatform;
}

export const AMPLIFIER_HANDLE = 'techwatchdaily';

const NAMED_ACCOUNTS: readonly NamedAccount[] = [
  { handle: 'kelio', displayName: 'Kelio', followers: 48_200, verified: true, lang: 'both', role: 'brand', description: 'Smart home, designed in Lyon. Kelio Aura, Kelio Therm. Support: @kelio_help' },
  { handle: 'kelio_help', displayName: 'Kelio Care', followers: 6_900, verified: true, lang: 'both', role: 'care', description: 'Kelio customer care, Mon-Sat 8am-8pm CET. EN/FR.' },
  { handle: 'veltra', displayName: 'Veltra', followers: 121_000, verified: true, lang: 'both', role: 'rivalBrand', description: 'Clean air, simply. Makers of the Veltra Breeze.' },
  { handle: 'homelyhq', displayName: 'Homely', followers: 36_400, verified: true, lang: 'both', role: 'rivalBrand', description: 'Homely: the calm smart home. Homely Pure, Homely Hub.' },
  { handle: AMPLIFIER_HANDLE, displayName: 'TechWatch Daily', followers: 410_000, verified: true, lang: 'en', role: 'amplifier', description: 'Tech journalist. Consumer tech news & investigations. Tips: DMs open.' },
  { handle: 'dailybyte', displayName: 'The Daily Byte', followers: 139_000, verified: true, lang: 'en', role: 'media', description: 'Tech news, every day.' },
  { handle: 'homegearnews', displayName: 'Home Gear News', followers: 24_300, verified: false, lang: 'en', role: 'media', description: 'Smart home news and reviews.' },
  { handle: 'consumer_watch', displayName: 'Consumer Watch', followers: 15_800, verified: false, lang: 'en', role: 'media', description: 'Independent consumer advocacy group.' },
  { handle: 'la_maison_connectee', displayName: 'La Maison Connectée', followers: 85_100, verified: true, lang: 'fr', role: 'media', description: 'Le média de la maison connectée. Journaliste tech.' },
  { handle: 'lefilconso', displayName: 'Le Fil Conso', followers: 31_200, verified: false, lang: 'fr', role: 'media', description: 'Association de consommateurs. Vos droits, vos alertes.' },
  { handle: 'octets_fr', displayName: 'Octets', followers: 57_600, verified: true, lang: 'fr', role: 'media', description: 'Actu tech en français, tous les jours.' },
  { handle: 'gadgetgrrl', displayName: 'Gadget Grrl', followers: 152_000, verified: true, lang: 'en', role: 'influencer', description: "I review gadgets so you don't have to.", home: 'youtube' },
  { handle: 'the_home_nerd', displayName: 'The Home Nerd', followers: 38_400, verified: false, lang: 'en', role: 'influencer', description: 'Home automation tinkerer. YouTube: The Home Nerd.', home: 'youtube' },
  { handle: 'clara_teste', displayName: 'Clara teste tout', followers: 64_300, verified: true, lang: 'fr', role: 'influencer', description: 'Je teste tout, même ce qui ne sert à rien.', home: 'youtube' },
  { handle: 'papa_geek', displayName: 'Papa Geek', followers: 22_100, verified: false, lang: 'fr', role: 'influencer', description: 'Papa, geek, domotique et mauvaise foi.' },
  { handle: 'deals4u_hub', displayName: 'Deals 4 U 🔥', followers: 2_100, verified: false, lang: 'en', role: 'spam', description: 'Best deals daily. #ad' },
  { handle: 'gizmo_deals247', displayName: 'Gizmo Deals', followers: 640, verified: false, lang: 'en', role: 'spam', description: 'Deals deals deals' },
  { handle: 'bonplan_maison', displayName: 'Bons Plans Maison', followers: 3_400, verified: false, lang: 'fr', role: 'spam', description: 'Les meilleurs bons plans maison & high-tech' },
  { handle: 'promo_flash_fr', displayName: 'Promo Flash', followers: 480, verified: false, lang: 'fr', role: 'spam', description: 'Promos flash tous les jours' },
];

/** Ordinary accounts per language: about 55% English, 45% French. */
const CROWD: Readonly<Record<Lang, number>> = { en: 1100, fr: 900 };

export class AuthorPool {
  readonly all: ScenarioAuthor[] = [];
  private readonly byHandle = new Map<string, ScenarioAuthor>();
  private readonly crowd: Record<Lang, { authors: ScenarioAuthor[]; cumulative: number[] }> = {
    en: { authors: [], cumulative: [] },
    fr: { authors: [], cumulative: [] },
  };

  constructor(rng: Rng) {
    const taken = new Set<string>();
    for (const account of NAMED_ACCOUNTS) {
      taken.add(account.handle);
      const careful = account.role !== 'influencer' && account.role !== 'spam';
      this.add({
        input: this.input(account.handle, account.displayName, account.followers, account.verified, account.description, rng),
        lang: account.lang,
        role: account.role,
        style: careful ? CAREFUL_STYLE : { ...drawWritingStyle(rng), typoRate: 0.05 },
        activity: account.role === 'influencer' ? 2 : 1,
        // Media publish on their sites (read through RSS); everyone else named lives on X unless said otherwise.
        home: account.home ?? (account.role === 'media' ? 'rss' : 'x'),
      });
    }
    for (const lang of ['en', 'fr'] as const) {
      for (let i = 0; i < CROWD[lang]; i += 1) {
        const person = drawPerson(lang, taken, rng);
        // Pareto audience: median near 100, about 1% above 10k, capped below the named accounts.
        const followers = Math.min(Math.round(rng.pareto(40, 0.9)), 95_000);
        const author = this.add({
          input: this.input(person.handle, person.displayName, followers, followers > 40_000 && rng.chance(0.4), person.description, rng),
          lang,
          role: 'person',
          style: drawWritingStyle(rng),
          activity: Math.min(rng.pareto(1, 1.6), 25),
          home: homePlatform(person.handle, lang),
        });
        const group = this.crowd[lang];
        group.authors.push(author);
        group.cumulative.push((group.cumulative.at(-1) ?? 0) + author.activity);
      }
    }
  }

  get(handle: string): ScenarioAuthor {
    const author = this.byHandle.get(handle);
    if (!author) throw new Error(`no scenario author @${handle}`);
    return author;
  }

  ofRole(role: AuthorRole): ScenarioAuthor[] {
    return this.all.filter((a) => a.role === role);
  }

  /** An ordinary person writing in `lang`, the active ones more often; never one of `exclude`. */
  pickPerson(lang: Lang, rng: Rng, exclude?: ScenarioAuthor): ScenarioAuthor {
    const { authors, cumulative } = this.crowd[lang];
    for (;;) {
      const target = rng.float() * cumulative[cumulative.length - 1];
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > target) hi = mid;
        else lo = mid + 1;
      }
      if (authors[lo] !== exclude) return authors[lo];
    }
  }

  private add(fields: NewAuthor): ScenarioAuthor {
    const audience = fields.input.followers + 20;
    const author: ScenarioAuthor = { ...fields, pull: Math.pow(audience, 0.5), pullInCrisis: Math.pow(audience, 0.55) };
    this.all.push(author);
    this.byHandle.set(author.input.handle, author);
    return author;
  }

  private input(handle: string, displayName: string, followers: number, verified: boolean, description: string | undefined, rng: Rng): AuthorInput {
    return {
      platform: 'replay',
      externalId: `u-${handle}`,
      handle,
      displayName,
      followers,
      following: Math.round(rng.between(40, 1_200)),
      verified,
      ...(description ? { description } : {}),
    };
  }
}
