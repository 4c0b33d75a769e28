// readMentionFile on half-bad JSONL files: every good line kept in order, every bad one quarantined with its line and reason.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { RUNS } from './arbitraries.js';
import { checkFile, readAll, rows, scratchDir, withUniqueIds } from './file-import-cases.js';

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

  it('invalid UTF-8 bytes in a JSONL line are read as U+FFFD: the record is kept, the rest of the file too', async () => {
    const path = join(dir, 'bytes.jsonl');
    const head = Buffer.from('{"id":"a","text":"caf');
    const tail = Buffer.from('","published_at":"2025-01-01T00:00:00Z","author":"ann"}\n{"id":"b","text":"ok","published_at":"2025-01-01T00:00:00Z","author":"bob"}\n');
    writeFileSync(path, Buffer.concat([head, Buffer.from([0xc3, 0x28, 0xff, 0xfe]), tail]));
    const { mentions, quarantined } = await readAll(path);
    expect(quarantined).toEqual([]);
    expect(mentions.map((m) => m.externalId)).toEqual(['a', 'b']);
    expect(mentions[0].text).toBe('caf\ufffd(\ufffd\ufffd');
  });
});
