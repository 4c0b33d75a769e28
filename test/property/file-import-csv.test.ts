// readMentionFile on half-bad CSV files: every good row kept in order (quotes, newlines, BOM), every bad one quarantined.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, it, vi } from 'vitest';
import { RUNS } from './arbitraries.js';
import { checkFile, readAll, rows, scratchDir, withUniqueIds, csvCell } from './file-import-cases.js';

// 10,000 cases per property: generous on a loaded 2-core machine; a hang still fails.
vi.setConfig({ testTimeout: 240_000 });

const { dir, remove } = scratchDir();
afterAll(remove);

describe('readMentionFile on half-bad CSV files (property)', () => {
  it('CSV: keeps the good rows (quotes, commas, newlines and emoji in text), quarantines the bad ones', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(rows, fc.boolean(), async (generated, bom) => {
        // A CSV row cannot be "not JSON": the CSV form of those bad rows is a row of empty cells.
        const list = withUniqueIds(generated);
        const path = join(dir, `f${n++ % 4}.csv`);
        const body = list.map((r) => (r.kind === 'good' ? [r.id, r.text, r.publishedAt, r.author] : r.csvCells).map(csvCell).join(','));
        writeFileSync(path, `${bom ? '\ufeff' : ''}id,text,published_at,author\r\n${body.join('\r\n')}\r\n`);
        await checkFile(path, list, 'csv');
      }),
      { numRuns: RUNS },
    );
  });

});
