// Wall-clock time in the workspace's zone: CSV cells, offsets across DST, and labels.
import { describe, expect, it } from 'vitest';
import { spreadsheetDateTime, utcOffsetLabel, zoneOffsetMs } from '../../../src/domain/zoned-time.js';

describe('zoned time', () => {
  it('writes the local wall clock in a form spreadsheets read as a date', () => {
    const t = Date.UTC(2026, 10, 18, 13, 5, 7, 450);
    expect(spreadsheetDateTime(t, 'Europe/Paris')).toBe('2026-11-18 14:05:07');
    expect(spreadsheetDateTime(t, 'UTC')).toBe('2026-11-18 13:05:07');
    expect(spreadsheetDateTime(t, 'America/New_York')).toBe('2026-11-18 08:05:07');
  });

  it('follows daylight saving time', () => {
    expect(zoneOffsetMs(Date.UTC(2026, 6, 1, 12), 'Europe/Paris')).toBe(2 * 3_600_000);
    expect(zoneOffsetMs(Date.UTC(2026, 0, 1, 12), 'Europe/Paris')).toBe(3_600_000);
    // 29 March 2026, 01:00 UTC: Paris jumps from 02:00 to 03:00.
    expect(spreadsheetDateTime(Date.UTC(2026, 2, 29, 0, 59, 59), 'Europe/Paris')).toBe('2026-03-29 01:59:59');
    expect(spreadsheetDateTime(Date.UTC(2026, 2, 29, 1, 0, 0), 'Europe/Paris')).toBe('2026-03-29 03:00:00');
  });

  it('labels the offset', () => {
    expect(utcOffsetLabel(Date.UTC(2026, 0, 1), 'Europe/Paris')).toBe('UTC+1');
    expect(utcOffsetLabel(Date.UTC(2026, 0, 1), 'UTC')).toBe('UTC');
    expect(utcOffsetLabel(Date.UTC(2026, 0, 1), 'Asia/Kolkata')).toBe('UTC+5:30');
    expect(utcOffsetLabel(Date.UTC(2026, 0, 1), 'America/New_York')).toBe('UTC\u22125');
  });
});
