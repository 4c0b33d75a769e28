// storable(): NULs dropped and lone surrogates replaced in every string of a value, the rest untouched.
import { describe, expect, it } from 'vitest';
import { storable } from '../../../src/store/storable-text.js';

describe('storable', () => {
  it('returns a clean value itself, without copying it', () => {
    const mention = { text: 'Acme 🎉 "ok"', author: { handle: 'ann' }, tags: ['a', 'b'], likes: 3, url: null };
    expect(storable(mention)).toBe(mention);
  });

  it('cleans nested strings and array items, copying only what changed', () => {
    const author = { handle: 'ok' };
    const mention = { text: 'a\u0000b \ud83d', author, drivers: ['x', 'y\udc00'], count: 1 };
    const clean = storable(mention);
    expect(clean).toEqual({ text: 'ab \ufffd', author: { handle: 'ok' }, drivers: ['x', 'y\ufffd'], count: 1 });
    expect(clean.author).toBe(author);
    expect(mention.text).toBe('a\u0000b \ud83d');
  });
});
