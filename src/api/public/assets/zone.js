// The workspace's time zone in the browser (the server writes it on <html data-time-zone>): every date and chart axis
// of the dashboard is shown in it, whatever the zone of the reader's computer. Mirrors src/domain/zoned-time.ts.
export const timeZone = document.documentElement.dataset.timeZone || 'UTC';

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
});

function wallClockAsUtc(t) {
  const f = Object.fromEntries(parts.formatToParts(t).map((p) => [p.type, p.value]));
  return Date.UTC(Number(f.year), Number(f.month) - 1, Number(f.day), Number(f.hour), Number(f.minute), Number(f.second));
}

export const offsetMs = (t) => wallClockAsUtc(t) - Math.floor(t / 1000) * 1000;

/**
 * An instant as a chart x value: charts draw in UTC (useUTC), so the local wall clock is passed as if it were UTC,
 * and ticks fall on local midnights and hours.
 */
export const chartTime = (t) => t + offsetMs(t);

/** The inverse of chartTime, for a click on a chart point (two rounds settle a DST change). */
export function fromChartTime(x) {
  let t = x;
  for (let i = 0; i < 2; i++) t = x - offsetMs(t);
  return t;
}

/** The instant a calendar date ('YYYY-MM-DD') starts in the workspace's zone. */
export const zonedMidnight = (dateKey) => fromChartTime(Date.parse(`${dateKey}T00:00:00Z`));

/** The calendar date ('YYYY-MM-DD') an instant falls on in the workspace's zone. */
export const localDateKey = (t) => new Date(chartTime(t)).toISOString().slice(0, 10);

/** "UTC+1" at that instant. */
export function offsetLabel(t = Date.now()) {
  const minutes = Math.round(offsetMs(t) / 60_000);
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const hm = abs % 60 === 0 ? String(abs / 60) : `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
  return `UTC${minutes > 0 ? '+' : '\u2212'}${hm}`;
}
