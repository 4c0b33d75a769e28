// The words, numbers and times every alert message shares, whatever the channel, in the entity's language.
import type { AlertSeverity } from '../domain/alert.js';
import { compactCount, frenchFollowers } from '../domain/follower-count.js';
import type { Locale } from '../domain/locale.js';
import type { AlertEvent } from '../queue/names.js';

/** What kind of crisis an alert is, from the detector that opened it: the stable part of its headline. */
export type CrisisKind = 'volume' | 'negative_share' | 'influencer' | 'velocity' | 'risk' | 'emerging_topic';

/** Every word of an alert message, in the entity's language (the alert's own sentence already is). */
export interface MessageLabels {
  /** The subject's opening words: "Critical alert", "Alert now critical", "Alert resolved". */
  subjectLead(event: AlertEvent, severity: string): string;
  event: Record<AlertEvent, string>;
  severity: Record<AlertSeverity, string>;
  kind: Record<CrisisKind, string>;
  /** Risk tags (scoring/risk.ts) as words. */
  riskTag(tag: string): string;
  /** A mention's sentiment label as a word (an unknown label as it is). */
  sentiment(label: string): string;
  followers(n: number): string;
  whatHappened: string;
  sinceWhen: string;
  howBig: string;
  whoDrives: string;
  nextStep: string;
  since(onset: string, detected: string, minutesLater: number): string;
  resolvedSince(resolvedAt: string, onset: string, duration: string, peak: string): string;
  detectedAt(at: string): string;
  drivenBy(handles: string[]): string;
  noDriver: string;
  /** The recommended next step, by how urgent the alert is. */
  step(kind: 'urgent' | 'watch' | 'resolved', firstPlaybookStep: string | undefined, answerFirst: string | undefined): string;
  withinMinutes(label: string, minutes: number): string;
  emergingPhrases: string;
  topMentions: string;
  acknowledge: string;
  openInVigie: string;
  openRoom: string;
  openPost: string;
  open: string;
  /** "2 h 05", "45 min". */
  duration(minutes: number): string;
}

const hoursMinutes = (minutes: number) => {
  const m = Math.max(0, Math.round(minutes));
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')}`;
};

const RISK_TAGS: Record<Locale, Record<string, string>> = {
  en: { boycott: 'boycott', legal: 'legal threat', data_breach: 'data breach', recall: 'recall', fraud: 'fraud', safety: 'safety', discrimination: 'discrimination', scandal: 'scandal', layoffs: 'layoffs' },
  fr: { boycott: 'boycott', legal: 'menace juridique', data_breach: 'fuite de données', recall: 'rappel de produit', fraud: 'fraude', safety: 'sécurité', discrimination: 'discrimination', scandal: 'scandale', layoffs: 'licenciements' },
};

const listEn = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const listFr = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`);

export const MESSAGE_LABELS: Record<Locale, MessageLabels> = {
  en: {
    subjectLead: (event, severity) =>
      event === 'opened' ? `${severity[0].toUpperCase()}${severity.slice(1)} alert` : event === 'escalated' ? `Alert now ${severity}` : 'Alert resolved',
    event: { opened: 'New alert', escalated: 'Alert escalated', resolved: 'Alert resolved' },
    severity: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
    kind: {
      volume: 'surge of mentions',
      negative_share: 'rise in negative tone',
      influencer: 'influential negative post',
      velocity: 'viral negative post',
      risk: 'risk signals',
      emerging_topic: 'new negative topic',
    },
    riskTag: (tag) => RISK_TAGS.en[tag] ?? tag,
    sentiment: (label) => label,
    followers: (n) => `${compactCount(n)} followers`,
    whatHappened: 'What happened',
    sinceWhen: 'Since when',
    howBig: 'How big',
    whoDrives: 'Who drives it',
    nextStep: 'Next step',
    since: (onset, detected, later) => `Since ${onset}; detected ${detected}${later > 0 ? `, ${hoursMinutes(later)} after it began` : ''}.`,
    resolvedSince: (resolvedAt, onset, duration, peak) => `Back to usual levels since ${resolvedAt}. It began ${onset}, lasted ${duration} and peaked at ${peak}.`,
    detectedAt: (at) => `Detected ${at}`,
    drivenBy: (handles) => `Driven by ${listEn(handles)}.`,
    noDriver: 'No single author stands out.',
    step: (kind, first, answer) =>
      kind === 'resolved'
        ? 'No action needed now: note in the crisis room what worked and what did not.'
        : kind === 'urgent'
          ? `Take charge now, then${first ? `: ${first}` : ' post a holding statement within 30 min'}${answer ? `; answer ${answer} first` : ''}.`
          : `Take charge and watch how it develops${answer ? `; answer ${answer} if the complaint is founded` : ''}.`,
    withinMinutes: (label, minutes) => `${label.charAt(0).toLowerCase()}${label.slice(1)} (within ${minutes} min)`,
    emergingPhrases: 'Emerging phrases',
    topMentions: 'Top mentions',
    acknowledge: 'Take charge',
    openInVigie: 'Open in Vigie',
    openRoom: 'Crisis room',
    openPost: 'Open post',
    open: 'open',
    duration: hoursMinutes,
  },
  fr: {
    subjectLead: (event, severity) => (event === 'opened' ? `Alerte ${severity}` : event === 'escalated' ? `Alerte passée en ${severity}` : 'Alerte résolue'),
    event: { opened: 'Nouvelle alerte', escalated: 'Alerte aggravée', resolved: 'Alerte résolue' },
    severity: { low: 'faible', medium: 'moyenne', high: 'élevée', critical: 'critique' },
    kind: {
      volume: 'afflux de mentions',
      negative_share: 'montée du ton négatif',
      influencer: 'post négatif influent',
      velocity: 'post négatif viral',
      risk: 'signaux de risque',
      emerging_topic: 'nouveau sujet négatif',
    },
    riskTag: (tag) => RISK_TAGS.fr[tag] ?? tag,
    sentiment: (label) => ({ negative: 'négatif', neutral: 'neutre', positive: 'positif' })[label] ?? label,
    followers: frenchFollowers,
    whatHappened: 'Ce qui se passe',
    sinceWhen: 'Depuis quand',
    howBig: 'Ampleur',
    whoDrives: 'Qui en parle',
    nextStep: 'Que faire',
    since: (onset, detected, later) => `Depuis le ${onset} ; détectée le ${detected}${later > 0 ? `, ${hoursMinutes(later)} après le début` : ''}.`,
    resolvedSince: (resolvedAt, onset, duration, peak) => `Retour à la normale depuis le ${resolvedAt}. Commencée le ${onset}, elle a duré ${duration} ; niveau maximal : ${peak}.`,
    detectedAt: (at) => `Détectée le ${at}`,
    drivenBy: (handles) => `Portée par ${listFr(handles)}.`,
    noDriver: 'Aucun auteur ne se détache.',
    step: (kind, first, answer) =>
      kind === 'resolved'
        ? "Rien à faire dans l'immédiat : notez dans la salle de crise ce qui a marché et ce qui n'a pas marché."
        : kind === 'urgent'
          ? `Prenez en charge maintenant, puis${first ? `\u00a0: ${first}` : " publiez une déclaration d'attente sous 30 min"}${answer ? ` ; répondez d'abord à ${answer}` : ''}.`
          : `Prenez en charge et suivez l'évolution${answer ? ` ; répondez à ${answer} si la critique est fondée` : ''}.`,
    withinMinutes: (label, minutes) => `${label.charAt(0).toLowerCase()}${label.slice(1)} (sous ${minutes} min)`,
    emergingPhrases: 'Expressions émergentes',
    topMentions: 'Mentions principales',
    acknowledge: 'Prendre en charge',
    openInVigie: 'Ouvrir dans Vigie',
    openRoom: 'Salle de crise',
    openPost: 'Ouvrir le post',
    open: 'ouvrir',
    duration: hoursMinutes,
  },
};

/** The labels of a message: its language, or English. */
export const labelsOf = (message: { language?: Locale }): MessageLabels => MESSAGE_LABELS[message.language ?? 'en'];

export const SEVERITY_EMOJI: Record<AlertSeverity, string> = { low: '🔵', medium: '🟡', high: '🟠', critical: '🔴' };

/** Mentions shown in a chat message: enough to judge the crisis, few enough to read on a phone. */
export const CHAT_TOP_MENTIONS = 3;

const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

/** "16,410" / "16 410", "118.9" / "118,9": at most `digits` decimals, grouped the locale's way. */
export function formatNumber(v: number, language: Locale = 'en', digits = 1): string {
  const key = `${language}:${digits}`;
  let format = NUMBER_FORMATS.get(key);
  if (!format) NUMBER_FORMATS.set(key, (format = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits })));
  return format.format(v);
}

/** "2 Dec, 14:05 CET" / "2 déc., 14:05 UTC+1": a moment as the entity's team reads it, with its zone. */
export function formatLocalTime(epochMs: number, language: Locale = 'en', timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(new Date(epochMs));
}

/** An acknowledge button makes sense until the alert is resolved. */
export const canAcknowledge = (event: AlertEvent, acknowledgeUrl: string): boolean => event !== 'resolved' && acknowledgeUrl !== '';
