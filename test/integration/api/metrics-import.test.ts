// vigie import-metrics: good rows kept (upserted), bad rows rejected with their line and reason, on both databases.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessSeries, importMetricsCsv } from '../../../src/store/metrics-repository.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/services.js';

const dir = mkdtempSync(join(tmpdir(), 'vigie-metrics-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe.each(DIALECTS)('importMetricsCsv on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('keeps good rows and rejects bad ones with line and reason', async () => {
    const path = file(`a-${dialect}.csv`, [
      'Date,Metric,Value',
      '2026-03-01,web sessions,1200',
      '2026-03-02,web sessions,1350.5',
      '2026-02-30,web sessions,10',
      '2026-03-03,,10',
      '2026-03-03,revenue,ten',
      '2026-03-03,revenue,-42',
    ].join('\n'));
    const result = await importMetricsCsv(db.store.db, path, 'acme');
    expect(result.imported).toBe(3);
    expect(result.rejected.map((r) => r.line)).toEqual([4, 5, 6]);
    expect(result.rejected[0].error).toMatch(/date/);
    expect(result.rejected[1].error).toMatch(/metric/);
    expect(result.rejected[2].error).toMatch(/number/);
    const series = await businessSeries(db.store.db, 'acme', '2026-03-01', '2026-03-31');
    expect(Object.fromEntries(series.get('web sessions')!)).toEqual({ '2026-03-01': 1200, '2026-03-02': 1350.5 });
    expect(series.get('revenue')!.get('2026-03-03')).toBe(-42);
  });

  it('replaces the value of a day imported again, and shares company-wide metrics with every entity', async () => {
    await importMetricsCsv(db.store.db, file(`b-${dialect}.csv`, 'date,metric,value\n2026-03-01,web sessions,999\n'), 'acme');
    await importMetricsCsv(db.store.db, file(`c-${dialect}.csv`, 'date,metric,value\n2026-03-05,sign-ups,7\n'));
    const series = await businessSeries(db.store.db, 'acme', '2026-03-01', '2026-03-31');
    expect(series.get('web sessions')!.get('2026-03-01')).toBe(999);
    expect(series.get('sign-ups')!.get('2026-03-05')).toBe(7);
    expect((await businessSeries(db.store.db, 'globex', '2026-03-01', '2026-03-31')).has('web sessions')).toBe(false);
  });
});
