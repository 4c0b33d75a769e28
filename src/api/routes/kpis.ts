// GET /api/kpis: volume and sentiment over time and the period's KPIs, against the previous period, the norms and the competitors.
// Reads the hourly rollups only.
import type { FastifyInstance } from 'fastify';
import { breakdown } from '../../analytics/breakdown.js';
import { compareKpis, compareWithCompetitors } from '../../analytics/compare.js';
import { computeKpis } from '../../analytics/kpis.js';
import { previousPeriod } from '../../analytics/period.js';
import { netSentimentTrend } from '../../analytics/net-sentiment-trend.js';
import { regroup } from '../../analytics/regroup.js';
import { alertsDetectedIn } from '../../store/digest-queries.js';
import { shareOfVoice } from '../../analytics/share-of-voice.js';
import { DAY_MS, HOUR_MS } from '../../domain/time-buckets.js';
import { entityTotals, platformTotals } from '../../store/kpi-queries.js';
import { rollupSeries } from '../../store/rollup-queries.js';
import { competitorsOf } from '../../config/competitors.js';
import { BadRequestError, entityFromQuery, entityQuerySchema, periodFromQuery, periodQuerySchema } from '../query-params.js';
import type { RouteContext } from '../route-context.js';

interface KpiQuery {
  entity?: string;
  from?: string;
  to?: string;
  platform?: string;
  bucket?: 'hour' | 'day';
}

/** Hourly points up to two weeks, daily beyond, so a chart never gets thousands of points. */
const HOURLY_UP_TO = 14 * DAY_MS;
const MAX_PERIOD = 3 * 366 * DAY_MS;
/** Hourly charts pool net sentiment over 6 hours: enough toned posts for a point to mean something, still same-day. */
const TREND_WINDOW_HOURS = 6;

export async function kpiRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get<{ Querystring: KpiQuery }>('/kpis', {
    schema: {
      summary: 'Volume and sentiment over time, KPIs compared with the previous period, norms and competitors',
      tags: ['analytics'],
      querystring: {
        type: 'object',
        properties: {
          ...entityQuerySchema,
          ...periodQuerySchema,
          platform: { type: 'string', description: 'Only this platform (the series and KPIs; share of voice stays all platforms).' },
          bucket: { type: 'string', enum: ['hour', 'day'], description: 'Series step; default hour up to 14 days, day beyond.' },
        },
      },
    },
  }, async (request) => {
    const { db } = ctx.readStore;
    const entity = entityFromQuery(ctx.config, request.query.entity);
    const period = await periodFromQuery(ctx.readStore, request.query, ctx.now());
    if (period.to - period.from > MAX_PERIOD) throw new BadRequestError('period: at most 3 years');
    const previous = previousPeriod(period);
    const competitors = competitorsOf(ctx.config, entity);
    const platform = request.query.platform || undefined;
    const step = request.query.bucket === 'day' || (!request.query.bucket && period.to - period.from > HOURLY_UP_TO) ? DAY_MS : HOUR_MS;

    const [hourly, previousHourly, groupTotals, platforms, alerts] = await Promise.all([
      rollupSeries(db, 'rollups_hourly', { entityId: entity.id, ...period, platform }),
      rollupSeries(db, 'rollups_hourly', { entityId: entity.id, ...previous, platform }),
      entityTotals(db, [entity.id, ...competitors.map((c) => c.id)], period),
      platformTotals(db, entity.id, period),
      alertsDetectedIn(db, [entity.id], period),
    ]);
    const series = regroup(hourly, period, step);
    const trend = netSentimentTrend(series, step === DAY_MS ? 1 : TREND_WINDOW_HOURS);
    const kpis = computeKpis(hourly);
    const competitorKpis = competitors.map((c) => ({ entityId: c.id, name: c.name, kpis: computeKpis([groupTotals.get(c.id)!]) }));
    const names = new Map(ctx.config.entities.map((e) => [e.id, e.name]));
    return {
      entity: { id: entity.id, name: entity.name, kind: entity.kind },
      period,
      previousPeriod: previous,
      bucket: step === DAY_MS ? 'day' : 'hour',
      trendWindowHours: step === DAY_MS ? 24 : TREND_WINDOW_HOURS,
      series: series.map((b, i) => ({
        start: b.start,
        total: b.total,
        negative: b.negative,
        neutral: b.neutral,
        positive: b.positive,
        engagement: b.engagement,
        reach: b.reach,
        netSentiment: b.positive + b.negative > 0 ? (b.positive - b.negative) / (b.positive + b.negative) : null,
        /** Over the trailing trendWindowHours, blank under MIN_TONED_MENTIONS toned mentions: what the chart draws. */
        netSentimentTrend: trend[i],
      })),
      /** Alerts detected in the period, for markers on the chart. */
      alerts: alerts.map((a) => ({ id: a.id, severity: a.severity, status: a.status, why: a.why, detectedAt: a.detectedAt, onsetAt: a.onsetAt })),
      kpis,
      comparison: compareKpis(kpis, computeKpis(previousHourly), entity.norms),
      platforms: breakdown(platforms.map((p) => ({ key: p.platform, count: p.totals.total }))).map((row) => ({
        ...row,
        kpis: computeKpis([platforms.find((p) => p.platform === row.key)!.totals]),
      })),
      shareOfVoice: shareOfVoice([entity, ...competitors].map((e) => ({ entityId: e.id, volume: groupTotals.get(e.id)!.total, reach: groupTotals.get(e.id)!.reach }))).map(
        (s) => ({ ...s, name: names.get(s.entityId) ?? s.entityId }),
      ),
      competitors: compareWithCompetitors(kpis, competitorKpis).map((c) => ({ ...c, name: names.get(c.entityId) ?? c.entityId })),
    };
  });
}
