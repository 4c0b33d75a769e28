// Reads the rows of a CSV file as records, one broken row at a time: a row that cannot be parsed is quarantined alone.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse as parseCsv, type Parser } from 'csv-parse';
import type { RawRecord } from './file-import.js';
import { decodeUtf8, invalidUtf8Reason, UTF8_BOM, type Utf8Result } from './strict-utf8.js';

/** Fields stay bytes, so that each can be checked to be UTF-8; rows csv-parse cannot read are reported through on_skip. */
const CSV_OPTIONS = { encoding: null, bom: false, info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 2_000_000, skip_records_with_error: true } as const;

/**
 * CSV rows as records. A row csv-parse cannot read (an unterminated quote would swallow the rest of the file) is
 * quarantined alone: reading starts again, with a fresh parser, at the line after the one where that row began.
 */
export async function* csvRecords(path: string): AsyncGenerator<RawRecord> {
  let header: string[] | undefined;
  let position = 0;
  for (let offset = 0; ; ) {
    /** Where the parser's first byte is in the file. */
    let start = offset;
    /** The first row this parser could not read: it comes after `after` rows (the header included). */
    let broken: { after: number; reason: string } | undefined;
    const input = Readable.from(withoutBom(path, start, () => (start += UTF8_BOM.length)), { objectMode: false });
    const parser: Parser = input.pipe(
      parseCsv({
        ...CSV_OPTIONS,
        on_skip: (error) => {
          broken ??= { after: parser.info.records, reason: describeCsvError(error) };
          return undefined;
        },
      }),
    );
    let rows = 0;
    /** Where the last row read ends: once the rows before a broken one are all read, where the broken one begins. */
    let readEnd = start;
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: Uint8Array[]; info: { bytes: number } }>) {
        rows++;
        // Past the broken row the parser's idea of where rows start is wrong: those rows are read again below.
        if (broken && rows > broken.after) break;
        readEnd = start + info.bytes;
        if (!header) {
          header = record.map((cell) => textOf(decodeUtf8(cell)).trim().toLowerCase());
          continue;
        }
        position++;
        yield csvRecord(position, header, record);
      }
    } catch (error) {
      yield { position: position + 1, raw: '', error: `CSV stopped being readable: ${(error as Error).message}` };
      return;
    } finally {
      input.destroy();
    }
    if (!broken) return;
    // The rows before the broken one were all read: the parser produced them before it failed, in order.
    const line = await lineFrom(path, readEnd);
    if (!line) return;
    if (!header) {
      yield { position: 1, raw: textOf(decodeUtf8(line.bytes)), error: `unreadable CSV header (${broken.reason}): no row can be read without it` };
      return;
    }
    position++;
    yield { position, raw: textOf(decodeUtf8(line.bytes)), error: `unreadable CSV (${broken.reason}); reading resumed at the next line` };
    offset = line.next;
  }
}

/**
 * The file's bytes from `start`, without the BOM a file may begin with. It is dropped here, not by csv-parse: on a BOM
 * csv-parse switches to decoding fields itself, which would replace bytes that are not UTF-8 instead of reporting them.
 */
async function* withoutBom(path: string, start: number, onBom: () => void): AsyncGenerator<Buffer> {
  let first = start === 0;
  for await (const chunk of createReadStream(path, { start }) as AsyncIterable<Buffer>) {
    if (first && chunk.subarray(0, UTF8_BOM.length).equals(UTF8_BOM)) {
      onBom();
      yield chunk.subarray(UTF8_BOM.length);
    } else {
      yield chunk;
    }
    first = false;
  }
}

/** csv-parse's messages count lines from where the current parser started, and show fields as bytes: said plainly. */
const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quote opens a field and is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by other characters',
  INVALID_OPENING_QUOTE: 'a quote inside a field that does not start with one',
  CSV_MAX_RECORD_SIZE: `the row is longer than ${CSV_OPTIONS.max_record_size} characters`,
};
const describeCsvError = (error: { code?: string; message: string } | undefined) => (error?.code && CSV_ERRORS[error.code]) || error?.message || 'unreadable row';

const textOf = (decoded: Utf8Result) => (decoded.ok ? decoded.text : decoded.escaped);

function csvRecord(position: number, header: readonly string[], cells: readonly Uint8Array[]): RawRecord {
  const row: Record<string, string> = {};
  let invalid: string | undefined;
  header.forEach((name, i) => {
    if (cells[i] === undefined) return;
    const decoded = decodeUtf8(cells[i]);
    row[name] = textOf(decoded);
    if (!decoded.ok) invalid ??= `${invalidUtf8Reason(decoded)} in column "${name}"`;
  });
  const raw = JSON.stringify(row);
  return invalid ? { position, raw, error: invalid } : { position, raw, value: row };
}

/** Longest part of a broken line kept for the quarantine (which keeps 256 KB); the rest is only skipped. */
const MAX_BROKEN_LINE_BYTES = 512 * 1024;

/** The first non-blank line at or after `at` (its start, capped), and where the next line begins; null at the end. */
async function lineFrom(path: string, at: number): Promise<{ bytes: Buffer; next: number } | null> {
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let offset = at;
  let inLine = false;
  const input = createReadStream(path, { start: at });
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let i = 0;
      if (!inLine) {
        while (i < chunk.length && (chunk[i] === 0x0a || chunk[i] === 0x0d)) i++;
        if (i < chunk.length) inLine = true;
      }
      let end = i;
      while (end < chunk.length && chunk[end] !== 0x0a && chunk[end] !== 0x0d) end++;
      if (keptBytes < MAX_BROKEN_LINE_BYTES) {
        const part = chunk.subarray(i, Math.min(end, i + MAX_BROKEN_LINE_BYTES - keptBytes));
        kept.push(part);
        keptBytes += part.length;
      }
      if (end < chunk.length) {
        // A CRLF split over two chunks leaves its LF to the next read, where it is a blank line.
        const next = offset + end + (chunk[end] === 0x0d && chunk[end + 1] === 0x0a ? 2 : 1);
        return { bytes: Buffer.concat(kept), next };
      }
      offset += chunk.length;
    }
  } finally {
    input.destroy();
  }
  return inLine ? { bytes: Buffer.concat(kept), next: offset } : null;
}
