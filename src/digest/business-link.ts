// The business part of the digest: each metric's week against the last, and the one social-business link worth telling.
import { correlate, type LagCorrelation } from '../analytics/correlation.js';
import type { BusinessLink, BusinessMetricWeek } from './digest-content.js';

/**
 * Only social-leads-business lags, up to a week: the digest tells what reputation did to the business, not the
 * reverse. Longer lags mostly find weekly rhythms that both series share (a Monday dip 7 or 8 days later), not effects.
 */
export const DIGEST_LAGS: readonly number[] = Array.from({ length: 8 }, (_, i) => i);
/** Below this |r| a correlation explains under a tenth of the variation: true or not, it changes no decision. */
export const MIN_ABS_R = 0.3;
/** Family-wise error rate: the p-value is multiplied by the number of (pair, lag) tests tried (Bonferroni). */
export const ALPHA = 0.05;

/**
 * The strongest correlation across every (social series, business series, lag) that survives the multiple-testing
 * correction and is not weak; null when none does, which is the honest answer for most brands most weeks.
 * Series are indexed by the same days; NaN marks a day without data.
 */
export function strongestHonestLink(
  days: readonly string[],
  social: Readonly<Record<string, number[]>>,
  business: Readonly<Record<string, number[]>>,
): BusinessLink | null {
  const pairs = Object.keys(social).length * Object.keys(business).length;
  const tests = pairs * DIGEST_LAGS.length;
  let best: { link: BusinessLink; r: number } | null = null;
  for (const [socialName, s] of Object.entries(social)) {
    for (const [businessName, b] of Object.entries(business)) {
      for (const row of correlate(s, b, DIGEST_LAGS)) {
        if (!isHonest(row, tests)) continue;
        const r = Math.abs(row.pearson!);
        if (!best || r > best.r) {
          best = { r, link: { social: socialName, business: businessName, correlation: row, days: [...days], socialSeries: [...s], businessSeries: [...b] } };
        }
      }
    }
  }
  return best?.link ?? null;
}

/**
 * Strong, significant after the correction, and confirmed by the rank correlation (Spearman) with the same sign:
 * a Pearson r made by one extreme day (a crisis peak) alone does not pass.
 */
function isHonest(row: LagCorrelation, tests: number): boolean {
  if (row.warning || row.pearson === null || row.pearsonP === null || row.spearman === null || row.spearmanP === null) return false;
  const strong = Math.abs(row.pearson) >= MIN_ABS_R && Math.abs(row.spearman) >= MIN_ABS_R;
  const significant = row.pearsonP * tests < ALPHA && row.spearmanP * tests < ALPHA;
  return strong && significant && Math.sign(row.pearson) === Math.sign(row.spearman);
}

/** A metric's week against the previous week, from its values by day ('YYYY-MM-DD'). */
export function metricWeek(name: string, byDay: ReadonlyMap<string, number>, weekDays: readonly string[], previousDays: readonly string[]): BusinessMetricWeek {
  const collect = (keys: readonly string[]) => keys.map((k) => byDay.get(k)).filter((v): v is number => v !== undefined);
  const now = collect(weekDays);
  const before = collect(previousDays);
  const total = now.reduce((s, v) => s + v, 0);
  const previousTotal = before.reduce((s, v) => s + v, 0);
  const meanNow = now.length ? total / now.length : NaN;
  const meanBefore = before.length ? previousTotal / before.length : NaN;
  return {
    name,
    total,
    days: now.length,
    previousTotal,
    previousDays: before.length,
    changeRatio: Number.isFinite(meanNow) && Number.isFinite(meanBefore) && meanBefore !== 0 ? (meanNow - meanBefore) / Math.abs(meanBefore) : null,
  };
}
