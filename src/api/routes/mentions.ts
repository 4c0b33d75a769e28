// GET /api/mentions (newest first, keyset-paginated) and GET /api/mentions.csv (the same filter as a spreadsheet).
import type { FastifyInstance } from 'fastify';
import { listMentions, type MentionFilter, type MentionView } from '../../store/mention-queries.js';
import { csvLine } from '../csv.js';
import { entityFromQuery, parseTime } from '../query-params.js';
import type { RouteContext } from '../route-context.js';

interface MentionQuery {
  entity?: string;
  platform?: string;
  sentiment?: 'negative' | 'neutral' | 'positive';
  lang?: string;
  minInfluence?: number;
  from?: string;
  to?: string;
  text?: string;
  before?: string;
  beforeId?: string;
  limit?: number;
}

const filterSchema = {
  type: 'object',
  properties: {
    entity: { type: 'string', description: 'Entity id; all entities when omitted.' },
    platform: { type: 'string' },
    sentiment: { type: 'string', enum: ['negative', 'neutral', 'positive'] },
    lang: { type: 'string', maxLength: 12 },
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

const CSV_HEADER = ['published_at', 'platform', 'author', 'followers', 'sentiment', 'sentiment_score', 'influence', 'reach', 'likes', 'reshares', 'replies', 'lang', 'url', 'text', 'entities'];

const csvRow = (m: MentionView) =>
  csvLine([
    new Date(m.publishedAt).toISOString(), m.platform, m.author.handle, m.author.followers, m.sentiment.label, m.sentiment.score,
    m.influence, m.reach, m.engagement.likes, m.engagement.reshares, m.engagement.replies, m.lang, m.url, m.text, m.entityIds.join(' '),
  ]);

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

  app.get<{ Querystring: MentionQuery }>('/mentions.csv', {
    schema: { summary: `The same filter as CSV (at most ${CSV_MAX_ROWS} rows; formula-like cells neutralised)`, tags: ['mentions'], querystring: filterSchema },
  }, async (request, reply) => {
    const filter = toFilter(ctx, request.query);
    let out = csvLine(CSV_HEADER);
    let { before, beforeId } = filter;
    for (let rows = 0; rows < CSV_MAX_ROWS; ) {
      const page = await listMentions(ctx.readStore.db, { ...filter, before, beforeId, limit: Math.min(CSV_PAGE, CSV_MAX_ROWS - rows) });
      for (const m of page) out += csvRow(m);
      rows += page.length;
      if (page.length < CSV_PAGE) break;
      ({ publishedAt: before, id: beforeId } = page[page.length - 1]);
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="mentions.csv"')
      .send(`\ufeff${out}`);
  });
}
