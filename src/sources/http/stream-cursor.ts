// The cursor every connector saves: per stream (query, feed, instance...), how far collection has got.

/** A position in a newest-first listing: a sortable key and the ids found exactly at that key. */
export interface Mark {
  key: string;
  ids: string[];
}

export interface StreamCursor {
  /** Everything at or below this mark has been collected. */
  floor: Mark | null;
  /**
   * A sweep cut short (page cap, rate limit, malformed page): items between `floor` and
   * `resume` are still to collect; `top` becomes the floor once they are.
   */
  pending?: { top: Mark; resume: Mark; pageToken?: string };
}

export type SourceCursor = Record<string, StreamCursor>;

export function decodeCursor(cursor: string | null): SourceCursor {
  if (cursor === null || cursor === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(cursor);
  } catch {
    throw new Error(`unreadable source cursor: ${cursor.slice(0, 80)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`unreadable source cursor: ${cursor.slice(0, 80)}`);
  }
  return parsed as SourceCursor;
}

export function encodeCursor(cursor: SourceCursor): string {
  return JSON.stringify(cursor);
}

const ID_WIDTH = 24;

/** Numeric ids (X snowflakes, Mastodon ids, base-10 HN ids) as fixed-width strings so they sort as text. */
export function numericKey(id: string | number | bigint): string {
  return BigInt(id).toString().padStart(ID_WIDTH, '0');
}

/** Reddit's base-36 ids, sortable the same way. */
export function base36Key(id: string): string {
  let value = 0n;
  for (const ch of id.toLowerCase()) {
    const digit = parseInt(ch, 36);
    if (Number.isNaN(digit)) throw new Error(`not a base-36 id: ${id}`);
    value = value * 36n + BigInt(digit);
  }
  return numericKey(value);
}

/** A timestamp as a sortable key (ISO-8601 UTC, millisecond precision). */
export function timeKey(time: string | number): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) throw new Error(`not a timestamp: ${time}`);
  return date.toISOString();
}

/** True when the item lies strictly above the mark (a newer key, or the same key and an id not yet seen). */
export function isAbove(item: { key: string; id: string }, mark: Mark | null): boolean {
  if (mark === null) return true;
  return item.key > mark.key || (item.key === mark.key && !mark.ids.includes(item.id));
}

/** True when the item lies strictly below the mark. */
export function isBelow(item: { key: string; id: string }, mark: Mark | null): boolean {
  if (mark === null) return true;
  return item.key < mark.key || (item.key === mark.key && !mark.ids.includes(item.id));
}

/** The higher of a mark and an item, merging ids on a tie. */
export function raiseMark(mark: Mark | null, item: { key: string; id: string }): Mark {
  if (mark === null || item.key > mark.key) return { key: item.key, ids: [item.id] };
  if (item.key === mark.key && !mark.ids.includes(item.id)) return { key: mark.key, ids: [...mark.ids, item.id] };
  return mark;
}

/** The lower of a mark and an item, merging ids on a tie. */
export function lowerMark(mark: Mark | null, item: { key: string; id: string }): Mark {
  if (mark === null || item.key < mark.key) return { key: item.key, ids: [item.id] };
  if (item.key === mark.key && !mark.ids.includes(item.id)) return { key: mark.key, ids: [...mark.ids, item.id] };
  return mark;
}

/** Merges two marks into the higher one (for a sweep's top). */
export function higherOf(a: Mark | null, b: Mark | null): Mark | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.ids.reduce<Mark>((mark, id) => raiseMark(mark, { key: b.key, id }), a);
}
