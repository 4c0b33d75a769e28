import { describe, expect, it } from 'vitest';
import { byFirstKey, keysAt } from '../../../src/scoring/key-sequences.js';
import { tokenizePost } from '../../../src/scoring/lexicon.js';

describe('key sequences', () => {
  it('match the keys of the tokens from a position, within the post', () => {
    const tokens = tokenizePost("il n'arrête pas de planter");
    expect(keysAt(tokens, 1, ['ne', 'arrete', 'pas', 'de'])).toBe(true);
    expect(keysAt(tokens, 0, ['ne', 'arrete'])).toBe(false);
    expect(keysAt(tokens, 4, ['planter', 'encore'])).toBe(false);
    expect(keysAt(tokens, -1, ['il'])).toBe(false);
  });

  it('are indexed by their first key, the longest first and equal lengths in their order', () => {
    const index = byFirstKey([['keeps'], ['kept'], ['keeps', 'on'], ['i', 'keep'], ['keeps', 'up']], (keys) => keys);
    expect([...index.keys()]).toEqual(['keeps', 'kept', 'i']);
    expect(index.get('keeps')).toEqual([['keeps', 'on'], ['keeps', 'up'], ['keeps']]);
  });
});
