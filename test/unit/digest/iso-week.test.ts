import { describe, expect, it } from 'vitest';
import { dayBoundaries, formatIsoWeek, isoWeekAt, lastCompletedWeek, parseIsoWeek, shiftWeek, weekDayKeys, weekPeriod, weeksInYear } from '../../../src/digest/iso-week.js';

const HOUR = 3_600_000;

describe('ISO weeks in a time zone', () => {
  it('parses and formats week labels, refusing weeks the year does not have', () => {
    expect(parseIsoWeek('2026-W47')).toEqual({ year: 2026, week: 47 });
    expect(formatIsoWeek({ year: 2026, week: 3 })).toBe('2026-W03');
    // 2026 starts on a Thursday: it has 53 weeks; 2025 has 52.
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
    expect(() => parseIsoWeek('2025-W53')).toThrow(/weeks 01 to 52/);
    expect(() => parseIsoWeek('2026-47')).toThrow(/2026-W47/);
  });

  it('gives the week as Monday 00:00 to Monday 00:00 local time', () => {
    // Paris is UTC+1 in November: Monday 16 November 00:00 is Sunday 23:00 UTC.
    expect(weekPeriod(parseIsoWeek('2026-W47'), 'Europe/Paris')).toEqual({ from: Date.UTC(2026, 10, 15, 23), to: Date.UTC(2026, 10, 22, 23) });
    expect(weekPeriod(parseIsoWeek('2026-W47'), 'America/New_York')).toEqual({ from: Date.UTC(2026, 10, 16, 5), to: Date.UTC(2026, 10, 23, 5) });
    expect(weekDayKeys(parseIsoWeek('2026-W47'))).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
  });

  it('makes the week of a daylight-saving change an hour shorter, with every local day starting at local midnight', () => {
    // Paris moves to summer time on Sunday 29 March 2026 (week 13).
    const p = weekPeriod(parseIsoWeek('2026-W13'), 'Europe/Paris');
    expect(p.to - p.from).toBe(167 * HOUR);
    const days = dayBoundaries(parseIsoWeek('2026-W13'), 'Europe/Paris');
    expect(days[6]).toBe(Date.UTC(2026, 2, 28, 23));
    expect(days[7]).toBe(Date.UTC(2026, 2, 29, 22));
  });

  it('finds the week of an instant in the local calendar and the week that just ended', () => {
    // Sunday 22 November 23:30 UTC is already Monday 23 November in Paris (week 48).
    expect(formatIsoWeek(isoWeekAt(Date.UTC(2026, 10, 22, 23, 30), 'Europe/Paris'))).toBe('2026-W48');
    expect(formatIsoWeek(isoWeekAt(Date.UTC(2026, 10, 22, 23, 30), 'UTC'))).toBe('2026-W47');
    // The Monday 08:00 digest in Paris reports the week that ended the night before.
    expect(formatIsoWeek(lastCompletedWeek(Date.UTC(2026, 10, 23, 7), 'Europe/Paris'))).toBe('2026-W47');
    // Across a year boundary: 1 January 2027 belongs to 2026-W53.
    expect(formatIsoWeek(isoWeekAt(Date.UTC(2027, 0, 1, 12), 'UTC'))).toBe('2026-W53');
    expect(formatIsoWeek(shiftWeek({ year: 2026, week: 53 }, 1))).toBe('2027-W01');
    expect(formatIsoWeek(shiftWeek({ year: 2027, week: 1 }, -5))).toBe('2026-W49');
  });
});
