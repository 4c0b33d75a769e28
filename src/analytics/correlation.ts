// Correlation of a social series with a business series over day lags, with a plain warning when there is too little data.
import { correlationPValue, pearson, spearman } from './statistics.js';

/** Fewer paired days than this and a correlation says nothing worth acting on. */
export const MIN_POINTS = 10;

export const DEFAULT_LAGS: readonly number[] = Array.from({ length: 29 }, (_, i) => i - 14);

export interface LagCorrelation {
  /** Days the business series is shifted: +3 compares social on day d with business on day d + 3 (social leads). */
  lag: number;
  /** Days where both series have a value. */
  n: number;
  pearson: number | null;
  pearsonP: number | null;
  spearman: number | null;
  spearmanP: number | null;
  /** Set when the result cannot be trusted, in plain words. */
  warning: string | null;
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * Both series are indexed by day from the same first day; NaN marks a day without data.
 * Returns one row per lag.
 */
export function correlate(social: readonly number[], business: readonly number[], lags: readonly number[] = DEFAULT_LAGS): LagCorrelation[] {
  return lags.map((lag) => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < social.length; i++) {
      const j = i + lag;
      if (j < 0 || j >= business.length) continue;
      if (Number.isFinite(social[i]) && Number.isFinite(business[j])) {
        xs.push(social[i]);
        ys.push(business[j]);
      }
    }
    const n = xs.length;
    const r = pearson(xs, ys);
    const rho = spearman(xs, ys);
    let warning: string | null = null;
    if (n < MIN_POINTS) warning = `only ${n} day(s) with both series: at least ${MIN_POINTS} are needed to say anything`;
    else if (!Number.isFinite(r)) warning = 'one of the series does not vary over these days: no correlation can be measured';
    return {
      lag,
      n,
      pearson: finite(r),
      pearsonP: finite(correlationPValue(r, n)),
      spearman: finite(rho),
      spearmanP: finite(correlationPValue(rho, n)),
      warning,
    };
  });
}

/** The lag with the strongest trustworthy Pearson correlation, or null when none is trustworthy. */
export function strongestLag(rows: readonly LagCorrelation[]): LagCorrelation | null {
  let best: LagCorrelation | null = null;
  for (const row of rows) {
    if (row.warning || row.pearson === null) continue;
    if (!best || Math.abs(row.pearson) > Math.abs(best.pearson!)) best = row;
  }
  return best;
}
