// What every alert message tells, in sentences a person acts on: what happened, since when, how big against usual,
// who drives it and what to do next, under one headline that stays the same while the alert grows.
import { SEVERITY_RANK, type Alert, type EvidenceMention } from '../domain/alert.js';
import type { Locale } from '../domain/locale.js';
import type { AlertEvent } from '../queue/names.js';
import { formatLocalTime, formatNumber, MESSAGE_LABELS, type CrisisKind } from './alert-wording.js';

/** A subject longer than this is cut by phones and mail lists. */
export const SUBJECT_MAX = 80;

export interface AlertStoryInput {
  alert: Alert;
  event: AlertEvent;
  entityName: string;
  evidence: readonly EvidenceMention[];
  language?: Locale;
  /** The entity's time zone (IANA); UTC when absent. */
  timeZone?: string;
  /** The playbook's first step, when one is configured: the next step names it. */
  firstStep?: { label: string; withinMinutes: number };
}

export interface AlertStory {
  /** Stable for the alert's whole life: what kind of crisis, on which entity. */
  headline: string;
  subject: string;
  /** The detectors' latest sentence (figures update as the alert grows); for a resolved alert, how it ended. */
  whatHappened: string;
  sinceWhen: string;
  howBig: string;
  whoDrives: string;
  nextStep: string;
  /** "Detected 2 Dec, 14:12 CET", for plain-text parts and chat footers. */
  detected: string;
  /** Emerging phrases, risk tags in words. */
  phrases: string[];
}

const KINDS = new Set<string>(['volume', 'negative_share', 'influencer', 'velocity', 'risk', 'emerging_topic']);

/** The kind of crisis: the detector that opened the alert (the first listed; later ones are appended). */
export function crisisKind(alert: Pick<Alert, 'detectors'>): CrisisKind {
  const first = alert.detectors.find((d) => KINDS.has(d));
  return (first ?? 'volume') as CrisisKind;
}

/** "Kelio Aura: viral negative post": the same in every channel, on the acknowledge page and on the dashboard. */
export function alertHeadline(alert: Pick<Alert, 'detectors'>, entityName: string, language: Locale = 'en'): string {
  const words = MESSAGE_LABELS[language];
  return `${entityName}${language === 'fr' ? ' : ' : ': '}${words.kind[crisisKind(alert)]}`;
}

const capitalise = (s: string) => (s ? `${s[0].toUpperCase()}${s.slice(1)}` : s);
const sentence = (s: string) => {
  const t = capitalise(s.trim());
  return /[.!?…»"']$/.test(t) ? t : `${t}.`;
};

function shortSubject(lead: string, headline: string): string {
  const full = `[Vigie] ${lead} · ${headline}`;
  return full.length <= SUBJECT_MAX ? full : `${full.slice(0, SUBJECT_MAX - 1).trimEnd()}…`;
}

/**
 * How big against usual, from the figures of the detector that wrote the current sentence. Every sentence says the
 * usual level next to the observed one; "where there are usually none" when the usual level rounds to zero.
 */
export function sizeSentence(numbers: Record<string, number>, language: Locale = 'en'): string {
  const n = (v: number, digits = 1) => formatNumber(v, language, digits);
  const fr = language === 'fr';
  const has = (...keys: string[]) => keys.every((k) => typeof numbers[k] === 'number' && Number.isFinite(numbers[k]));
  if (has('observed', 'expected')) {
    const minutes = numbers.windowMinutes ?? 60;
    const { observed, expected } = numbers;
    if (expected < 0.5) return fr ? `${n(observed, 0)} mentions en ${minutes} min, alors qu'il n'y en a d'habitude aucune.` : `${n(observed, 0)} mentions in ${minutes} min, where there are usually none.`;
    const times = observed / expected;
    return fr
      ? `${n(observed, 0)} mentions en ${minutes} min contre ${n(expected)} d'habitude (${n(times, times >= 10 ? 0 : 1)} fois plus).`
      : `${n(observed, 0)} mentions in ${minutes} min against ${n(expected)} usually (${n(times, times >= 10 ? 0 : 1)} times as many).`;
  }
  if (has('negativeShareOfReach', 'usualShareOfReach')) {
    const pct = (x: number) => `${n(x * 100, 0)}${fr ? '\u202f%' : '%'}`;
    return fr
      ? `Ton négatif sur ${pct(numbers.negativeShareOfReach)} de l'audience, contre ${pct(numbers.usualShareOfReach)} d'habitude${has('negative', 'total') ? ` (${n(numbers.negative, 0)} mentions négatives sur ${n(numbers.total, 0)})` : ''}.`
      : `Negative tone on ${pct(numbers.negativeShareOfReach)} of the audience, against ${pct(numbers.usualShareOfReach)} usually${has('negative', 'total') ? ` (${n(numbers.negative, 0)} negative of ${n(numbers.total, 0)} mentions)` : ''}.`;
  }
  if (has('ratePerMinute', 'usualRatePerMinute')) {
    const { ratePerMinute: rate, usualRatePerMinute: usual } = numbers;
    const times = usual > 0 ? rate / usual : Infinity;
    const usualPart = Number.isFinite(times) ? (fr ? `, ${n(times, 0)} fois le rythme habituel` : `, ${n(times, 0)} times the usual pace`) : '';
    return fr ? `${n(rate)} partages ou réponses par minute${usualPart}.` : `${n(rate)} reshares or replies a minute${usualPart}.`;
  }
  if (has('followers', 'engagement')) {
    return fr
      ? `Un auteur de ${n(numbers.followers, 0)} abonnés ; ${n(numbers.engagement, 0)} partages ou réponses à son post${has('influentialPosts') && numbers.influentialPosts > 1 ? ` ; ${n(numbers.influentialPosts, 0)} posts négatifs influents` : ''}.`
      : `An author with ${n(numbers.followers, 0)} followers; ${n(numbers.engagement, 0)} reshares or replies to the post${has('influentialPosts') && numbers.influentialPosts > 1 ? `; ${n(numbers.influentialPosts, 0)} influential negative posts` : ''}.`;
  }
  if (has('count', 'negativeTexts')) {
    return fr ? `Dans ${n(numbers.count, 0)} des ${n(numbers.negativeTexts, 0)} mentions négatives récentes, jamais vu avant.` : `In ${n(numbers.count, 0)} of the ${n(numbers.negativeTexts, 0)} recent negative mentions, never seen before.`;
  }
  if (has('authors')) {
    return fr ? `Repris par ${n(numbers.authors, 0)} auteurs différents, presque absent hier.` : `Used by ${n(numbers.authors, 0)} different authors, almost unseen yesterday.`;
  }
  return '';
}

/** The authors with the widest audience among the evidence, each once. */
function drivers(evidence: readonly EvidenceMention[], language: Locale, limit = 3): { handles: string[]; first: string | undefined } {
  const words = MESSAGE_LABELS[language];
  const seen = new Set<string>();
  const top = [...evidence]
    .sort((a, b) => b.authorFollowers - a.authorFollowers)
    .filter((m) => !seen.has(m.authorHandle) && seen.add(m.authorHandle))
    .slice(0, limit);
  const at = (h: string) => (h.startsWith('@') ? h : `@${h}`);
  return { handles: top.map((m) => `${at(m.authorHandle)} (${words.followers(m.authorFollowers)})`), first: top[0] && at(top[0].authorHandle) };
}

export function alertStory(input: AlertStoryInput): AlertStory {
  const { alert, event, entityName } = input;
  const language = input.language ?? 'en';
  const timeZone = input.timeZone ?? 'UTC';
  const words = MESSAGE_LABELS[language];
  const time = (ms: number) => formatLocalTime(ms, language, timeZone);
  const headline = alertHeadline(alert, entityName, language);
  const severity = words.severity[alert.severity];
  const who = drivers(input.evidence, language);
  const resolved = event === 'resolved' || alert.status === 'resolved';
  const resolvedAt = alert.resolvedAt ?? alert.updatedAt;
  const urgent = SEVERITY_RANK[alert.severity] >= SEVERITY_RANK.high;
  const first = input.firstStep && words.withinMinutes(input.firstStep.label, input.firstStep.withinMinutes);
  return {
    headline,
    subject: shortSubject(words.subjectLead(event, severity), headline),
    whatHappened: resolved
      ? words.resolvedSince(time(resolvedAt), time(alert.onsetAt), words.duration((resolvedAt - alert.onsetAt) / 60_000), severity)
      : sentence(alert.why),
    sinceWhen: words.since(time(alert.onsetAt), time(alert.detectedAt), Math.round((alert.detectedAt - alert.onsetAt) / 60_000)),
    howBig: sizeSentence(alert.numbers, language),
    whoDrives: who.handles.length > 0 ? words.drivenBy(who.handles) : words.noDriver,
    nextStep: words.step(resolved ? 'resolved' : urgent ? 'urgent' : 'watch', first, who.first),
    detected: words.detectedAt(time(alert.detectedAt)),
    phrases: alert.phrases.map((p) => words.riskTag(p)),
  };
}
