// Kelio's daily business figures over the demo's weeks, as the CSV a team would import: sign-ups that dip after the crisis, site visits that jump on it.
import { crisisDayOf } from './crisis-plan.js';
import { Rng } from './random.js';

const DAY = 24 * 3_600_000;

export interface DemoMetricsOptions {
  seed: number;
  /** The scenario's end and length, as given to generateScenario: the crisis day follows from them. */
  end: Date;
  days: number;
}

/** `date,entity,metric,value` rows for every day of the scenario, one header line first. */
export function demoBusinessMetricsCsv(options: DemoMetricsOptions): string {
  const rng = new Rng(options.seed + 1);
  const end = options.end.getTime();
  const start = end - options.days * DAY;
  const crisisDay = crisisDayOf(start, options.days);
  const lines = ['date,entity,metric,value'];
  for (let day = Math.floor(start / DAY) * DAY; day < end; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    // Days since the crisis began (negative before it): the damage shows the next day and fades over a week.
    const after = (day - crisisDay) / DAY;
    const dip = after >= 1 ? 0.38 * Math.exp(-(after - 1) / 3) : 0;
    const growth = 1 + 0.004 * ((day - start) / DAY);
    const signups = 410 * growth * (weekend ? 0.8 : 1) * (1 - dip) * rng.between(0.93, 1.07);
    const visits = 9_800 * growth * (weekend ? 0.75 : 1) * (after >= 0 && after < 2 ? 2.4 - 0.8 * after : 1) * rng.between(0.9, 1.1);
    const unitsSold = 130 * growth * (weekend ? 1.2 : 1) * (1 - 1.3 * dip) * rng.between(0.85, 1.15);
    const date = new Date(day).toISOString().slice(0, 10);
    lines.push(`${date},kelio,sign-ups,${Math.round(signups)}`, `${date},kelio,site visits,${Math.round(visits)}`, `${date},kelio-aura,units sold,${Math.max(0, Math.round(unitsSold))}`);
  }
  return `${lines.join('\n')}\n`;
}
