// ISO weeks ('2026-W47') as periods in a time zone: Monday 00:00 local to the next Monday 00:00 local, in UTC epoch ms.
import { DAY_MS } from '../domain/time-buckets.js';
import type { Period } from '../analytics/period.js';
import { wallClockAsUtc } from '../domain/zoned-time.js';

export interface IsoWeek {
  year: number;
  week: number;
}

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Parses '2026-W47'; throws a RangeError saying what was expected. */
export function parseIsoWeek(text: string): IsoWeek {
  const match = WEEK_PATTERN.exec(text.trim());
  if (!match) throw new RangeError(`expected an ISO week like 2026-W47, got "${text.slice(0, 40)}"`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > weeksInYear(year)) throw new RangeError(`${year} has weeks 01 to ${weeksInYear(year)}, got "${text}"`);
  return { year, week };
}

/** The ISO week of a calendar date (given as the UTC midnight of that date). */
function isoWeekOfDate(utcMidnight: number): IsoWeek {
  const weekday = (new Date(utcMidnight).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = utcMidnight + (3 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  return { year, week: 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) };
}

export function weeksInYear(year: number): number {
  return isoWeekOfDate(Date.UTC(year, 11, 28)).week;
}

/** The calendar date (as its UTC midnight) of the Monday of an ISO week: week 1 is the one holding 4 January. */
function mondayOf({ year, week }: IsoWeek): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (week - 1) * 7 * DAY_MS;
}

/** The instant local midnight starts on a calendar date in a time zone (DST changes happen at night, never at midnight in practice). */
export function zonedMidnight(utcMidnightOfDate: number, timeZone: string): number {
  let t = utcMidnightOfDate;
  // Two rounds settle the offset even when the first guess lands on the other side of a DST change.
  for (let i = 0; i < 2; i++) t = utcMidnightOfDate - (wallClockAsUtc(t, timeZone) - t);
  return t;
}

/** The calendar date (as UTC midnight) an instant falls on in a time zone. */
export function localDate(t: number, timeZone: string): number {
  const wall = wallClockAsUtc(t, timeZone);
  return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
}

export function isoWeekAt(t: number, timeZone: string): IsoWeek {
  return isoWeekOfDate(localDate(t, timeZone));
}

export function shiftWeek(w: IsoWeek, weeks: number): IsoWeek {
  return isoWeekOfDate(mondayOf(w) + weeks * 7 * DAY_MS);
}

/** The week that ended most recently at instant t in the time zone (what a Monday-morning digest reports). */
export function lastCompletedWeek(t: number, timeZone: string): IsoWeek {
  return shiftWeek(isoWeekAt(t, timeZone), -1);
}

/** The week as a period of instants; 167 or 169 hours long in a week with a DST change. */
export function weekPeriod(w: IsoWeek, timeZone: string): Period {
  const monday = mondayOf(w);
  return { from: zonedMidnight(monday, timeZone), to: zonedMidnight(monday + 7 * DAY_MS, timeZone) };
}

/** The start of each of the week's 7 local days, then the week's end (8 instants). */
export function dayBoundaries(w: IsoWeek, timeZone: string): number[] {
  const monday = mondayOf(w);
  return Array.from({ length: 8 }, (_, i) => zonedMidnight(monday + i * DAY_MS, timeZone));
}

/** The week's 7 calendar dates as 'YYYY-MM-DD' (how business metrics are keyed). */
export function weekDayKeys(w: IsoWeek): string[] {
  const monday = mondayOf(w);
  return Array.from({ length: 7 }, (_, i) => new Date(monday + i * DAY_MS).toISOString().slice(0, 10));
}
