// How a feed's bytes read: the charset of its Content-Type, else of its XML declaration, else UTF-8 (RFC 7303).
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function charsetOfContentType(contentType: string | null): string | undefined {
  return contentType ? /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1] : undefined;
}

/** The encoding the document declares in `<?xml ... encoding="..."?>`, read from its first bytes as ASCII. */
function charsetOfDeclaration(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 200).toString('latin1');
  return /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
}

/** Labels browsers read as windows-1252 (WHATWG Encoding): Latin-1 feeds often hold its curly quotes and euro sign. */
const WINDOWS_1252_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp1252', 'windows-1252', 'x-cp1252']);

type Decoder = { decode(bytes: Buffer): string };

/** iconv-lite, not TextDecoder: Node decodes "windows-1252" as plain Latin-1 (0x92 stays U+0092, not ’). */
function decoderFor(label: string | undefined): Decoder | undefined {
  if (!label) return undefined;
  const name = WINDOWS_1252_ALIASES.has(label.toLowerCase()) ? 'windows-1252' : label.toLowerCase();
  if (!iconv.encodingExists(name)) return undefined; // unknown label: try the next source of truth
  return { decode: (bytes) => iconv.decode(bytes, name, { stripBOM: true }) };
}

/**
 * Decodes a feed. A UTF-8 byte-order mark wins; then the HTTP charset, unless it says UTF-8 and the bytes are not
 * (servers often label every file UTF-8), then the XML declaration, then UTF-8. ISO-8859-1 reads as windows-1252, as
 * browsers do: feeds that say Latin-1 often hold curly quotes and euro signs in 0x80-0x9F.
 */
export function decodeFeed(bytes: Buffer, contentType: string | null): string {
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) return bytes.subarray(3).toString('utf8');
  const fromHeader = charsetOfContentType(contentType);
  const headerSaysUtf8 = fromHeader !== undefined && /^utf-?8$/i.test(fromHeader);
  if (fromHeader && !(headerSaysUtf8 && !isUtf8(bytes))) {
    const decoder = decoderFor(fromHeader);
    if (decoder) return decoder.decode(bytes);
  }
  const declared = decoderFor(charsetOfDeclaration(bytes));
  if (declared) return declared.decode(bytes);
  // Undeclared and not UTF-8: windows-1252 is what such feeds are, in practice, rather than U+FFFD everywhere.
  return isUtf8(bytes) ? bytes.toString('utf8') : decoderFor('windows-1252')!.decode(bytes);
}
