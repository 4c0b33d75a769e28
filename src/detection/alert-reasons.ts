// The one-sentence "why" of an alert in the entity's language: the detectors give the facts, this file words them.
import { earnedEngagement, formatCount, formatExpected, formatMinutes, formatRatio, percent, quote, round2 } from './evidence.js';
import { frenchFollowers } from '../domain/follower-count.js';
import type { Locale } from '../domain/locale.js';
import type { NotableMention } from './series.js';


const handleOf = (m: NotableMention) => (m.authorHandle.startsWith('@') ? m.authorHandle : `@${m.authorHandle}`);

export interface VolumeFacts {
  negativeOnly: boolean;
  ratio: number;
  minutes: number;
  observed: number;
  expected: number;
  /** Share of all mentions that are negative, for a negative surge. */
  negativeShare?: number;
  lead?: NotableMention;
}

export interface NegativeShareFacts {
  share: number;
  usualShare: number;
  minutes: number;
  negative: number;
  total: number;
  lead?: NotableMention;
}

export interface InfluencerFacts {
  lead: NotableMention;
  /** Whether the lead reshared someone else's post rather than writing it. */
  reshare: boolean;
  /** The post the lead reshared, when it is among the notable mentions. */
  original: NotableMention | undefined;
  others: number;
}

export interface VelocityFacts {
  mention: NotableMention;
  rate: number;
  usualRate: number;
  total: number;
}

export interface RiskFacts {
  observed: number;
  minutes: number;
  /** 0 when the entity has no history of risk-flagged mentions. */
  expected: number;
  ratio: number;
  flags: string[];
  example?: NotableMention;
}

export interface NewPhraseFacts {
  phrase: string;
  count: number;
  recent: number;
  share: number;
  observedNegative: number;
  expectedNegative: number;
}

export interface SpreadingPhraseFacts {
  phrase: string;
  authors: number;
  minutes: number;
  inBackground: number;
  backgroundTexts: number;
  observedNegative: number;
  expectedNegative: number;
}

export interface AlertReasons {
  volume(f: VolumeFacts): string;
  negativeShare(f: NegativeShareFacts): string;
  influencer(f: InfluencerFacts): string;
  velocity(f: VelocityFacts): string;
  risk(f: RiskFacts): string;
  newPhrase(f: NewPhraseFacts): string;
  spreadingPhrase(f: SpreadingPhraseFacts): string;
}

/** ", led by @x (410k followers): 'refund still not received'" or "" when there is no lead. */
function leadEn(lead: NotableMention | undefined): string {
  return lead ? `, led by ${handleOf(lead)} (${formatCount(lead.authorFollowers)} followers): '${quote(lead.text)}'` : '';
}

/**
 * Below this many expected in the window, the usual level reads as none: "up 150000000000x" against 0.000000001
 * expected says nothing a person can use, "150 where there are usually none" does.
 */
const USUALLY_NONE = 0.5;

/** Risk tags as words ("data_breach" is a key). */
const RISK_TAG_WORDS: Record<Locale, Record<string, string>> = {
  en: { data_breach: 'data breach', legal: 'legal threat' },
  fr: { boycott: 'boycott', legal: 'menace juridique', data_breach: 'fuite de données', recall: 'rappel de produit', fraud: 'fraude', safety: 'sécurité', discrimination: 'discrimination', scandal: 'scandale', layoffs: 'licenciements' },
};
/** Counts grouped the language's way: "16,410" / "16 410". */
const count = (n: number, language: Locale) => Math.round(n).toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB');
const riskTags = (flags: string[], language: Locale) => flags.map((f) => RISK_TAG_WORDS[language][f] ?? f).join(', ');

const english: AlertReasons = {
  volume: (f) =>
    (f.expected < USUALLY_NONE
      ? `${count(f.observed, 'en')} ${f.negativeOnly ? 'negative mentions' : 'mentions'} in ${formatMinutes(f.minutes)}, where there are usually none`
      : `${f.negativeOnly ? 'negative mentions' : 'mentions'} up ${formatRatio(f.ratio)} in ${formatMinutes(f.minutes)}: ${count(f.observed, 'en')} vs ${formatExpected(f.expected)} expected`) +
    `${f.negativeShare !== undefined ? ` (${percent(f.negativeShare)} of all)` : ''}${leadEn(f.lead)}`,
  negativeShare: (f) =>
    `negative tone at ${percent(f.share)} of reach in ${formatMinutes(f.minutes)} (usually ${percent(f.usualShare)}), ${f.negative} negative of ${f.total} mentions${leadEn(f.lead)}`,
  influencer: ({ lead, reshare, original, others }) =>
    `${handleOf(lead)} (${formatCount(lead.authorFollowers)} followers, influence ${Math.round(lead.authorInfluence)}) ${reshare ? 'amplified' : 'posted'} a negative post ` +
    `with ${earnedEngagement(lead)} reshares/replies so far: '${quote((original ?? lead).text)}'${others > 0 ? ` (and ${others} more influential negative posts)` : ''}`,
  velocity: (f) =>
    `a negative post by ${handleOf(f.mention)} (${formatCount(f.mention.authorFollowers)} followers) is going viral: ${round2(f.rate)} reshares/replies per minute, ` +
    `${Math.round(f.rate / f.usualRate)}x the usual, ${f.total} so far: '${quote(f.mention.text)}'`,
  risk: (f) =>
    `${f.observed} risk-flagged mentions in ${formatMinutes(f.minutes)}${f.expected >= USUALLY_NONE ? `, ${formatRatio(f.ratio)} the usual ${formatExpected(f.expected)}` : ', where there are usually none'}` +
    `${f.flags.length ? ` (${riskTags(f.flags, 'en')})` : ''}${f.example ? `: '${quote(f.example.text)}'` : ''}`,
  newPhrase: (f) =>
    `new phrase "${f.phrase}" in ${f.count} of ${f.recent} recent negative mentions (${percent(f.share)}), unseen before; ` +
    `negative volume ${formatExpected(f.observedNegative)} vs ${formatExpected(f.expectedNegative)} expected in 3 h`,
  spreadingPhrase: (f) =>
    `new phrase "${f.phrase}" used by ${f.authors} different authors in negative mentions within ${formatMinutes(f.minutes)}, ` +
    `against ${f.inBackground} of yesterday's ${f.backgroundTexts} mentions; negative volume ${formatExpected(f.observedNegative)} vs ${formatExpected(f.expectedNegative)} expected since`,
};

/** French figures: a decimal comma, and a narrow no-break space before "%". */
const frNumber = (text: string) => text.replace(/(\d)\.(\d)/g, '$1,$2');
const frPercent = (share: number) => `${Math.round(share * 100)}\u202f%`;
const frExpected = (x: number) => frNumber(formatExpected(x));
const frRatio = (ratio: number) => `×${frNumber(formatRatio(ratio).slice(0, -1))}`;

function leadFr(lead: NotableMention | undefined): string {
  return lead ? `, menées par ${handleOf(lead)} (${frenchFollowers(lead.authorFollowers)}) : « ${quote(lead.text)} »` : '';
}

const french: AlertReasons = {
  volume: (f) =>
    (f.expected < USUALLY_NONE
      ? `${count(f.observed, 'fr')} ${f.negativeOnly ? 'mentions négatives' : 'mentions'} en ${formatMinutes(f.minutes)}, alors qu'il n'y en a d'habitude aucune`
      : `${f.negativeOnly ? 'mentions négatives' : 'mentions'} ${frRatio(f.ratio)} en ${formatMinutes(f.minutes)} : ${count(f.observed, 'fr')} contre ${frExpected(f.expected)} attendues`) +
    `${f.negativeShare !== undefined ? ` (${frPercent(f.negativeShare)} du total)` : ''}${leadFr(f.lead)}`,
  negativeShare: (f) =>
    `ton négatif à ${frPercent(f.share)} de l'audience en ${formatMinutes(f.minutes)} (d'habitude ${frPercent(f.usualShare)}), ${f.negative} négatives sur ${f.total} mentions${leadFr(f.lead)}`,
  influencer: ({ lead, reshare, original, others }) =>
    `${handleOf(lead)} (${frenchFollowers(lead.authorFollowers)}, influence ${Math.round(lead.authorInfluence)}) ${reshare ? 'a relayé' : 'a publié'} un post négatif ` +
    `qui compte déjà ${earnedEngagement(lead)} partages/réponses : « ${quote((original ?? lead).text)} »${others > 0 ? ` (et ${others} autres posts négatifs influents)` : ''}`,
  velocity: (f) =>
    `un post négatif de ${handleOf(f.mention)} (${frenchFollowers(f.mention.authorFollowers)}) devient viral : ${frNumber(String(round2(f.rate)))} partages/réponses par minute, ` +
    `${Math.round(f.rate / f.usualRate)} fois plus que d'habitude, ${f.total} au total : « ${quote(f.mention.text)} »`,
  risk: (f) =>
    `${f.observed} mentions à risque en ${formatMinutes(f.minutes)}${f.expected >= USUALLY_NONE ? `, ${frRatio(f.ratio)} par rapport à l'habitude (${frExpected(f.expected)})` : `, alors qu'il n'y en a d'habitude aucune`}` +
    `${f.flags.length ? ` (${riskTags(f.flags, 'fr')})` : ''}${f.example ? ` : « ${quote(f.example.text)} »` : ''}`,
  newPhrase: (f) =>
    `nouvelle expression « ${f.phrase} » dans ${f.count} des ${f.recent} mentions négatives récentes (${frPercent(f.share)}), jamais vue avant ; ` +
    `volume négatif ${frExpected(f.observedNegative)} contre ${frExpected(f.expectedNegative)} attendues en 3 h`,
  spreadingPhrase: (f) =>
    `nouvelle expression « ${f.phrase} » reprise par ${f.authors} auteurs différents dans des mentions négatives en ${formatMinutes(f.minutes)}, ` +
    `contre ${f.inBackground} des ${f.backgroundTexts} mentions d'hier ; volume négatif ${frExpected(f.observedNegative)} contre ${frExpected(f.expectedNegative)} attendues depuis`,
};

export function reasonsIn(language: Locale): AlertReasons {
  return language === 'fr' ? french : english;
}
