// Sequences of token keys (a lexicon phrase, "keeps on", "ne arrete pas de"): matched at a position, and indexed by their
// first key so that a scan tries only the sequences that can start at a word.
import type { Token } from './tokenizer.js';

/** Do the tokens from `start` on have exactly these keys? */
export function keysAt(tokens: readonly Token[], start: number, keys: readonly string[]): boolean {
  if (start < 0 || start + keys.length > tokens.length) return false;
  for (let k = 0; k < keys.length; k++) if (tokens[start + k].key !== keys[k]) return false;
  return true;
}

/** Items indexed by their first key; within a key, the longest first (a scan takes the longest match). */
export function byFirstKey<T>(items: Iterable<T>, keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    const first = keysOf(item)[0];
    const bucket = index.get(first);
    if (bucket) bucket.push(item);
    else index.set(first, [item]);
  }
  for (const bucket of index.values()) bucket.sort((a, b) => keysOf(b).length - keysOf(a).length);
  return index;
}
