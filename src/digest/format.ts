// Numbers, shares, durations and dates as an executive reads them, in the digest's locale and the brand's time zone.
import type { Locale } from './digest-content.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Formatter {
  count(n: number): string;
  /** 0.1234 -> "12%". */
  share(x: number): string;
  /** A change of a 0..1 share, in percentage points: -0.05 -> "−5 pts". */
  sharePoints(x: number): string;
  /** A change of index points: -30 -> "−30 pts", 1 -> "+1 pt". */
  points(n: number): string;
  /** A ratio of change: 0.25 -> "+25%". */
  change(x: number): string;
  /** Signed with one decimal at most: -14.2 -> "−14". */
  signed(x: number, digits?: number): string;
  decimal(x: number, digits?: number): string;
  duration(ms: number): string;
  /** "Wed 18 Nov" / "mer. 18 nov.". */
  day(t: number): string;
  /** "Wed 18 Nov, 14:05". */
  dayTime(t: number): string;
  /** "16–22 Nov 2026". */
  range(from: number, toExclusive: number): string;
}

const MINUS = '\u2212';

export function createFormatter(locale: Locale, timeZone: string): Formatter {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const compact = new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const dayFormat = new Intl.DateTimeFormat(tag, { timeZone, weekday: 'short', day: 'numeric', month: 'short' });
  const timeFormat = new Intl.DateTimeFormat(tag, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const dayMonth = new Intl.DateTimeFormat(tag, { timeZone, day: 'numeric', month: 'short' });
  const dayMonthYear = new Intl.DateTimeFormat(tag, { timeZone, day: 'numeric', month: 'short', year: 'numeric' });
  const sign = (x: number, text: string) => (x > 0 ? `+${text}` : x < 0 ? `${MINUS}${text}` : text);
  const decimal = (x: number, digits = 1) => new Intl.NumberFormat(tag, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(x);
  const pct = locale === 'fr' ? '\u00a0%' : '%';
  const points = (n: number) => `${locale === 'fr' ? '\u00a0' : ' '}${Math.abs(n) === 1 ? 'pt' : 'pts'}`;
  return {
    count: (n) => (Math.abs(n) >= 10_000 ? compact.format(n) : whole.format(n)),
    share: (x) => `${whole.format(x * 100)}${pct}`,
    sharePoints: (x) => sign(Math.round(x * 100), `${whole.format(Math.abs(x * 100))}${points(Math.round(x * 100))}`),
    points: (n) => `${sign(Math.round(n), whole.format(Math.abs(Math.round(n))))}${points(Math.round(n))}`,
    change: (x) => sign(Math.round(x * 100), `${whole.format(Math.abs(x * 100))}${pct}`),
    signed: (x, digits = 0) => {
      const rounded = Number(x.toFixed(digits));
      return sign(rounded, decimal(Math.abs(rounded), digits));
    },
    decimal,
    duration(ms) {
      if (ms < HOUR) return `${Math.max(0, Math.round(ms / MINUTE))} min`;
      if (ms < DAY) {
        const h = Math.floor(ms / HOUR);
        const m = Math.round((ms - h * HOUR) / MINUTE);
        return m > 0 && h < 10 ? `${h} h ${String(m).padStart(2, '0')}` : `${Math.round(ms / HOUR)} h`;
      }
      return locale === 'fr' ? `${decimal(ms / DAY, 1)} j` : `${decimal(ms / DAY, 1)} d`;
    },
    day: (t) => dayFormat.format(t),
    dayTime: (t) => `${dayFormat.format(t)}, ${timeFormat.format(t)}`,
    range: (from, to) => `${dayMonth.format(from)} – ${dayMonthYear.format(to - 1)}`,
  };
}
