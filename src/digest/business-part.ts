// The digest's business part read from the store: each metric's week against the last, and the link worth telling.
import type { Kysely } from 'kysely';
import { dayKey, type Period } from '../analytics/period.js';
import { regroup } from '../analytics/regroup.js';
import { DAY_MS, floorTo } from '../domain/time-buckets.js';
import { businessSeries } from '../store/metrics-repository.js';
import { dataSpan, rollupSeries } from '../store/rollup-queries.js';
import type { Database } from '../store/tables.js';
import { SOCIAL_SERIES } from '../analytics/social-series.js';
import { metricWeek, strongestHonestLink } from './business-link.js';
import type { DigestBusiness } from './digest-content.js';
import { shiftWeek, weekDayKeys, type IsoWeek } from './iso-week.js';

/** Correlations need months of days; the dashboard's business page looks back as far by default. */
export const BUSINESS_WINDOW_DAYS = 90;

/**
 * Business metrics of the week against the last, and the strongest honest correlation over the 90 UTC days that end
 * with the week (the dashboard's business page asked for the same window gives the same coefficients).
 */
export async function businessPart(db: Kysely<Database>, entityId: string, week: IsoWeek, period: Period): Promise<DigestBusiness> {
  const to = floorTo(period.to + DAY_MS - 1, DAY_MS);
  const window = { from: to - BUSINESS_WINDOW_DAYS * DAY_MS, to };
  const weekDays = weekDayKeys(week);
  const previousDays = weekDayKeys(shiftWeek(week, -1));
  // 'YYYY-MM-DD' keys sort as dates: read from the earliest to the latest day either part needs.
  const [firstDay] = [dayKey(window.from), previousDays[0]].sort();
  const [, lastDay] = [weekDays[6], dayKey(to - DAY_MS)].sort();
  const [hourly, series, span] = await Promise.all([
    rollupSeries(db, 'rollups_hourly', { entityId, ...window }),
    businessSeries(db, entityId, firstDay, lastDay),
    dataSpan(db),
  ]);
  const days = regroup(hourly, window, DAY_MS);
  const keys = days.map((d) => dayKey(d.start));
  // Days before collection began are unknown, not quiet: they must not count as days without mentions.
  const collected = (start: number) => span !== null && start >= floorTo(span.from, DAY_MS);
  const social = Object.fromEntries(Object.entries(SOCIAL_SERIES).map(([name, pick]) => [name, days.map((d) => (collected(d.start) ? pick(d) : NaN))]));
  const businessArrays = Object.fromEntries([...series.entries()].map(([name, byDay]) => [name, keys.map((k) => byDay.get(k) ?? NaN)]));
  return {
    metrics: [...series.entries()].map(([name, byDay]) => metricWeek(name, byDay, weekDays, previousDays)).filter((m) => m.days > 0 || m.previousDays > 0),
    link: strongestHonestLink(keys, social, businessArrays),
    windowDays: keys.length,
  };
}
