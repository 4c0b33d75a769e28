// GET /api/mentions (newest first, keyset-paginated) and GET /api/mentions.csv (the same filter as a spreadsheet).
import type { FastifyInstance } from 'fastify';
import { listMentions, type MentionFilter, type MentionView } from '../../store/mention-queries.js';
import { summariseMentions } from '../../store/mention-summary-queries.js';
import { workspaceTimeZone } from '../../config/workspace-time-zone.js';
import { spreadsheetDateTime } from '../../domain/zoned-time.js';
import { csvLine, fileNamePart, type CsvSeparator } from '../csv.js';
import { entityFromQuery, parseTime } from '../query-params.js';
import type { RouteContext } from '../route-context.js';

interface MentionQuery {
  entity?: string;
  platform?: string;
  sentiment?: 'negative' | 'neutral' | 'positive';
  lang?: string;
  tag?: string;
  minInfluence?: number;
  from?: string;
  to?: string;
  text?: string;
  before?: string;
  beforeId?: string;
  limit?: number;
  sep?: 'comma' | 'semicolon';
}

const filterSchema = {
  type: 'object',
  properties: {
    entity: { type: 'string', description: 'Entity id; all entities when omitted.' },
    platform: { type: 'string' },
    sentiment: { type: 'string', enum: ['negative', 'neutral', 'positive'] },
    lang: { type: 'string', maxLength: 12 },
    tag: { type: 'string', maxLength: 60, description: 'Custom tag id: only mentions it applies to.' },
    minInfluence: { type: 'number', minimum: 0, maximum: 100 },
    from: { type: 'string', description: 'ISO date/time or epoch ms (inclusive).' },
    to: { type: 'string', description: 'ISO date/time or epoch ms (exclusive).' },
    text: { type: 'string', maxLength: 200, description: 'Case-insensitive words the text contains.' },
    before: { type: 'string', description: 'Next page: nextBefore of the previous page (the publishedAt of its last mention).' },
    beforeId: { type: 'string', maxLength: 400, description: 'Next page: nextBeforeId of the previous page (the id of its last mention), so that mentions published at the same time are neither skipped nor repeated.' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  },
} as const;

function toFilter(ctx: RouteContext, q: MentionQuery): MentionFilter {
  return {
    entityId: q.entity ? entityFromQuery(ctx.config, q.entity).id : undefined,
    platform: q.platform || undefined,
    sentiment: q.sentiment,
    lang: q.lang || undefined,
    tag: q.tag || undefined,
    minInfluence: q.minInfluence,
    from: parseTime(q.from, 'from'),
    to: parseTime(q.to, 'to'),
    text: q.text?.trim() || undefined,
    before: parseTime(q.before, 'before'),
    beforeId: q.beforeId || undefined,
    limit: q.limit,
  };
}

/** Export at most this many rows, page by page: a spreadsheet is not the place for more. */
const CSV_MAX_ROWS = 10_000;
const CSV_PAGE = 500;

/** published_at is the workspace's wall clock (see workspace.timeZone), in a form spreadsheets read as a date. */
const CSV_HEADER = ['published_at', 'platform', 'author', 'followers', 'sentiment', 'sentiment_score', 'influence', 'reach', 'likes', 'reshares', 'replies', 'lang', 'url', 'text', 'entities', 'labelled_by', 'tags'];

const csvRow = (m: MentionView, timeZone: string, separator: CsvSeparator) =>
  csvLine([
    spreadsheetDateTime(m.publishedAt, timeZone), m.platform, m.author.handle, m.author.followers, m.sentiment.label, m.sentiment.score,
    m.influence, m.reach, m.engagement.likes, m.engagement.reshares, m.engagement.replies, m.lang, m.url, m.text, m.entityIds.join(' '), m.labelledBy?.by ?? '', m.tags.map((t) => t.id).join(' '),
  ], separator);

/** mentions-acme-2026-11-16-2026-11-22.csv: what and when, in the workspace's calendar ("to" is exclusive, the name says the last day). */
function csvFileName(entity: string | undefined, from: number | undefined, to: number | undefined, timeZone: string): string {
  const day = (t: number) => spreadsheetDateTime(t, timeZone).slice(0, 10);
  const span = from !== undefined && to !== undefined ? `${day(from)}-to-${day(to - 1)}` : from !== undefined ? `from-${day(from)}` : to !== undefined ? `to-${day(to - 1)}` : 'all-time';
  return `mentions-${fileNamePart(entity ?? 'all-entities')}-${span}.csv`;
}

export async function mentionRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get<{ Querystring: MentionQuery }>('/mentions', {
    schema: { summary: 'Mentions matching a filter, newest first', tags: ['mentions'], querystring: filterSchema },
  }, async (request) => {
    const filter = toFilter(ctx, request.query);
    const mentions = await listMentions(ctx.readStore.db, filter);
    const limit = Math.min(filter.limit ?? 50, 500);
    const last = mentions.length === limit ? mentions[mentions.length - 1] : undefined;
    return { mentions, nextBefore: last?.publishedAt ?? null, nextBeforeId: last?.id ?? null };
  });

  app.get<{ Querystring: MentionQuery }>('/mentions/summary', {
    schema: {
      summary: 'How many mentions the filter matches in all, by tone, platform and language (paging fields ignored)',
      tags: ['mentions'],
      querystring: filterSchema,
    },
  }, async (request) => summariseMentions(ctx.readStore.db, toFilter(ctx, request.query)));

  app.get<{ Querystring: MentionQuery }>('/mentions.csv', {
    schema: {
      summary: `The same filter as CSV (at most ${CSV_MAX_ROWS} rows; formula-like cells neutralised; dates in the workspace's time zone)`,
      tags: ['mentions'],
      querystring: {
        ...filterSchema,
        properties: {
          ...filterSchema.properties,
          sep: { type: 'string', enum: ['comma', 'semicolon'], default: 'comma', description: 'semicolon: ";" between cells and decimal commas, as French spreadsheets expect.' },
        },
      },
    },
  }, async (request, reply) => {
    const filter = toFilter(ctx, request.query);
    const timeZone = workspaceTimeZone(ctx.config);
    const separator: CsvSeparator = request.query.sep === 'semicolon' ? ';' : ',';
    let out = csvLine(CSV_HEADER, separator);
    let { before, beforeId } = filter;
    for (let rows = 0; rows < CSV_MAX_ROWS; ) {
      const page = await listMentions(ctx.readStore.db, { ...filter, before, beforeId, limit: Math.min(CSV_PAGE, CSV_MAX_ROWS - rows) });
      for (const m of page) out += csvRow(m, timeZone, separator);
      rows += page.length;
      if (page.length < CSV_PAGE) break;
      ({ publishedAt: before, id: beforeId } = page[page.length - 1]);
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${csvFileName(filter.entityId, filter.from, filter.to, timeZone)}"`)
      .send(`\ufeff${out}`);
  });
}
