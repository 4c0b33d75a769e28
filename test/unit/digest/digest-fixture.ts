// A hand-written DigestContent: a worse week with one crisis, hostile mention text, and a sign-ups link.
import { computeKpis } from '../../../src/analytics/kpis.js';
import type { DigestContent } from '../../../src/digest/digest-content.js';

const DAY = 86_400_000;
/** Monday 16 November 2026 00:00 in Paris. */
export const WEEK_START = Date.UTC(2026, 10, 15, 23);
export const HOSTILE = '<img src=x onerror=alert(1)> "quoted" & more';

export function digestFixture(): DigestContent {
  const kpis = computeKpis([{ total: 200, positive: 40, neutral: 60, negative: 100, engagement: 900, reach: 20_000 }]);
  const previousKpis = computeKpis([{ total: 100, positive: 50, neutral: 40, negative: 10, engagement: 300, reach: 8_000 }]);
  const onset = WEEK_START + 3 * DAY + 9 * 3_600_000;
  const crisis = {
    alertId: 'a1', entityId: 'acme-phone', entityName: 'Acme Phone', severity: 'high' as const, headline: 'Acme Phone: influential negative post',
    onsetAt: onset, detectedAt: onset + 6 * 60_000, firstResponseAt: onset + 80 * 60_000, timeToDetectionMs: 6 * 60_000, timeToFirstResponseMs: 80 * 60_000,
  };
  const linkDays = Array.from({ length: 30 }, (_, i) => new Date(WEEK_START - (29 - i) * DAY).toISOString().slice(0, 10));
  return {
    entity: { id: 'acme', name: 'Acme' },
    week: '2026-W47',
    timezone: 'Europe/Paris',
    period: { from: WEEK_START, to: WEEK_START + 7 * DAY },
    previousPeriod: { from: WEEK_START - 7 * DAY, to: WEEK_START },
    kpis,
    previousKpis,
    comparison: [],
    reputation: { index: 38.4, previous: 71.2, priorAverage: { value: 70.1, weeks: 4 }, contributions: { tone: -20, negativeReach: -12.8 } },
    trend: [43, 44, 45, 46, 47].map((w, i) => ({
      week: `2026-W${w}`,
      period: { from: WEEK_START - (4 - i) * 7 * DAY, to: WEEK_START - (3 - i) * 7 * DAY },
      volume: i === 4 ? 200 : 100,
      reputationIndex: i === 0 ? null : i === 4 ? 38.4 : 70 + i,
      netSentiment: i === 0 ? null : i === 4 ? -0.43 : 0.6,
    })),
    days: Array.from({ length: 7 }, (_, i) => ({ start: WEEK_START + i * DAY, total: i === 3 ? 110 : 15, positive: 6, neutral: i === 3 ? 24 : 6, negative: i === 3 ? 80 : 3 })),
    shareOfVoice: [
      { entityId: 'acme', name: 'Acme', isBrand: true, volume: 200, reach: 20_000, volumeShare: 0.625, reachShare: 0.7, previousVolumeShare: 0.5 },
      { entityId: 'globex', name: `Globex ${HOSTILE}`, isBrand: false, volume: 120, reach: 8_000, volumeShare: 0.375, reachShare: 0.3, previousVolumeShare: 0.5 },
    ],
    crises: [crisis],
    bestMoment: {
      mentionId: 'x:1', text: `Love it ${HOSTILE}`, url: 'javascript:alert(1)', platform: 'x', authorHandle: `fan${HOSTILE}`, authorFollowers: 12_345,
      publishedAt: WEEK_START + DAY, engagement: 321,
    },
    influencers: [
      { platform: 'x', handle: 'reporter', displayName: `Jane ${HOSTILE}`, followers: 410_000, score: 72.4, why: [], mentions: 3, negativeMentions: 2 },
    ],
    business: {
      metrics: [{ name: 'sign-ups', total: 2_100, days: 7, previousTotal: 2_800, previousDays: 7, changeRatio: -0.25 }],
      link: {
        social: 'negativeShare',
        business: 'sign-ups',
        correlation: { lag: 1, n: 29, pearson: -0.71, pearsonP: 1e-5, spearman: -0.66, spearmanP: 1e-4, warning: null },
        days: linkDays,
        socialSeries: linkDays.map((_, i) => (i % 5) / 10),
        businessSeries: linkDays.map((_, i) => 400 - (i % 5) * 10),
      },
      windowDays: 30,
    },
    verdict: { direction: 'worse', driver: 'tone', crisis },
  };
}
