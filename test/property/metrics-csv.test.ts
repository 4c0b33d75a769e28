// importMetricsCsv on half-bad files: good rows imported (last one wins per day), bad rows rejected with their line and reason.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importMetricsCsv, parseMetricRecord } from '../../src/store/metrics-repository.js';
import { createTestDatabase, type TestDatabase } from '../helpers/services.js';
import { hostileString, RUNS } from './arbitraries.js';
import { scratchDir } from './file-import-cases.js';

// 10,000 cases per property: generous on a loaded 2-core machine; a hang still fails.
vi.setConfig({ testTimeout: 240_000 });

const { dir, remove } = scratchDir();
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('sqlite');
});
afterAll(async () => {
  await db.destroy();
  remove();
});

const day = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2039, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const goodRow = fc.record({ date: day, metric: fc.constantFrom('web sessions', 'sign-ups', 'revenue_eur', 'nps/2'), value: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), entity: fc.constantFrom('', 'acme', 'acme-fr') });
const badRow = fc.oneof(
  fc.record({ date: fc.constantFrom('2025-02-30', '31/03/2025', '', 'tomorrow'), metric: fc.constant('visits'), value: fc.constant(1), entity: fc.constant(''), why: fc.constant('date') }),
  fc.record({ date: day, metric: fc.constantFrom('', '=cmd', '  ', 'x'.repeat(101)), value: fc.constant(1), entity: fc.constant(''), why: fc.constant('metric name') }),
  fc.record({ date: day, metric: fc.constant('visits'), value: fc.constantFrom('NaN', 'Infinity', '1,5', 'abc', ''), entity: fc.constant(''), why: fc.constant('number') }),
  fc.record({ date: day, metric: fc.constant('visits'), value: fc.constant(1), entity: fc.constantFrom('Acme!', '-x', 'a b'), why: fc.constant('entity id') }),
);
const cell = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;

describe('metrics CSV import (property)', () => {
  it('parseMetricRecord answers any record with a row or a reason, never an exception', () => {
    const record = fc.dictionary(fc.constantFrom('date', 'metric', 'value', 'entity', 'other'), hostileString(30));
    fc.assert(
      fc.property(record, (r) => {
        const parsed = parseMetricRecord(r, '*');
        if (typeof parsed === 'string') expect(parsed).toMatch(/^expected /);
        else expect(Number.isFinite(parsed.value)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('imports the good rows and rejects each bad one with its line', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(goodRow, badRow), { minLength: 1, maxLength: 6 }), async (rows) => {
        const path = join(dir, `m${n++ % 4}.csv`);
        writeFileSync(path, `Date,Metric,Value,Entity\n${rows.map((r) => [r.date, r.metric, r.value, r.entity].map(cell).join(',')).join('\n')}\n`);
        const result = await importMetricsCsv(db.store.db, path);
        const goodKeys = new Set(rows.filter((r) => !('why' in r)).map((r) => `${r.entity || '*'}/${r.date}/${r.metric}`));
        const bad = rows.map((r, i) => ({ r, line: i + 2 })).filter(({ r }) => 'why' in r);
        expect(result.imported).toBe(goodKeys.size);
        expect(result.rejected.map((x) => x.line)).toEqual(bad.map((b) => b.line));
        result.rejected.forEach((x, i) => expect(x.error).toContain((bad[i].r as { why: string }).why));
      }),
      { numRuns: RUNS },
    );
  });

  it('a row with broken quoting is rejected with its line; the rows before it are imported, nothing throws', async () => {
    const path = join(dir, 'quotes.csv');
    writeFileSync(path, 'date,metric,value\n2025-01-01,visits,3\n2025-01-02,"vis"its,4\n');
    const result = await importMetricsCsv(db.store.db, path);
    expect(result.imported).toBe(1);
    // csv-parse may report the same broken row twice (bad closing quote, then the quote never closed): both name line 3.
    expect(result.rejected.length).toBeGreaterThan(0);
    expect(result.rejected.every((r) => r.line === 3)).toBe(true);
    expect(result.rejected[0].error).toMatch(/^unreadable CSV row \(Invalid Closing Quote/);
  });
});
