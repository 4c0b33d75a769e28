// Gathers a brand's week from the store into DigestContent, with the same analytics (and queries) as the dashboard.
import type { Kysely } from 'kysely';
import { compareKpis } from '../analytics/compare.js';
import { previousShares, priorAverage } from '../analytics/comparison-basis.js';
import { computeKpis, sumCounts } from '../analytics/kpis.js';
import type { Period } from '../analytics/period.js';
import { shareOfVoice } from '../analytics/share-of-voice.js';
import { competitorsOf } from '../config/competitors.js';
import { entityLocale } from '../config/entity-locale.js';
import { workspaceTimeZone } from '../config/workspace-time-zone.js';
import type { VigieConfig } from '../config/load-config.js';
import type { EntityConfig } from '../config/schema.js';
import { alertHeadline } from '../notify/alert-story.js';
import { topAuthors } from '../store/author-queries.js';
import { alertsDetectedIn, mostEngagingPositiveMention } from '../store/digest-queries.js';
import { entityTotals } from '../store/kpi-queries.js';
import { firstResponseAt } from '../store/response-queries.js';
import { rollupSeries, type SeriesBucket } from '../store/rollup-queries.js';
import type { Database } from '../store/tables.js';
import { businessPart } from './business-part.js';
import type { DayTones, DigestContent, DigestCrisis, DigestVoice, WeekPoint } from './digest-content.js';
import { dayBoundaries, formatIsoWeek, parseIsoWeek, shiftWeek, weekPeriod } from './iso-week.js';
import { rankInfluencers } from './rank-influencers.js';
import { indexContributions, reputationIndex, type IndexCounts } from './reputation-index.js';
import { decideVerdict } from './verdict.js';

/** The trend shows this many weeks before the digest's week. */
export const TREND_WEEKS = 4;
export const TOP_INFLUENCERS = 5;
/** As many authors as the dashboard's influencer page ranks by default, so the digest's top five are its top five. */
const INFLUENCER_CANDIDATES = 50;

export class UnknownEntityError extends Error {
  constructor(entityId: string, known: readonly string[]) {
    super(`no configured entity has the id "${entityId.slice(0, 60)}" (expected one of ${known.join(', ')})`);
    this.name = 'UnknownEntityError';
  }
}

export function digestEntity(config: VigieConfig, entityId: string): EntityConfig {
  const entity = config.entities.find((e) => e.id === entityId);
  if (!entity) throw new UnknownEntityError(entityId, config.entities.map((e) => e.id));
  return entity;
}

export const digestTimezone = (config: VigieConfig, entity: EntityConfig) => entity.timezone ?? workspaceTimeZone(config);

const inPeriod = (buckets: readonly SeriesBucket[], p: Period) => buckets.filter((b) => b.start >= p.from && b.start < p.to);

function indexCounts(buckets: readonly SeriesBucket[]): IndexCounts {
  const s = sumCounts(buckets);
  return { total: s.total, positive: s.positive, negative: s.negative, reach: s.reach, negativeReach: buckets.reduce((n, b) => n + b.negativeReach, 0) };
}

export async function buildDigest(db: Kysely<Database>, config: VigieConfig, entityId: string, week: string): Promise<DigestContent> {
  const entity = digestEntity(config, entityId);
  const timezone = digestTimezone(config, entity);
  const isoWeek = parseIsoWeek(week);
  const weeks = Array.from({ length: TREND_WEEKS + 1 }, (_, i) => shiftWeek(isoWeek, i - TREND_WEEKS));
  const periods = weeks.map((w) => weekPeriod(w, timezone));
  const period = periods[TREND_WEEKS];
  const previous = periods[TREND_WEEKS - 1];
  const competitors = competitorsOf(config, entity);
  // Alerts and moments of the brand's products and people are the brand's too (the demo's crisis is about a product).
  const family = [entity.id, ...config.entities.filter((e) => e.parent === entity.id && e.kind !== 'competitor').map((e) => e.id)];

  const [hourly, groupTotals, previousTotals, alerts, positive, authors, business] = await Promise.all([
    rollupSeries(db, 'rollups_hourly', { entityId: entity.id, from: periods[0].from, to: period.to }),
    entityTotals(db, [entity.id, ...competitors.map((c) => c.id)], period),
    entityTotals(db, [entity.id, ...competitors.map((c) => c.id)], previous),
    alertsDetectedIn(db, family, period),
    mostEngagingPositiveMention(db, family, period),
    topAuthors(db, entity.id, period, INFLUENCER_CANDIDATES),
    businessPart(db, entity.id, isoWeek, period),
  ]);

  const weekBuckets = inPeriod(hourly, period);
  const previousBuckets = inPeriod(hourly, previous);
  const kpis = computeKpis(weekBuckets);
  const previousKpis = computeKpis(previousBuckets);
  const trend: WeekPoint[] = weeks.map((w, i) => {
    const buckets = inPeriod(hourly, periods[i]);
    const k = computeKpis(buckets);
    const toned = k.volume > 0 && k.positiveShare + k.negativeShare > 0;
    return { week: formatIsoWeek(w), period: periods[i], volume: k.volume, reputationIndex: reputationIndex(indexCounts(buckets)), netSentiment: toned ? k.netSentiment : null };
  });
  const index = trend[TREND_WEEKS].reputationIndex;
  const contributions = indexContributions(indexCounts(weekBuckets), indexCounts(previousBuckets));

  const names = new Map(config.entities.map((e) => [e.id, e.name]));
  const crises = await Promise.all(
    alerts.map(async (a): Promise<DigestCrisis> => {
      // The detect stage records the first response when it sees one; a response after the last detection run is found here.
      const responded = a.firstResponseAt ?? (await firstResponseAt(db, a));
      return {
        alertId: a.id,
        entityId: a.entityId,
        entityName: names.get(a.entityId) ?? a.entityId,
        severity: a.severity,
        // The entity's language, as the alert's own messages: the same words in the digest as in the email.
        headline: alertHeadline(a, names.get(a.entityId) ?? a.entityId, entityLocale(config, a.entityId)),
        onsetAt: a.onsetAt,
        detectedAt: a.detectedAt,
        firstResponseAt: responded,
        timeToDetectionMs: a.detectedAt - a.onsetAt,
        timeToFirstResponseMs: responded === null ? null : responded - a.onsetAt,
      };
    }),
  );

  return {
    entity: { id: entity.id, name: entity.name },
    week: formatIsoWeek(isoWeek),
    timezone,
    period,
    previousPeriod: previous,
    kpis,
    previousKpis,
    comparison: compareKpis(kpis, previousKpis, entity.norms),
    reputation: {
      index,
      previous: trend[TREND_WEEKS - 1].reputationIndex,
      priorAverage: priorAverage(trend.slice(0, TREND_WEEKS).map((p) => p.reputationIndex)),
      contributions,
    },
    trend,
    days: dayTones(weekBuckets, dayBoundaries(isoWeek, timezone)),
    shareOfVoice: voices(entity.id, [entity.id, ...competitors.map((c) => c.id)], groupTotals, previousTotals, names),
    crises,
    bestMoment: positive && {
      mentionId: positive.id,
      text: positive.text,
      url: positive.url,
      platform: positive.platform,
      authorHandle: positive.authorHandle,
      authorFollowers: positive.authorFollowers,
      publishedAt: positive.publishedAt,
      engagement: positive.engagement,
    },
    influencers: rankInfluencers(authors).slice(0, TOP_INFLUENCERS),
    business,
    verdict: decideVerdict({ index, previous: trend[TREND_WEEKS - 1].reputationIndex, contributions, crises }),
  };
}

/** Mentions by tone for each local day; `bounds` holds the 7 day starts then the week's end. */
function dayTones(buckets: readonly SeriesBucket[], bounds: readonly number[]): DayTones[] {
  return bounds.slice(0, -1).map((start, i) => {
    const s = sumCounts(buckets.filter((b) => b.start >= start && b.start < bounds[i + 1]));
    return { start, total: s.total, positive: s.positive, neutral: s.neutral, negative: s.negative };
  });
}

function voices(
  brandId: string,
  ids: readonly string[],
  totals: Map<string, { total: number; reach: number }>,
  previousTotals: Map<string, { total: number; reach: number }>,
  names: Map<string, string>,
): DigestVoice[] {
  const entries = (m: typeof totals) => ids.map((id) => ({ entityId: id, volume: m.get(id)!.total, reach: m.get(id)!.reach }));
  const before = previousShares(new Map(ids.map((id) => [id, previousTotals.get(id)!.total])));
  return shareOfVoice(entries(totals)).map((s) => ({
    ...s, name: names.get(s.entityId) ?? s.entityId, isBrand: s.entityId === brandId, previousVolumeShare: before?.get(s.entityId) ?? null,
  }));
}
