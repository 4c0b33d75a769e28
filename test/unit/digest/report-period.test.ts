// The period of a scheduled report: the last full week or month in the entity's time zone.
import { describe, expect, it } from 'vitest';
import { reportPeriod } from '../../../src/reports/report-period.js';

describe('report period', () => {
  it('covers the last full ISO week', () => {
    // Monday 23 Nov 2026, 08:00 in Paris (07:00 UTC).
    const r = reportPeriod('week', Date.UTC(2026, 10, 23, 7), 'Europe/Paris');
    expect(r.key).toBe('report:2026-W47');
    expect(r.period).toEqual({ from: Date.UTC(2026, 10, 15, 23), to: Date.UTC(2026, 10, 22, 23) });
  });

  it('covers the last full calendar month, across a DST change and a year end', () => {
    const nov = reportPeriod('month', Date.UTC(2026, 10, 1, 7), 'Europe/Paris');
    expect(nov.key).toBe('report:2026-10');
    // October starts in summer time (UTC+2) and ends in winter time (UTC+1).
    expect(nov.period).toEqual({ from: Date.UTC(2026, 8, 30, 22), to: Date.UTC(2026, 9, 31, 23) });
    expect(reportPeriod('month', Date.UTC(2027, 0, 1, 7), 'UTC')).toMatchObject({ label: '2026-12', period: { from: Date.UTC(2026, 11, 1), to: Date.UTC(2027, 0, 1) } });
  });
});
