// The words and number formats every alert message shares, whatever the channel.
import type { AlertSeverity } from '../domain/alert.js';
import { compactCount, frenchFollowers } from '../domain/follower-count.js';
import type { Locale } from '../domain/locale.js';
import type { AlertEvent } from '../queue/names.js';

/** Every word of an alert message, in the entity's language (the alert's own sentence already is). */
export interface MessageLabels {
  event: Record<AlertEvent, string>;
  severity: Record<AlertSeverity, string>;
  /** A mention's sentiment label as a word (an unknown label as it is). */
  sentiment(label: string): string;
  followers(n: number): string;
  detected(detectors: string, at: string, onset: string): string;
  emergingPhrases: string;
  topMentions: string;
  acknowledge: string;
  openInVigie: string;
  openPost: string;
  open: string;
}

export const MESSAGE_LABELS: Record<Locale, MessageLabels> = {
  en: {
    event: { opened: 'New alert', escalated: 'Alert escalated', resolved: 'Alert resolved' },
    severity: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
    sentiment: (label) => label,
    followers: (n) => `${compactCount(n)} followers`,
    detected: (detectors, at, onset) => `Detected by ${detectors} at ${at} (onset ${onset})`,
    emergingPhrases: 'Emerging phrases',
    topMentions: 'Top mentions',
    acknowledge: 'Acknowledge',
    openInVigie: 'Open in Vigie',
    openPost: 'Open post',
    open: 'open',
  },
  fr: {
    event: { opened: 'Nouvelle alerte', escalated: 'Alerte aggravée', resolved: 'Alerte résolue' },
    severity: { low: 'faible', medium: 'moyenne', high: 'élevée', critical: 'critique' },
    sentiment: (label) => ({ negative: 'négatif', neutral: 'neutre', positive: 'positif' })[label] ?? label,
    followers: frenchFollowers,
    detected: (detectors, at, onset) => `Détectée par ${detectors} le ${at} (début ${onset})`,
    emergingPhrases: 'Expressions émergentes',
    topMentions: 'Mentions principales',
    acknowledge: 'Prendre en charge',
    openInVigie: 'Ouvrir dans Vigie',
    openPost: 'Ouvrir le post',
    open: 'ouvrir',
  },
};

/** The labels of a message: its language, or English. */
export const labelsOf = (message: { language?: Locale }): MessageLabels => MESSAGE_LABELS[message.language ?? 'en'];

export const SEVERITY_EMOJI: Record<AlertSeverity, string> = { low: '🔵', medium: '🟡', high: '🟠', critical: '🔴' };

/** Mentions shown in a chat message: enough to judge the crisis, few enough to read on a phone. */
export const CHAT_TOP_MENTIONS = 3;

export const formatNumber = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2));

/** "2024-05-01 14:05 UTC": storage and messages are in UTC; a brand's time zone is for reports. */
export const formatUtc = (epochMs: number): string => `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** An acknowledge button makes sense until the alert is resolved. */
export const canAcknowledge = (event: AlertEvent, acknowledgeUrl: string): boolean => event !== 'resolved' && acknowledgeUrl !== '';
