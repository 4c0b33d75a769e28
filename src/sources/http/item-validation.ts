// Turns a page's raw items into mentions one by one, quarantining the ones that fail instead of the page.
import type { z } from 'zod';
import type { MentionInput } from '../../domain/mention.js';
import type { QuarantinedItem, RateLimitState } from '../source.js';

/** A listed item with its place in the newest-first listing. */
export interface Collected {
  key: string;
  id: string;
  /**
   * Null for an item the source reads but does not keep (a Reddit comment that names none of the
   * terms): it still moves the cursor, so the next run does not page through it again.
   */
  mention: MentionInput | null;
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `malformed JSON body: ${(error as Error).message}` };
  }
}

export function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(item)'}: ${issue.message}`).join('; ');
}

export function quarantineOf(platform: string, sourceId: string, payload: unknown, error: string): QuarantinedItem {
  return {
    platform,
    sourceId,
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    error,
  };
}

/**
 * Validates each raw item with `schema` and converts it with `convert`; an item that fails either
 * step is quarantined with its error and the rest of the page is kept.
 */
export function convertItems<T>(
  raw: readonly unknown[],
  schema: z.ZodType<T>,
  convert: (item: T) => Collected,
  where: { platform: string; sourceId: string },
  /** Where a quarantined item sits in the listing, when that can still be read: the cursor then moves past it. */
  positionOf?: (raw: unknown) => { key: string; id: string } | undefined,
): { items: Collected[]; quarantined: QuarantinedItem[] } {
  const items: Collected[] = [];
  const quarantined: QuarantinedItem[] = [];
  const quarantine = (entry: unknown, error: string) => {
    quarantined.push(quarantineOf(where.platform, where.sourceId, entry, error));
    const position = positionOf?.(entry);
    if (position) items.push({ ...position, mention: null });
  };
  for (const entry of raw) {
    const parsed = schema.safeParse(entry);
    if (!parsed.success) {
      quarantine(entry, describeZodError(parsed.error));
      continue;
    }
    try {
      items.push(convert(parsed.data));
    } catch (error) {
      quarantine(entry, (error as Error).message);
    }
  }
  return { items, quarantined };
}

/** The outcome for a body that cannot be read at all: quarantined whole, so the cursor stays put. */
export function malformedPage(where: { platform: string; sourceId: string }, payload: unknown, error: string, rateLimit?: RateLimitState) {
  return { kind: 'malformed' as const, quarantined: quarantineOf(where.platform, where.sourceId, payload, error), ...(rateLimit && { rateLimit }) };
}
