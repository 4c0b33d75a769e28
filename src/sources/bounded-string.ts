// Length-bounded strings for the schemas that read platform payloads and imported records: hostile input.
import { z } from 'zod';

/**
 * `z.string().min(min).max(max)`, with the bounds checked only once the value is known to be a string. Zod 4 runs its
 * length checks on any value that has a `length`, after a failed type check too, and comparing a `length` that cannot
 * become a number throws a TypeError instead of reporting the field: plain JSON such as
 * `{"text": {"length": {"valueOf": 0, "toString": 0}}}` did that, and the payload escaped quarantine.
 */
export function boundedString(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z.string().pipe(z.string().min(min).max(max));
}
