// Strings whose `length` cannot be compared, as plain JSON can carry them: reported as the field's error, never thrown.
import { describe, expect, it } from 'vitest';
import { boundedString } from '../../../src/sources/bounded-string.js';
import { parseMentionRecord } from '../../../src/sources/mention-record.js';

const hostile = () => JSON.parse('{"length": {"valueOf": 0, "toString": 0}}') as unknown;

describe('boundedString', () => {
  it('reports a non-string with a hostile length as the wrong type, and checks the bounds of strings', () => {
    const handle = boundedString(1, 5);
    expect(handle.safeParse(hostile()).error?.issues[0]).toMatchObject({ code: 'invalid_type', expected: 'string' });
    expect(handle.safeParse('acme').data).toBe('acme');
    expect(handle.safeParse('').success).toBe(false);
    expect(handle.safeParse('acme-corp').success).toBe(false);
  });
});

describe('parseMentionRecord with hostile fields', () => {
  const flat = { id: '1', text: 'Acme is down', published_at: '2026-03-01T10:00:00Z', author: '@ana' };
  const nested = { platform: 'x', externalId: '1', text: 'Acme is down', publishedAt: '2026-03-01T10:00:00Z', author: { externalId: 'a', handle: 'ana' } };

  it('names the field in a flat record', () => {
    for (const field of ['text', 'platform', 'url', 'lang'] as const) {
      expect(parseMentionRecord({ ...flat, [field]: hostile() })).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^${field}: expected string`)) });
    }
    // An object author makes it a nested record, whose missing fields are named.
    expect(parseMentionRecord({ ...flat, author: hostile() })).toEqual({ ok: false, error: expect.stringMatching(/author\.handle: expected string/) });
  });

  it('names the field in a nested record', () => {
    expect(parseMentionRecord({ ...nested, text: hostile() })).toEqual({ ok: false, error: expect.stringMatching(/^text: expected string/) });
    expect(parseMentionRecord({ ...nested, author: { ...nested.author, handle: hostile() } })).toEqual({ ok: false, error: expect.stringMatching(/^author\.handle: expected string/) });
    expect(parseMentionRecord(nested).ok).toBe(true);
  });
});
