// Splits a byte stream into lines without decoding it, so that each line's bytes can be checked before they become text.

const LF = 0x0a;
const CR = 0x0d;

/** The lines of a stream, without their ends: LF, CRLF or a lone CR, as node:readline splits them. */
export async function* byteLines(input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let afterCR = false;
  for await (const chunk of input) {
    // The LF of a CRLF whose CR ended the previous chunk.
    let start = afterCR && chunk[0] === LF ? 1 : 0;
    afterCR = false;
    for (let i = start; i < chunk.length; i++) {
      const b = chunk[i];
      if (b !== LF && b !== CR) continue;
      pending.push(chunk.subarray(start, i));
      yield pending.length === 1 ? pending[0] : Buffer.concat(pending);
      pending = [];
      if (b === CR) {
        if (i + 1 === chunk.length) afterCR = true;
        else if (chunk[i + 1] === LF) i++;
      }
      start = i + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) yield Buffer.concat(pending);
}
