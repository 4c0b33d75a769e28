// Picks the mentions that best show a problem and words them for the one-sentence "why" of an alert.
import type { NotableMention } from './series.js';

/** Earned engagement: what other people did with the post. */
export function earnedEngagement(m: NotableMention): number {
  return m.engagement.reshares + m.engagement.replies + m.engagement.quotes;
}

/** Notable mentions published in [from, to) that pass `keep`, most telling first (influence, then engagement). */
export function rankNotable(
  notable: readonly NotableMention[],
  from: number,
  to: number,
  keep: (m: NotableMention) => boolean = (m) => m.sentiment === 'negative',
): NotableMention[] {
  return notable
    .filter((m) => m.publishedAt >= from && m.publishedAt < to && keep(m))
    .sort((a, b) => b.authorInfluence - a.authorInfluence || earnedEngagement(b) - earnedEngagement(a) || a.publishedAt - b.publishedAt);
}

export const EVIDENCE_LIMIT = 10;

export function evidenceIds(mentions: readonly NotableMention[], limit = EVIDENCE_LIMIT): string[] {
  return mentions.slice(0, limit).map((m) => m.id);
}

/** "410k", "1.2M", "950". */
export function formatCount(n: number): string {
  if (n >= 1_000_000) return `${trimDecimal(n / 1_000_000)}M`;
  if (n >= 1_000) return `${trimDecimal(n / 1_000)}k`;
  return String(Math.round(n));
}

function trimDecimal(x: number): string {
  return x >= 100 ? String(Math.round(x)) : String(Math.round(x * 10) / 10);
}

/** Plain text for a quote in a sentence: one line, at most `max` characters. Escaping is the renderer's job. */
export function quote(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}

/** "6x", "2.5x". */
export function formatRatio(ratio: number): string {
  return ratio >= 10 ? `${Math.round(ratio)}x` : `${Math.round(ratio * 10) / 10}x`;
}

export function formatMinutes(minutes: number): string {
  return minutes % 60 === 0 && minutes >= 120 ? `${minutes / 60} h` : `${minutes} min`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** An expected count for a sentence: "4.2", "37". */
export function formatExpected(x: number): string {
  if (x > 0 && x < 0.1) return String(Number(x.toPrecision(1)));
  return x >= 10 ? String(Math.round(x)) : String(Math.round(x * 10) / 10);
}

/** Figures stored with an alert: two decimals are plenty. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
