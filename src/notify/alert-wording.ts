// The words and number formats every alert message shares, whatever the channel.
import type { AlertSeverity } from '../domain/alert.js';
import type { AlertEvent } from '../queue/names.js';

export const EVENT_WORD: Record<AlertEvent, string> = { opened: 'New alert', escalated: 'Alert escalated', resolved: 'Alert resolved' };

export const SEVERITY_EMOJI: Record<AlertSeverity, string> = { low: '🔵', medium: '🟡', high: '🟠', critical: '🔴' };

/** Mentions shown in a chat message: enough to judge the crisis, few enough to read on a phone. */
export const CHAT_TOP_MENTIONS = 3;

export const formatCount = (n: number): string => new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(n);

export const formatNumber = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2));

/** "2024-05-01 14:05 UTC": storage and messages are in UTC; a brand's time zone is for reports. */
export const formatUtc = (epochMs: number): string => `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** An acknowledge button makes sense until the alert is resolved. */
export const canAcknowledge = (event: AlertEvent, acknowledgeUrl: string): boolean => event !== 'resolved' && acknowledgeUrl !== '';
