// Hostile inputs shared by the property tests: any unicode, control and bidi characters, huge numbers, odd JSON.
import fc from 'fast-check';

/** Property tests of the issue ask for at least this many generated cases each. */
export const RUNS = 10_000;

const TRICKY_CHARS = ['\u0000', '\u200b', '\u200d', '\u202e', '\u2066', '\ufeff', '\ud800', '\udfff', '"', "'", ',', '\n', '\r', '\\', '%', '_', '$', '{', '}', '=', '@', '<', '>', '&', '🔥', '👨‍👩‍👧'];

/** Strings mixing every code unit (lone surrogates included) with the characters parsers trip on. */
export const hostileString = (maxLength = 60): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength, unit: 'binary' }),
    fc.string({ maxLength, unit: fc.constantFrom(...TRICKY_CHARS) }),
    fc.string({ maxLength }),
  );

/** Any JSON value, with hostile strings and the keys that upset naive object handling. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString(),
    fc.double(),
    fc.integer(),
    fc.constantFrom(null, true, false, 1e300, -1e300, 8.7e15, 99999999999999999, -0),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString(8), fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** An ISO date-time between 1990 and 2040. */
export const isoTime = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }).map((t) => new Date(t).toISOString());
