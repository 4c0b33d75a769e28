// A stable number from a text (FNV-1a, 32 bits): the same input gives the same number on every run and machine, so
// whatever is drawn from it (a demo person's platform, the review list's random sample) never depends on draw order.

export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
