// readMentionFile on half-bad JSONL files: every good line kept in order, every bad one quarantined with its line and reason.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, it, vi } from 'vitest';
import { RUNS } from './arbitraries.js';
import { checkFile, rows, scratchDir, withUniqueIds } from './file-import-cases.js';

// 10,000 cases per property: generous on a loaded 2-core machine; a hang still fails.
vi.setConfig({ testTimeout: 240_000 });

const { dir, remove } = scratchDir();
afterAll(remove);

describe('readMentionFile on half-bad JSONL files (property)', () => {
  it('JSONL: keeps the good lines, quarantines the bad ones with line number and reason', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(rows, async (generated) => {
        const list = withUniqueIds(generated);
        const path = join(dir, `f${n++ % 4}.jsonl`);
        const lines = list.map((r) => (r.kind === 'good' ? JSON.stringify({ id: r.id, text: r.text, published_at: r.publishedAt, author: r.author }) : r.line));
        writeFileSync(path, `${lines.join('\n')}\n`);
        await checkFile(path, list, 'jsonl');
      }),
      { numRuns: RUNS },
    );
  });
});
