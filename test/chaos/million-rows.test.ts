// A million-row CSV through readMentionFile: every row read, a few bad ones quarantined, and the heap stays
// bounded (batches are streamed, never the whole file). Measures heap growth; asserts a generous bound, not time.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { readMentionFile } from '../../src/sources/file-import.js';

const ROWS = 1_000_000;
const BAD_EVERY = 100_000;
/** The file is about 90 MB; holding it, or its rows, would take several hundred MB of heap. */
const MAX_HEAP_GROWTH = 150 * 1024 * 1024;

const dir = mkdtempSync(join(tmpdir(), 'vigie-million-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeMillionRows(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,text,published_at,author,followers,likes\n');
  const start = Date.UTC(2026, 0, 1);
  for (let i = 1; i <= ROWS; i++) {
    const publishedAt = i % BAD_EVERY === 0 ? 'not-a-date' : new Date(start + i * 1000).toISOString();
    const line = `m${i},"Acme blender, row ${i} ""quoted"" 🔥",${publishedAt},user${i % 5000},${i % 977},${i % 13}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

describe('a million-row CSV import', () => {
  it('reads every row with bounded memory', { timeout: 240_000 }, async () => {
    const path = join(dir, 'million.csv');
    await writeMillionRows(path);
    global.gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let mentions = 0;
    let quarantined = 0;
    let lastId = '';
    for await (const batch of readMentionFile(path, { sourceId: 'million', batchSize: 1000 })) {
      mentions += batch.mentions.length;
      quarantined += batch.quarantined.length;
      if (batch.mentions.length > 0) lastId = batch.mentions[batch.mentions.length - 1].externalId;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const growth = peak - baseline;
    console.info(`million-row CSV: heap growth ${(growth / 1024 / 1024).toFixed(1)} MB (bound ${MAX_HEAP_GROWTH / 1024 / 1024} MB)`);
    expect(mentions).toBe(ROWS - ROWS / BAD_EVERY);
    expect(quarantined).toBe(ROWS / BAD_EVERY);
    expect(lastId).toBe(`m${ROWS - 1}`);
    expect(growth).toBeLessThan(MAX_HEAP_GROWTH);
  });
});
