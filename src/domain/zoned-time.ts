// Instants shown in a time zone: the one place wall-clock time is computed, for the dashboard API, CSV, digest and reports.

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock fields of an instant in a time zone, as if they were UTC (so offset = that - instant). */
export function wallClockAsUtc(t: number, timeZone: string): number {
  let format = partsFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    partsFormatters.set(timeZone, format);
  }
  const f = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
  return Date.UTC(Number(f.year), Number(f.month) - 1, Number(f.day), Number(f.hour), Number(f.minute), Number(f.second));
}

/** The zone's offset from UTC at that instant, in ms (Europe/Paris in winter: 3 600 000). */
export const zoneOffsetMs = (t: number, timeZone: string): number => wallClockAsUtc(t, timeZone) - Math.floor(t / 1000) * 1000;

/**
 * "2026-11-18 14:05:00": the local wall clock without zone letters, the form LibreOffice, Excel and Google Sheets
 * all read as a date-time (ISO strings with "T" and "Z" stay text in most of them).
 */
export function spreadsheetDateTime(t: number, timeZone: string): string {
  return new Date(wallClockAsUtc(t, timeZone)).toISOString().slice(0, 19).replace('T', ' ');
}

/** "UTC+1", "UTC−4", "UTC+5:30", "UTC": the offset at that instant, for labels next to the zone's name. */
export function utcOffsetLabel(t: number, timeZone: string): string {
  const minutes = Math.round(zoneOffsetMs(t, timeZone) / 60_000);
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const hm = abs % 60 === 0 ? String(abs / 60) : `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
  return `UTC${minutes > 0 ? '+' : '\u2212'}${hm}`;
}
