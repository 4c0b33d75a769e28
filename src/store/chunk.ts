// Splits rows so one statement stays under the driver's bound-parameter limit (PostgreSQL: 65,535).
export const MAX_PARAMS = 30_000;

export function chunkRows<T>(rows: readonly T[], columnsPerRow: number, maxParams = MAX_PARAMS): T[][] {
  const size = Math.max(1, Math.floor(maxParams / Math.max(1, columnsPerRow)));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
