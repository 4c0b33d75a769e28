// The demo's business CSV: every day of the scenario, readable by the metrics import, with the crisis visible in it.
import { describe, expect, it } from 'vitest';
import { demoBusinessMetricsCsv } from '../../../src/demo/business-metrics.js';
import { crisisDayOf } from '../../../src/demo/crisis-plan.js';
import { parseMetricRecord } from '../../../src/store/metrics-repository.js';

const DAY = 86_400_000;
const END = new Date('2026-11-24T18:00:00Z');

describe('demoBusinessMetricsCsv', () => {
  const csv = demoBusinessMetricsCsv({ seed: 42, end: END, days: 35 });
  const [header, ...lines] = csv.trim().split('\n');
  const rows = lines.map((line) => {
    const [date, entity, metric, value] = line.split(',');
    const parsed = parseMetricRecord({ date, entity, metric, value }, 'kelio');
    if (typeof parsed === 'string') throw new Error(`${line}: ${parsed}`);
    return parsed;
  });

  it('gives three figures a day for every day of the five weeks, in the import format', () => {
    expect(header).toBe('date,entity,metric,value');
    expect(new Set(rows.map((r) => r.day)).size).toBe(36);
    expect(new Set(rows.map((r) => `${r.entityId}/${r.name}`))).toEqual(new Set(['kelio/sign-ups', 'kelio/site visits', 'kelio-aura/units sold']));
  });

  it('shows the crisis: visits jump on its day, sign-ups fall the day after', () => {
    const crisis = new Date(crisisDayOf(END.getTime() - 35 * DAY, 35)).toISOString().slice(0, 10);
    const next = new Date(Date.parse(crisis) + DAY).toISOString().slice(0, 10);
    const value = (day: string, name: string) => rows.find((r) => r.day === day && r.name === name)!.value;
    const usual = (name: string) => rows.filter((r) => r.name === name && r.day < crisis).map((r) => r.value).reduce((a, b) => a + b, 0) / 32;
    expect(value(crisis, 'site visits')).toBeGreaterThan(1.8 * usual('site visits'));
    expect(value(next, 'sign-ups')).toBeLessThan(0.75 * usual('sign-ups'));
  });
});
