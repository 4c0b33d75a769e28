// What a fake platform holds: its posts (raw, in the real API's shape) and how many it returns per page.

export interface World {
  /** Raw items in the platform's own shape; emulators sort them newest first. */
  items: unknown[];
  /** The platform's page size (the fake decides, as real APIs cap max_results). */
  pageSize: number;
  /** Credential the fake accepts (bearer token, API key, password...). */
  credential: string;
}

export function newWorld(credential: string): World {
  return { items: [], pageSize: 2, credential };
}

/** Newest-first slice of `items` from `offset`, and the next offset if more remain. */
export function pageOf<T>(sortedNewestFirst: T[], offset: number, pageSize: number): { page: T[]; next?: number } {
  const page = sortedNewestFirst.slice(offset, offset + pageSize);
  const next = offset + pageSize < sortedNewestFirst.length ? offset + pageSize : undefined;
  return next === undefined ? { page } : { page, next };
}

/** Sorts raw items newest first by a numeric or string key. */
export function newestFirst<T>(items: T[], keyOf: (item: T) => bigint | string | number): T[] {
  return [...items].sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    return ka < kb ? 1 : ka > kb ? -1 : 0;
  });
}

/** A field of a raw item that may be malformed (the fakes must still serve it). */
export function field(item: unknown, ...path: string[]): unknown {
  let value: unknown = item;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}
