// Splits a count over a dimension (platform, language) into shares, largest first.

export interface BreakdownRow {
  key: string;
  count: number;
  /** 0..1 of the total. */
  share: number;
}

export function breakdown(counts: readonly { key: string; count: number }[]): BreakdownRow[] {
  const merged = new Map<string, number>();
  for (const c of counts) merged.set(c.key, (merged.get(c.key) ?? 0) + c.count);
  const total = [...merged.values()].reduce((s, n) => s + n, 0);
  return [...merged.entries()]
    .map(([key, count]) => ({ key, count, share: total > 0 ? count / total : 0 }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
