// The mentions explorer's query: times parse or answer 400, and the text filter is a literal, case-insensitive substring.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BadRequestError, parseTime } from '../../src/api/query-params.js';
import { listMentions } from '../../src/store/mention-queries.js';
import { storeMentions } from '../../src/store/mention-repository.js';
import { syncEntities } from '../../src/store/entity-repository.js';
import { createTestDatabase, type TestDatabase } from '../helpers/services.js';
import { END, HOUR, mention, testConfig } from '../integration/api/api-fixtures.js';
import { hostileString, RUNS } from './arbitraries.js';

// 10,000 cases per property: generous on a loaded 2-core machine; a hang still fails.
vi.setConfig({ testTimeout: 240_000 });

const TEXTS = [
  'Acme refund 50% off today', 'price_tag and under_score', 'back\\slash path C:\\acme', 'Plain ACME shout', 'emoji 🔥 fire acme',
  '<script>alert(1)</script>', 'quote "acme" and \'single\'', 'zero\u200bwidth acme', 'rtl \u202eemca', 'new\nline acme',
];

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('sqlite');
  await syncEntities(db.store.db, testConfig().entities, END);
  await storeMentions(db.store, TEXTS.map((text, i) => mention({ id: String(i), at: END - i * HOUR, text, tone: 'neutral' })));
});
afterAll(async () => db.destroy());

const idsContaining = (needle: string) =>
  TEXTS.map((t, i) => ({ t, i })).filter(({ t }) => t.toLowerCase().includes(needle.toLowerCase())).map(({ i }) => `x:${i}`).sort();
const search = async (text: string) => (await listMentions(db.store.db, { text, limit: 500 })).map((m) => m.id).sort();

describe('mentions explorer query (property)', () => {
  it('parseTime answers any string with nothing, a finite time, or a 400 that names the parameter', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString(40), fc.stringMatching(/^\d{1,20}$/), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), (value) => {
        try {
          const t = parseTime(value, 'from');
          if (t !== undefined) expect(Number.isFinite(t)).toBe(true);
          else expect(value).toBe('');
        } catch (error) {
          expect(error).toBeInstanceOf(BadRequestError);
          expect((error as BadRequestError).statusCode).toBe(400);
          expect((error as Error).message.startsWith('from: ')).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the text filter finds exactly the mentions containing the words, whatever the words (ASCII, quotes, markup, SQL)', async () => {
    // Needles from the texts' own characters (so that hits happen) plus SQL and markup fragments; LIKE's own
    // wildcards and non-ASCII case have their own cases below.
    const alphabet = [...new Set(TEXTS.join('').replace(/[%_\\]/g, ''))].filter((c) => c.charCodeAt(0) < 128);
    const needle = fc.oneof(
      fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 6 }),
      fc.constantFrom("' OR 1=1 --", '"; DROP TABLE mentions; --', 'acme', 'ACME', '<script>', ''),
    );
    await fc.assert(
      fc.asyncProperty(needle, async (text) => {
        expect(await search(text)).toEqual(text === '' ? TEXTS.map((_, i) => `x:${i}`).sort() : idsContaining(text));
      }),
      { numRuns: RUNS },
    );
  });

  // SQLite has no default LIKE escape character: the query names one, or "50%" would find nothing.
  it('searching for a literal % or _ finds the mentions that contain it (SQLite)', async () => {
    expect(await search('50%')).toEqual(idsContaining('50%'));
    expect(await search('price_tag')).toEqual(idsContaining('price_tag'));
  });

  // SQLite's built-in lower() folds ASCII only; Vigie registers a Unicode one.
  it('the text filter is case-insensitive beyond ASCII (SQLite)', async () => {
    await storeMentions(db.store, [mention({ id: 'ecole', at: END, text: 'ÉCOLE Acme', tone: 'neutral' })]);
    expect((await listMentions(db.store.db, { text: 'école' })).map((m) => m.id)).toEqual(['x:ecole']);
  });
});
