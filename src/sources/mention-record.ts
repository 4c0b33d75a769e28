// Validates one imported record (JSONL object or CSV row) into a MentionInput, or says what is wrong.
import { z } from 'zod';
import { boundedString } from './bounded-string.js';
import type { MentionInput } from '../domain/mention.js';

const MAX_EPOCH_MS = 8.64e15;
const count = z.coerce.number().int().min(0).default(0);
const isoTime = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const t = typeof v === 'number' ? v : /^\d+$/.test(v) ? Number(v) : Date.parse(v);
    // A Date holds at most ±8.64e15 ms; past that toISOString throws, so huge epochs are refused here.
    if (!Number.isFinite(t) || Math.abs(t) > MAX_EPOCH_MS) {
      ctx.addIssue({ code: 'custom', message: `expected an ISO-8601 date or epoch milliseconds, got "${String(v).slice(0, 40)}"` });
      return z.NEVER;
    }
    return new Date(t).toISOString();
  });
/** An id is a string or an integer: coercing anything else would store ids like "[object Object]". */
const identifier = z.union([z.string(), z.number().int()]).transform(String).pipe(z.string().min(1).max(200));
/** A platform name never holds a colon: a mention's id is "platform:externalId", and must name one mention only. */
const platformName = boundedString(1, 40).pipe(z.string().regex(/^[^:]+$/, 'a platform name without ":"'));
const optionalText = z.preprocess((v) => (v === '' || v === null ? undefined : v), boundedString(0, 2048).optional());

/** Nested form: exactly a MentionInput (what `vigie import` of the demo file and other tools write). */
const nestedRecord = z.object({
  platform: platformName,
  externalId: identifier,
  url: optionalText,
  text: boundedString(0, 100_000),
  langHint: optionalText,
  publishedAt: isoTime,
  author: z.object({
    platform: platformName.optional(),
    externalId: identifier,
    handle: boundedString(1, 200),
    displayName: optionalText,
    followers: count,
    following: count.optional(),
    verified: z.coerce.boolean().optional(),
    description: optionalText,
  }),
  replyTo: optionalText,
  quoteOf: optionalText,
  reshareOf: optionalText,
  engagement: z
    .object({ likes: count, reshares: count, replies: count, quotes: count, views: count.optional() })
    .default({ likes: 0, reshares: 0, replies: 0, quotes: 0 }),
});

/** Flat form: one column per field, as a spreadsheet export would have. */
const flatRecord = z.object({
  platform: platformName.default('file'),
  id: identifier,
  url: optionalText,
  text: boundedString(0, 100_000),
  lang: optionalText,
  published_at: isoTime,
  author: boundedString(1, 200),
  author_id: optionalText,
  followers: count,
  verified: z.preprocess((v) => v === true || v === 'true' || v === '1' || v === 1, z.boolean()).default(false),
  likes: count,
  reshares: count,
  replies: count,
  quotes: count,
  reply_to: optionalText,
});

export type RecordResult = { ok: true; mention: MentionInput } | { ok: false; error: string };

export function parseMentionRecord(raw: unknown): RecordResult {
  if (raw && typeof raw === 'object' && 'author' in raw && typeof (raw as { author: unknown }).author === 'object') {
    const r = nestedRecord.safeParse(raw);
    if (!r.success) return { ok: false, error: describe(r.error) };
    const m = r.data;
    return { ok: true, mention: { ...m, author: { ...m.author, platform: m.author.platform ?? m.platform } } };
  }
  const r = flatRecord.safeParse(raw);
  if (!r.success) return { ok: false, error: describe(r.error) };
  const f = r.data;
  const handle = f.author.replace(/^@/, '');
  return {
    ok: true,
    mention: {
      platform: f.platform,
      externalId: f.id,
      url: f.url,
      text: f.text,
      langHint: f.lang,
      publishedAt: f.published_at,
      author: { platform: f.platform, externalId: f.author_id ?? handle.toLowerCase(), handle, followers: f.followers, verified: f.verified },
      replyTo: f.reply_to,
      engagement: { likes: f.likes, reshares: f.reshares, replies: f.replies, quotes: f.quotes },
    },
  };
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message.replace(/^Invalid input: /, '')}`).join('; ');
}
