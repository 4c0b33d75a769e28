// GET /api/business: the social series by day beside the imported business series, and their correlation over lags.
import type { FastifyInstance } from 'fastify';
import { correlate, DEFAULT_LAGS, strongestLag } from '../../analytics/correlation.js';
import { dayKey } from '../../analytics/period.js';
import { regroup } from '../../analytics/regroup.js';
import { DAY_MS, floorTo } from '../../domain/time-buckets.js';
import { businessSeries } from '../../store/metrics-repository.js';
import { dataSpan, rollupSeries } from '../../store/rollup-queries.js';
import { entityFromQuery, entityQuerySchema, parseTime, periodQuerySchema } from '../query-params.js';
import type { RouteContext } from '../route-context.js';
import { SOCIAL_SERIES } from '../../analytics/social-series.js';

/** Correlations need months of days, not the 7 days the other pages default to. */
const DEFAULT_BUSINESS_PERIOD = 90 * DAY_MS;
const MAX_BUSINESS_PERIOD = 3 * 366 * DAY_MS;

export async function businessRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get<{ Querystring: { entity?: string; from?: string; to?: string } }>('/business', {
    schema: {
      summary: 'Social series by day beside business metrics, and Pearson / Spearman correlations for lags of -14..+14 days',
      tags: ['analytics'],
      querystring: { type: 'object', properties: { ...entityQuerySchema, ...periodQuerySchema } },
    },
  }, async (request) => {
    const entity = entityFromQuery(ctx.config, request.query.entity);
    const askedTo = parseTime(request.query.to, 'to');
    const span = await dataSpan(ctx.store.db);
    const to = floorTo((askedTo ?? span?.to ?? ctx.now()) + DAY_MS - 1, DAY_MS);
    const from = floorTo(Math.max(parseTime(request.query.from, 'from') ?? to - DEFAULT_BUSINESS_PERIOD, to - MAX_BUSINESS_PERIOD), DAY_MS);
    const period = { from, to: Math.max(to, from + DAY_MS) };
    const [hourly, business] = await Promise.all([
      rollupSeries(ctx.store.db, 'rollups_hourly', { entityId: entity.id, ...period }),
      businessSeries(ctx.store.db, entity.id, dayKey(period.from), dayKey(period.to - DAY_MS)),
    ]);
    const days = regroup(hourly, period, DAY_MS);
    const dayKeys = days.map((d) => dayKey(d.start));
    // Days before collection began are unknown, not quiet: they must not count as days without mentions.
    const collected = (d: { start: number }) => span !== null && d.start >= floorTo(span.from, DAY_MS);
    const social = Object.fromEntries(Object.entries(SOCIAL_SERIES).map(([name, pick]) => [name, days.map((d) => (collected(d) ? pick(d) : NaN))]));
    const businessArrays = Object.fromEntries([...business.entries()].map(([name, byDay]) => [name, dayKeys.map((k) => byDay.get(k) ?? NaN)]));
    const correlations = Object.entries(social).flatMap(([socialName, s]) =>
      Object.entries(businessArrays).map(([businessName, b]) => {
        const lags = correlate(s, b, DEFAULT_LAGS);
        return { social: socialName, business: businessName, strongest: strongestLag(lags), lags };
      }),
    );
    const nullable = (xs: number[]) => xs.map((x) => (Number.isFinite(x) ? x : null));
    return {
      entity: { id: entity.id, name: entity.name },
      period,
      days: dayKeys,
      social: Object.fromEntries(Object.entries(social).map(([k, v]) => [k, nullable(v)])),
      business: Object.fromEntries(Object.entries(businessArrays).map(([k, v]) => [k, nullable(v)])),
      correlations,
    };
  });
}
