// Compares KPIs with the previous period, with competitors and with the industry norms given in config.
import { isComparable } from './comparison-basis.js';
import { KPI_NAMES, type KpiName, type Kpis } from './kpis.js';

export interface KpiComparison {
  name: KpiName;
  value: number;
  previous: number;
  /** value - previous; null when the previous period is no basis for comparison (no data: see comparison-basis.ts). */
  change: number | null;
  /** change / |previous|; null when there is no change or the previous value was 0 (a change from nothing has no ratio). */
  changeRatio: number | null;
  /** The industry norm from config, when one is given for this KPI. */
  norm: number | null;
  /** value - norm, when a norm is given. */
  vsNorm: number | null;
}

export function compareKpis(current: Kpis, previous: Kpis, norms: Readonly<Record<string, number>> = {}): KpiComparison[] {
  return KPI_NAMES.map((name) => {
    const value = current[name];
    const before = previous[name];
    const change = isComparable(name, previous) ? value - before : null;
    const norm = typeof norms[name] === 'number' ? norms[name] : null;
    return {
      name,
      value,
      previous: before,
      change,
      changeRatio: change !== null && before !== 0 ? change / Math.abs(before) : null,
      norm,
      vsNorm: norm === null ? null : value - norm,
    };
  });
}

export interface CompetitorGap {
  entityId: string;
  kpis: Kpis;
  /** The brand's value minus the competitor's, per KPI (positive: the brand has more). */
  gap: Record<KpiName, number>;
}

export function compareWithCompetitors(brand: Kpis, competitors: readonly { entityId: string; kpis: Kpis }[]): CompetitorGap[] {
  return competitors.map((c) => ({
    entityId: c.entityId,
    kpis: c.kpis,
    gap: Object.fromEntries(KPI_NAMES.map((name) => [name, brand[name] - c.kpis[name]])) as Record<KpiName, number>,
  }));
}
