// Which period a scheduled report covers: the last full ISO week, or the last full calendar month, in a time zone,
// and the key it is recorded under (so that a report is sent once per entity and period).
import type { Period } from '../analytics/period.js';
import { formatIsoWeek, lastCompletedWeek, localDate, weekPeriod, zonedMidnight } from '../digest/iso-week.js';

export type ReportEvery = 'week' | 'month';

export interface ReportPeriod {
  /** 'report:2026-W47' or 'report:2026-11': the digests table's key for it. */
  key: string;
  /** '2026-W47' or '2026-11'. */
  label: string;
  period: Period;
}

export function reportPeriod(every: ReportEvery, scheduledAt: number, timeZone: string): ReportPeriod {
  if (every === 'week') {
    const week = lastCompletedWeek(scheduledAt, timeZone);
    const label = formatIsoWeek(week);
    return { key: `report:${label}`, label, period: weekPeriod(week, timeZone) };
  }
  const today = new Date(localDate(scheduledAt, timeZone));
  const thisMonth = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1);
  const lastMonth = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1);
  const label = new Date(lastMonth).toISOString().slice(0, 7);
  return { key: `report:${label}`, label, period: { from: zonedMidnight(lastMonth, timeZone), to: zonedMidnight(thisMonth, timeZone) } };
}

/** Default schedules: Monday 08:00 for a weekly report, the 1st at 08:00 for a monthly one (in the entity's zone). */
export const DEFAULT_REPORT_PATTERN: Record<ReportEvery, string> = { week: '0 8 * * 1', month: '0 8 1 * *' };
