// When people post: quiet nights, a lunch bump, busy evenings (European audience, in UTC), calmer weekends.
const HOURLY_UTC = [0.35, 0.2, 0.12, 0.08, 0.08, 0.15, 0.4, 0.75, 0.95, 1.0, 1.0, 1.05, 1.15, 1.05, 0.95, 0.95, 1.05, 1.3, 1.55, 1.7, 1.6, 1.3, 0.9, 0.6];
const HOURLY_MEAN = HOURLY_UTC.reduce((sum, v) => sum + v, 0) / HOURLY_UTC.length;
// Sunday first, as Date#getUTCDay counts.
const WEEKDAY = [0.85, 1.05, 1.0, 1.0, 1.0, 0.95, 0.8];

/** Relative posting activity at `ms` (epoch); averages about 1 over a week. */
export function activityAt(ms: number): number {
  const date = new Date(ms);
  return (HOURLY_UTC[date.getUTCHours()] / HOURLY_MEAN) * WEEKDAY[date.getUTCDay()];
}
