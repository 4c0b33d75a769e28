// Deterministic job ids: the same work always gets the same id, so a duplicate add is a no-op.
import { createHash } from 'node:crypto';

/** BullMQ ids must not contain ':' (nor be plain integers); we join parts with '-' and hash what is long. */
export function jobId(...parts: (string | number)[]): string {
  return parts.map((p) => String(p).replace(/[^A-Za-z0-9_.-]/g, '_')).join('-');
}

export function contentHash(values: readonly string[]): string {
  const hash = createHash('sha256');
  for (const v of values) hash.update(v).update('\0');
  return hash.digest('hex').slice(0, 24);
}
