// Damaged import files: a BOM before the first JSONL record, CSV rows with an unterminated quote (the reader
// resynchronises at the next line and quarantines only the broken row), and bytes that are not UTF-8 (quarantined
// with where they are, never silently replaced by U+FFFD).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { RUNS } from './arbitraries.js';
import { csvCell, readAll, rows, scratchDir, withUniqueIds, type Row } from './file-import-cases.js';

// 10,000 cases per property: generous on a loaded 2-core machine; a hang still fails.
vi.setConfig({ testTimeout: 240_000 });

const { dir, remove } = scratchDir();
afterAll(remove);

const AT = '2026-03-19T10:00:00.000Z';
const HEADER = 'id,text,published_at,author';
const csvRow = (id: string, text: string) => [id, text, AT, 'ann'].map(csvCell).join(',');
const jsonLine = (id: string, text: string) => JSON.stringify({ id, text, published_at: AT, author: 'ann' });

async function positionsOf(path: string) {
  const { mentions, quarantined } = await readAll(path);
  const at = (error: string) => Number(/^(?:csv|jsonl) record (\d+): /.exec(error)?.[1]);
  return { mentions, quarantined, ids: mentions.map((m) => m.externalId), quarantinedAt: quarantined.map((q) => at(q.error)) };
}

describe('damaged import files', () => {
  it('JSONL: a UTF-8 BOM before the first record is not part of it', async () => {
    const path = join(dir, 'bom.jsonl');
    writeFileSync(path, `\ufeff${jsonLine('a', 'first')}\n${jsonLine('b', 'second')}\n`);
    const { ids, quarantined } = await positionsOf(path);
    expect(quarantined).toEqual([]);
    expect(ids).toEqual(['a', 'b']);
  });

  it('CSV: an unterminated quote loses only its own row; the reader resumes at the next line', async () => {
    const path = join(dir, 'quote.csv');
    const body = [csvRow('1', 'one'), csvRow('2', 'two'), '3,"never closed, 2026-03-19T10:00:00Z,ann', csvRow('4', 'four'), csvRow('5', 'five'), csvRow('6', 'six'), csvRow('7', 'seven')];
    writeFileSync(path, `${HEADER}\n${body.join('\n')}\n`);
    const { ids, quarantined, quarantinedAt } = await positionsOf(path);
    expect(ids).toEqual(['1', '2', '4', '5', '6', '7']);
    expect(quarantinedAt).toEqual([3]);
    expect(quarantined[0].error).toMatch(/^csv record 3: unreadable CSV \(.*quote.*\); reading resumed at the next line/i);
    expect(quarantined[0].payload).toBe('3,"never closed, 2026-03-19T10:00:00Z,ann');
  });

  it('CSV: an unterminated quote on the last line, and a stray quote inside a field, are quarantined alone', async () => {
    const path = join(dir, 'quotes.csv');
    writeFileSync(path, `\ufeff${HEADER}\r\n${csvRow('1', 'one')}\r\n2,b"c,${AT},ann\r\n${csvRow('3', 'three')}\r\n4,"open`);
    const { ids, quarantinedAt } = await positionsOf(path);
    expect(ids).toEqual(['1', '3']);
    expect(quarantinedAt).toEqual([2, 4]);
  });

  it('CSV (property): any rows with unterminated quotes anywhere: every other row kept in order, each broken one quarantined at its position', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(rows, fc.array(fc.nat(), { maxLength: 4 }), fc.boolean(), async (generated, breaks, crlf) => {
        const list: Array<Row | { kind: 'broken' }> = withUniqueIds(generated);
        for (const at of breaks) list.splice(at % (list.length + 1), 0, { kind: 'broken' });
        const lines = list.map((r, i) => (r.kind === 'good' ? [r.id, r.text, r.publishedAt, r.author].map(csvCell).join(',') : r.kind === 'bad' ? r.csvCells.map(csvCell).join(',') : `broken-${i},"no closing quote ${i}`));
        const eol = crlf ? '\r\n' : '\n';
        const path = join(dir, `p${n++ % 4}.csv`);
        writeFileSync(path, `${HEADER}${eol}${lines.join(eol)}${eol}`);
        const { ids, quarantinedAt } = await positionsOf(path);
        expect(ids).toEqual(list.flatMap((r) => (r.kind === 'good' ? [r.id] : [])));
        expect(quarantinedAt).toEqual(list.flatMap((r, i) => (r.kind === 'good' ? [] : [i + 1])));
      }),
      // Each case reads its file up to five times (a fresh parser after each broken row): a fifth of the usual cases.
      { numRuns: RUNS / 5 },
    );
  });

  it.each(['jsonl', 'csv'])('%s: invalid UTF-8 quarantines its record, with the byte offset and the bytes escaped; the rest is kept', async (format) => {
    const path = join(dir, `bytes.${format}`);
    const bad = Buffer.concat([Buffer.from(format === 'csv' ? 'a,"caf' : '{"id":"a","text":"caf'), Buffer.from([0xe9, 0x20, 0xff]), Buffer.from(format === 'csv' ? `",${AT},ann` : `","published_at":"${AT}","author":"ann"}`)]);
    const good = Buffer.from(format === 'csv' ? csvRow('b', 'café ok') : jsonLine('b', 'café ok'));
    writeFileSync(path, Buffer.concat([Buffer.from(format === 'csv' ? `${HEADER}\n` : ''), bad, Buffer.from('\n'), good, Buffer.from('\n')]));
    const { mentions, quarantined, quarantinedAt } = await positionsOf(path);
    expect(mentions.map((m) => [m.externalId, m.text])).toEqual([['b', 'café ok']]);
    expect(quarantinedAt).toEqual([1]);
    expect(quarantined[0].error).toMatch(/invalid UTF-8 \(byte 0xe9 at offset \d+\); is the file in another encoding/);
    // A CSV record is kept as its row in JSON, a JSONL one as its line.
    const text = format === 'csv' ? JSON.parse(quarantined[0].payload).text : quarantined[0].payload;
    expect(text).toContain('caf\\xe9 \\xff');
    expect(quarantined[0].payload).not.toContain('\ufffd');
  });
});
