// Re-buckets a sparse series (hourly rollups) into a dense one of any step, with zeros where nothing was said.
import { floorTo } from '../domain/time-buckets.js';
import type { Period } from './period.js';
import { addCounts, type VolumeCounts } from './kpis.js';

export type Bucketed<T> = T & { start: number };

const ZERO: Required<VolumeCounts> = { total: 0, negative: 0, neutral: 0, positive: 0, engagement: 0, reach: 0, sentimentSum: 0 };

/** One bucket per `step` from the period's start (floored to the step) to its end, each the sum of the buckets inside. */
export function regroup(buckets: readonly Bucketed<VolumeCounts>[], period: Period, step: number): Bucketed<Required<VolumeCounts>>[] {
  const first = floorTo(period.from, step);
  const out: Bucketed<Required<VolumeCounts>>[] = [];
  for (let t = first; t < period.to; t += step) out.push({ start: t, ...ZERO });
  for (const b of buckets) {
    const slot = out[Math.floor((b.start - first) / step)];
    if (!slot || b.start < period.from || b.start >= period.to) continue;
    addCounts(slot, b);
  }
  return out;
}
