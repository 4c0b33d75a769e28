// Decodes UTF-8 without silently replacing bad bytes: text that is not UTF-8 is reported, with its bytes kept visible.
import { isUtf8 } from 'node:buffer';

/** What editors on Windows put at the start of a UTF-8 file; it belongs to no record. */
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export type Utf8Result = { ok: true; text: string } | { ok: false; offset: number; byte: number; escaped: string };

/** Bytes of the sequence a lead byte starts, or 0 when it cannot start one (RFC 3629). */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** A BOM inside the text is kept: only the one at the start of a file is no character, and callers drop it. */
const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of `bytes`, or where its first invalid byte is and the whole with each invalid byte written `\xNN`, so that
 * a quarantined record shows what the file held (U+FFFD would hide it: a file in Latin-1 or Windows-1252, usually).
 */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { ok: true, text: STRICT.decode(bytes) };
  } catch {
    return describeInvalid(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
}

function describeInvalid(buffer: Buffer): Utf8Result & { ok: false } {
  let escaped = '';
  let runStart = 0;
  let first = -1;
  for (let i = 0; i < buffer.length; ) {
    const n = sequenceLength(buffer[i]);
    if (n === 1 || (n > 1 && i + n <= buffer.length && isUtf8(buffer.subarray(i, i + n)))) {
      i += n;
      continue;
    }
    if (first < 0) first = i;
    escaped += `${buffer.toString('utf8', runStart, i)}\\x${buffer[i].toString(16).padStart(2, '0')}`;
    i += 1;
    runStart = i;
  }
  escaped += buffer.toString('utf8', runStart);
  return { ok: false, offset: first, byte: buffer[first], escaped };
}

/** The quarantine reason for text that is not UTF-8. */
export const invalidUtf8Reason = (r: { offset: number; byte: number }) =>
  `invalid UTF-8 (byte 0x${r.byte.toString(16).padStart(2, '0')} at offset ${r.offset}); is the file in another encoding? Save it as UTF-8`;
