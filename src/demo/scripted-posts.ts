// The crisis' turning points, written out once: the journalist's post that makes it spread, the relays, the brand's statements, the CEO's apology.
import type { Lang, Situation } from './bank.js';
import type { CrisisPlan } from './crisis-plan.js';
import { AMPLIFIER_HANDLE } from './author-pool.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface ScriptedPost {
  key: string;
  handle: string;
  lang: Lang;
  situation: Situation;
  at: (plan: CrisisPlan) => number;
  text: string;
  /** Key of an earlier scripted post this one quotes or replies to. */
  quotes?: string;
  repliesTo?: string;
  /** How far beyond its author's usual audience the post travels. */
  virality: number;
}

export const AMPLIFIER_KEY = 'amplifier';

export const SCRIPTED_POSTS: readonly ScriptedPost[] = [
  {
    key: AMPLIFIER_KEY,
    handle: AMPLIFIER_HANDLE,
    lang: 'en',
    situation: 'crisisNews',
    at: (p) => p.amplifiedAt,
    virality: 14,
    text: 'Kelio Aura owners are posting photos of air purifiers that overheated, smelled of burning battery and, in at least one case, melted. Several say refunds promised by @kelio_help never arrived. We have asked @kelio for comment. 🧵 #KelioAura',
  },
  {
    key: 'amplifier-thread',
    handle: AMPLIFIER_HANDLE,
    lang: 'en',
    situation: 'crisisNews',
    at: (p) => p.amplifiedAt + 4 * MINUTE,
    repliesTo: AMPLIFIER_KEY,
    virality: 5,
    text: '2/ We counted more than a dozen reports in two days, in English and French, all Kelio Aura units bought this winter. If yours gets hot or smells, unplug it. DMs open.',
  },
  {
    key: 'fr-relay',
    handle: 'la_maison_connectee',
    lang: 'fr',
    situation: 'crisisNews',
    at: (p) => p.amplifiedAt + 38 * MINUTE,
    quotes: AMPLIFIER_KEY,
    virality: 7,
    text: "Ça prend de l'ampleur : plusieurs propriétaires de Kelio Aura signalent des surchauffes, un appareil aurait fondu, et des remboursements promis qui n'arrivent jamais. Nous avons contacté @kelio. #KelioAura",
  },
  {
    key: 'influencer-drop',
    handle: 'gadgetgrrl',
    lang: 'en',
    situation: 'quoteCrisis',
    at: (p) => p.amplifiedAt + 55 * MINUTE,
    quotes: AMPLIFIER_KEY,
    virality: 5,
    text: "I had the Kelio Aura on my recommended list. Taking it off until @kelio explains what is going on. Please unplug yours if it runs hot.",
  },
  {
    key: 'consumer-fr',
    handle: 'lefilconso',
    lang: 'fr',
    situation: 'recall',
    at: (p) => p.amplifiedAt + 3 * HOUR,
    virality: 5,
    text: 'Vous avez un Kelio Aura qui chauffe ou sent le brûlé ? Débranchez-le, gardez facture et photos, signalez-le sur SignalConso. Nous demandons à @kelio un rappel immédiat. #KelioAura #rappel',
  },
  {
    key: 'consumer-en',
    handle: 'consumer_watch',
    lang: 'en',
    situation: 'recall',
    at: (p) => p.amplifiedAt + 3.5 * HOUR,
    virality: 4,
    text: 'If your Kelio Aura overheats, stop using it, keep the receipt and photos, and report it. We are calling on @kelio to recall the Kelio Aura now. #recall',
  },
  {
    key: 'statement-en',
    handle: 'kelio',
    lang: 'en',
    situation: 'crisisNews',
    at: (p) => p.amplifiedAt + 5.5 * HOUR,
    virality: 6,
    text: 'About the Kelio Aura: we are aware of reports of units overheating. Your safety comes first. If your Kelio Aura feels hot or smells unusual, unplug it and contact @kelio_help. We are investigating with an independent lab and will update within 24 hours. All pending refunds will be paid this week.',
  },
  {
    key: 'statement-fr',
    handle: 'kelio',
    lang: 'fr',
    situation: 'crisisNews',
    at: (p) => p.amplifiedAt + 5.5 * HOUR + 12 * MINUTE,
    virality: 5,
    text: "À propos du Kelio Aura : nous avons connaissance de cas de surchauffe. Votre sécurité passe avant tout. Si votre Kelio Aura chauffe ou dégage une odeur inhabituelle, débranchez-le et contactez @kelio_help. Une enquête est en cours avec un laboratoire indépendant. Tous les remboursements en attente seront versés cette semaine.",
  },
  {
    key: 'amplifier-update',
    handle: AMPLIFIER_HANDLE,
    lang: 'en',
    situation: 'crisisNews',
    at: (p) => p.amplifiedAt + 6 * HOUR,
    quotes: AMPLIFIER_KEY,
    virality: 4,
    text: 'UPDATE: @kelio has now responded, asking owners to unplug any Kelio Aura that runs hot and promising to pay pending refunds this week. No recall announced yet. #KelioAura',
  },
  {
    key: 'apology-en',
    handle: 'kelio',
    lang: 'en',
    situation: 'crisisNews',
    at: (p) => p.startsAt + 25 * HOUR,
    virality: 5,
    text: 'A message from our CEO Margaux Delorme: we let you down on the Kelio Aura, on safety and on refunds. We are launching a voluntary recall of the affected units, and every pending refund will be paid within 7 days. Details: kelio.example/aura-recall',
  },
  {
    key: 'apology-fr',
    handle: 'kelio',
    lang: 'fr',
    situation: 'crisisNews',
    at: (p) => p.startsAt + 25 * HOUR + 9 * MINUTE,
    virality: 4,
    text: 'Un message de notre PDG Margaux Delorme : nous vous avons déçus avec le Kelio Aura, sur la sécurité comme sur les remboursements. Nous lançons un rappel volontaire des appareils concernés et tous les remboursements en attente seront versés sous 7 jours. kelio.example/aura-rappel',
  },
  {
    key: 'recall-news-en',
    handle: 'homegearnews',
    lang: 'en',
    situation: 'crisisNews',
    at: (p) => p.startsAt + 25.8 * HOUR,
    virality: 3,
    text: 'Kelio announces a voluntary recall of some Kelio Aura air purifiers after overheating reports; CEO Margaux Delorme apologises and promises refunds within 7 days. https://news.example/kelio-aura-recall',
  },
  {
    key: 'recall-news-fr',
    handle: 'octets_fr',
    lang: 'fr',
    situation: 'crisisNews',
    at: (p) => p.startsAt + 26.3 * HOUR,
    virality: 3,
    text: 'Kelio lance un rappel volontaire de purificateurs Kelio Aura après des cas de surchauffe. Margaux Delorme présente ses excuses et promet les remboursements sous 7 jours. https://news.example/fr/kelio-aura-rappel',
  },
];
