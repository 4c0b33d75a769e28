// When a past figure is a fair basis for comparison: never "+35.8 pts vs previous period" against a period without
// data, never "4-week average" over one week of history.
import type { KpiName, Kpis } from './kpis.js';

const TONE_KPIS = new Set<KpiName>(['positiveShare', 'neutralShare', 'negativeShare', 'netSentiment', 'averageSentiment']);

/**
 * Whether `previous` can be compared with on this KPI: the previous period had mentions; for net sentiment, mentions
 * with a tone; for the engagement rate, impressions. Otherwise its zeros mean "not measured", not "nothing".
 */
export function isComparable(name: KpiName, previous: Kpis): boolean {
  if (previous.volume <= 0) return false;
  if (name === 'netSentiment') return previous.positiveShare + previous.negativeShare > 0;
  if (name === 'engagementRate') return previous.impressions > 0;
  if (TONE_KPIS.has(name)) return previous.positiveShare + previous.neutralShare + previous.negativeShare > 0;
  return true;
}

/** The least history an average of past weeks is shown with; one week is "last week", not an average. */
export const MIN_WEEKS_FOR_AVERAGE = 2;

export interface PriorAverage {
  value: number;
  /** How many weeks with data it averages: the label says this number, not the window's size. */
  weeks: number;
}

/** The mean of the past weeks that have data (null entries are weeks without any), or null with too little history. */
export function priorAverage(values: readonly (number | null)[]): PriorAverage | null {
  const known = values.filter((x): x is number => x !== null && Number.isFinite(x));
  if (known.length < MIN_WEEKS_FOR_AVERAGE) return null;
  return { value: known.reduce((s, x) => s + x, 0) / known.length, weeks: known.length };
}

/**
 * Each entity's share of the group's volume in the previous period, or null for all when the group had no mention
 * then (a share of nothing is not 0 %).
 */
export function previousShares(previousVolumes: ReadonlyMap<string, number>): Map<string, number> | null {
  let total = 0;
  for (const v of previousVolumes.values()) total += v;
  if (total <= 0) return null;
  return new Map([...previousVolumes].map(([id, v]) => [id, v / total]));
}
