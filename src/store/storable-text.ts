// Makes hostile text storable: the same characters are dropped or replaced on both databases.

/**
 * Mention text is hostile input, and two kinds of character cannot be stored as they came: PostgreSQL text holds no
 * NUL, and a lone UTF-16 surrogate (a broken emoji, or an escape in a platform's JSON) is not Unicode at all (the JSON
 * form of bulk inserts refuses it). NULs are dropped and lone surrogates become U+FFFD in every string of the value,
 * ids included, so that one hostile post cannot fail the batch it came in, and ids derived from it stay consistent.
 * Returns the value itself when nothing needs cleaning (nearly always), a cleaned copy otherwise.
 */
export function storable<T>(value: T): T {
  if (typeof value === 'string') return (value.isWellFormed() && !value.includes('\u0000') ? value : value.toWellFormed().replaceAll('\u0000', '')) as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const clean = storable(item);
      if (clean !== item) (copy ??= [...value])[i] = clean;
    });
    return (copy ?? value) as T;
  }
  if (value !== null && typeof value === 'object') {
    const fields = value as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    // for...in: this runs over every field of every mention, and allocates nothing when all is clean.
    for (const key in fields) {
      const clean = storable(fields[key]);
      if (clean !== fields[key]) (copy ??= { ...fields })[key] = clean;
    }
    return (copy ?? value) as T;
  }
  return value;
}
