// parseMentionRecord on any input: never throws, says which field is wrong, and keeps every valid record intact.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseMentionRecord } from '../../src/sources/mention-record.js';
import { hostileJson, hostileString, isoTime, RUNS } from './arbitraries.js';

// 10,000 cases per property: generous on a loaded 2-core machine; a hang still fails.
vi.setConfig({ testTimeout: 240_000 });

const nonBlank = (max: number) => hostileString(max).filter((s) => s.length > 0);

const flatRecord = fc.record({
  id: nonBlank(200),
  text: hostileString(300),
  published_at: isoTime,
  author: nonBlank(200).filter((s) => s.replace(/^@/, '').length > 0),
  followers: fc.nat(),
  likes: fc.nat(),
});

const REQUIRED_FLAT_FIELDS = ['id', 'text', 'published_at', 'author'] as const;

describe('parseMentionRecord (property)', () => {
  it('answers every JSON value with a mention or an error that names a field, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(hostileJson, fc.dictionary(fc.constantFrom('id', 'text', 'published_at', 'author', 'followers', 'platform', 'externalId', 'publishedAt'), hostileJson)), (raw) => {
        const result = parseMentionRecord(raw);
        if (result.ok) {
          expect(Number.isFinite(Date.parse(result.mention.publishedAt))).toBe(true);
          expect(result.mention.externalId.length).toBeGreaterThan(0);
        } else {
          expect(result.error).toMatch(/^[\w.[\]]+: .+/);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps a valid flat record exactly: text, ids, time and counts', () => {
    fc.assert(
      fc.property(flatRecord, (record) => {
        const result = parseMentionRecord(record);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.mention.text).toBe(record.text);
        expect(result.mention.externalId).toBe(record.id);
        expect(result.mention.publishedAt).toBe(record.published_at);
        expect(result.mention.author.handle).toBe(record.author.replace(/^@/, ''));
        expect(result.mention.author.followers).toBe(record.followers);
        expect(result.mention.engagement.likes).toBe(record.likes);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a record with one required field broken, naming that field', () => {
    const missing = [undefined, null, {}, [], true];
    const brokenValues: Record<(typeof REQUIRED_FLAT_FIELDS)[number], unknown[]> = {
      id: [...missing, '', 1.5, 'x'.repeat(201)],
      text: [...missing, 7, 'x'.repeat(100_001)],
      published_at: [...missing, '', 'not a date', '2025-13-45', 99999999999999999, '99999999999999999'],
      author: [...missing, '', 'x'.repeat(201)],
    };
    const fieldAndValue = fc.constantFrom(...REQUIRED_FLAT_FIELDS).chain((field) => fc.tuple(fc.constant(field), fc.constantFrom(...brokenValues[field])));
    fc.assert(
      fc.property(flatRecord, fieldAndValue, (record, [field, value]) => {
        const result = parseMentionRecord({ ...record, [field]: value });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error).toContain(field);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses an epoch past what a Date can hold instead of throwing', () => {
    const result = parseMentionRecord({ id: '1', text: 'hello', published_at: '99999999999999999', author: 'ann' });
    expect(result).toEqual({ ok: false, error: 'published_at: expected an ISO-8601 date or epoch milliseconds, got "99999999999999999"' });
  });

  it('refuses a platform name with a colon, which would make two mentions share one id', () => {
    const result = parseMentionRecord({ platform: 'x:y', id: '1', text: 'hello', published_at: '2026-01-01T00:00:00Z', author: 'ann' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^platform: .*without ":"/);
  });
});
