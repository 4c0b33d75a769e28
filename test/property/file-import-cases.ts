// Generators and the check shared by the JSONL and CSV property tests of readMentionFile.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { readMentionFile } from '../../src/sources/file-import.js';
import { hostileString, isoTime } from './arbitraries.js';

/** A scratch directory in RAM when there is one: ten thousand small files are written per property. */
export function scratchDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'vigie-prop-import-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface GoodRow { kind: 'good'; id: string; text: string; publishedAt: string; author: string }
export interface BadRow { kind: 'bad'; line: string; csvCells: string[]; why: RegExp }
export type Row = GoodRow | BadRow;

// Text with no CR: readline and csv-parse both treat a lone CR as a line end, which is fine but not what this checks.
const text = hostileString(80).map((s) => s.replace(/\r/g, ' '));
const good: fc.Arbitrary<GoodRow> = fc.record({
  kind: fc.constant('good' as const),
  id: fc.stringMatching(/^[a-z0-9]{1,12}$/),
  text,
  publishedAt: isoTime,
  author: fc.stringMatching(/^[a-z][a-z0-9_]{0,14}$/),
});
const bad: fc.Arbitrary<BadRow> = fc.oneof(
  fc.record({ kind: fc.constant('bad' as const), line: fc.constantFrom('{"id": "1", "text": "cut', '{not json}', '[1,2', 'nul'), csvCells: fc.constant<string[]>(['', '', '', '']), why: fc.constant(/not valid JSON|published_at|id|author/) }),
  isoTime.map((t): BadRow => ({ kind: 'bad', line: JSON.stringify({ id: 'x', text: 'no author', published_at: t }), csvCells: ['x', 'no author', t, ''], why: /author/ })),
  fc.constant<BadRow>({ kind: 'bad', line: JSON.stringify({ id: 'x', text: 't', published_at: 'yesterday', author: 'ann' }), csvCells: ['x', 't', 'yesterday', 'ann'], why: /published_at/ }),
);
export const rows = fc.array(fc.oneof(good, bad), { minLength: 1, maxLength: 8 });

export const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;
// Unique ids across the file so that the kept order can be checked by id.
export const withUniqueIds = (list: Row[]) => list.map((row, i) => (row.kind === 'good' ? { ...row, id: `${row.id}-${i}` } : row));

export async function readAll(path: string) {
  const mentions = [];
  const quarantined = [];
  for await (const batch of readMentionFile(path, { sourceId: 'prop', batchSize: 3 })) {
    mentions.push(...batch.mentions);
    quarantined.push(...batch.quarantined);
  }
  return { mentions, quarantined };
}

export async function checkFile(path: string, list: Row[], format: 'jsonl' | 'csv'): Promise<void> {
  const { mentions, quarantined } = await readAll(path);
  const goods = list.filter((r): r is GoodRow => r.kind === 'good');
  const bads = list.map((r, i) => ({ r, position: i + 1 })).filter((x): x is { r: BadRow; position: number } => x.r.kind === 'bad');
  // JSON escapes lone surrogates so they survive; raw UTF-8 (CSV) turns them into U+FFFD.
  const written = (t: string) => (format === 'jsonl' ? t : Buffer.from(t, 'utf8').toString('utf8'));
  expect(mentions.map((m) => [m.externalId, m.text, m.publishedAt, m.author.handle])).toEqual(goods.map((g) => [g.id, written(g.text), g.publishedAt, g.author]));
  expect(quarantined).toHaveLength(bads.length);
  quarantined.forEach((q, i) => {
    expect(q.error.startsWith(`${format} record ${bads[i].position}: `)).toBe(true);
    expect(q.error).toMatch(bads[i].r.why);
  });
}

