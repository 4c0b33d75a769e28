// Periods the dashboard asks about: the default (last 7 days of data), the previous period, days as keys.
import { DAY_MS, HOUR_MS, floorTo } from '../domain/time-buckets.js';

export interface Period {
  /** Inclusive, epoch ms. */
  from: number;
  /** Exclusive, epoch ms. */
  to: number;
}

export const DEFAULT_PERIOD_MS = 7 * DAY_MS;

/**
 * The period asked for, completed: without an end, the end of the stored data (so the demo, whose data ends now,
 * and an import of last year's history both show something), else now; without a start, 7 days before the end.
 */
export function resolvePeriod(asked: { from?: number; to?: number }, dataSpan: Period | null, now: number): Period {
  const to = asked.to ?? (dataSpan ? dataSpan.to : floorTo(now, HOUR_MS) + HOUR_MS);
  const from = asked.from ?? to - DEFAULT_PERIOD_MS;
  return { from, to: Math.max(to, from) };
}

/** The period of the same length just before. */
export function previousPeriod(p: Period): Period {
  return { from: p.from - (p.to - p.from), to: p.from };
}

/** 'YYYY-MM-DD' of a UTC time. */
export const dayKey = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** Every UTC day touched by the period, in order. */
export function daysOf(p: Period): string[] {
  const days: string[] = [];
  for (let t = floorTo(p.from, DAY_MS); t < p.to; t += DAY_MS) days.push(dayKey(t));
  return days;
}
