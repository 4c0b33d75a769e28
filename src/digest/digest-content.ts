// What a weekly digest says, as plain numbers and facts: built from the store by build-digest, drawn by render-digest.
import type { PriorAverage } from '../analytics/comparison-basis.js';
import type { KpiComparison } from '../analytics/compare.js';
import type { LagCorrelation } from '../analytics/correlation.js';
import type { InfluencePart } from '../analytics/influence-explanation.js';
import type { Kpis } from '../analytics/kpis.js';
import type { Period } from '../analytics/period.js';
import type { VoiceShare } from '../analytics/share-of-voice.js';
import type { AlertSeverity } from '../domain/alert.js';
import type { ReputationDriver } from './reputation-index.js';

export type { Locale } from '../domain/locale.js';

export interface WeekPoint {
  week: string;
  period: Period;
  volume: number;
  /** 0..100; null for a week without a single toned mention. */
  reputationIndex: number | null;
  /** -1..1; null for a week without a single toned mention. */
  netSentiment: number | null;
}

export interface DayTones {
  /** Local midnight of the day, epoch ms. */
  start: number;
  total: number;
  positive: number;
  neutral: number;
  negative: number;
}

export interface DigestCrisis {
  alertId: string;
  entityId: string;
  entityName: string;
  severity: AlertSeverity;
  /**
   * The alert's stable headline ("Kelio Aura : publication négative virale"), exactly as its email, its acknowledge page
   * and the dashboard give it; the detector's sentence changes as the alert grows and speaks in numbers.
   */
  headline: string;
  onsetAt: number;
  detectedAt: number;
  firstResponseAt: number | null;
  /** detectedAt - onsetAt. */
  timeToDetectionMs: number;
  /** firstResponseAt - onsetAt: how long the public waited for an answer; null when the brand never answered. */
  timeToFirstResponseMs: number | null;
}

export interface DigestMoment {
  mentionId: string;
  text: string;
  url: string | null;
  platform: string;
  authorHandle: string;
  authorFollowers: number;
  publishedAt: number;
  /** Likes + reshares + replies + quotes. */
  engagement: number;
}

export interface DigestInfluencer {
  platform: string;
  handle: string;
  displayName: string | null;
  followers: number;
  score: number;
  why: InfluencePart[];
  mentions: number;
  negativeMentions: number;
}

export interface DigestVoice extends VoiceShare {
  name: string;
  isBrand: boolean;
  /** Volume share the week before, 0..1; null when no entity of the group had a mention then. */
  previousVolumeShare: number | null;
}

export interface BusinessMetricWeek {
  name: string;
  /** Sum of the daily values of the week (UTC days), and the number of days that had a value. */
  total: number;
  days: number;
  previousTotal: number;
  previousDays: number;
  /** Change of the daily mean (so weeks with a missing day compare fairly); null without both weeks. */
  changeRatio: number | null;
}

export interface BusinessLink {
  social: string;
  business: string;
  correlation: LagCorrelation;
  /** Daily values over the correlation window, for the chart (NaN: no value). */
  days: string[];
  socialSeries: number[];
  businessSeries: number[];
}

export interface DigestBusiness {
  metrics: BusinessMetricWeek[];
  /** The strongest correlation that is significant and not weak, or null. */
  link: BusinessLink | null;
  /** Days in the correlation window. */
  windowDays: number;
}

export type VerdictDirection = 'better' | 'worse' | 'stable' | 'first-week' | 'no-data';

export interface Verdict {
  direction: VerdictDirection;
  /** What moved the index most, when it moved. */
  driver: ReputationDriver | null;
  /** The week's most severe crisis, if any. */
  crisis: DigestCrisis | null;
}

export interface DigestContent {
  entity: { id: string; name: string };
  week: string;
  timezone: string;
  period: Period;
  previousPeriod: Period;
  kpis: Kpis;
  previousKpis: Kpis;
  /** compareKpis(kpis, previousKpis, norms). */
  comparison: KpiComparison[];
  reputation: {
    index: number | null;
    previous: number | null;
    /** Mean index of the weeks before this one that have data (up to four); null with fewer than two. */
    priorAverage: PriorAverage | null;
    /** Points each driver added to the change against last week. */
    contributions: Record<ReputationDriver, number> | null;
  };
  /** The four weeks before and this week, oldest first. */
  trend: WeekPoint[];
  /** This week's 7 local days. */
  days: DayTones[];
  shareOfVoice: DigestVoice[];
  crises: DigestCrisis[];
  bestMoment: DigestMoment | null;
  influencers: DigestInfluencer[];
  business: DigestBusiness;
  verdict: Verdict;
}
