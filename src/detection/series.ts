// The time-series shapes the detect stage reads (per-entity windows of buckets and notable mentions) and what it emits.
import type { Locale } from '../domain/locale.js';

export { DAY_MS, HOUR_MS, MINUTE_MS, WEEK_MS } from '../domain/time-buckets.js';

/** Counts for one time slot (a minute or an hour) of one entity. */
export interface Bucket {
  /** Slot start, epoch ms UTC. */
  start: number;
  total: number;
  negative: number;
  neutral: number;
  positive: number;
  /** Sum of the reach estimates of the slot's mentions. */
  reach: number;
  /** Sum of the reach estimates of the slot's negative mentions. */
  negativeReach: number;
  /** Mentions carrying at least one risk flag. */
  riskFlagged: number;
}

export interface EngagementSnapshot {
  likes: number;
  reshares: number;
  replies: number;
  quotes: number;
}

/** A negative or risk-flagged mention of the last few hours, with what the detectors need to judge it. */
export interface NotableMention {
  id: string;
  publishedAt: number;
  text: string;
  authorHandle: string;
  authorFollowers: number;
  /** 0-100, see scoring/influence. */
  authorInfluence: number;
  sentiment: 'negative' | 'neutral' | 'positive';
  /** Engagement as of the window's `now`. */
  engagement: EngagementSnapshot;
  /** Snapshots of the counts over time (oldest first, none later than `now`), used to measure velocity. */
  engagementHistory?: { at: number; reshares: number; replies: number }[];
  riskFlags: string[];
  /** Id of the mention this one reshares, when it is a reshare. */
  isReshareOf?: string;
}

/**
 * Everything the detectors see of one entity at one instant. The pipeline builds it from the
 * per-minute rollups, the hourly rollups and the recent notable mentions.
 */
export interface EntityWindow {
  entityId: string;
  /** The evaluation instant, epoch ms UTC: buckets with `start < now` are complete. */
  now: number;
  /** Per-minute buckets covering at least the last 3 h, oldest first; a missing minute means zero mentions. */
  minutes: Bucket[];
  /** Complete hourly buckets, up to the last 28 days, oldest first; a missing hour means zero mentions. */
  hours: Bucket[];
  /** Negative or risk-flagged mentions of the last ~3 h. */
  notable: NotableMention[];
  /** Texts of the recent (last ~3 h) negative mentions. */
  recentNegativeTexts: string[];
  /** Texts from an earlier period (e.g. yesterday), to tell new phrases from usual ones. */
  backgroundTexts: string[];
  /** The language alert sentences are written in (the entity's locale); English when absent. */
  language?: Locale;
  /** Fine-grained buckets before `minutes`, from which the volume detectors learn how bursty the series is. */
  fineHistory?: FineHistory;
}

/** Fine-grained buckets of a period before the recent window: one a minute in the pipeline, one a row in detect-series. */
export interface FineHistory {
  /** Oldest first; a missing bucket means zero. */
  buckets: readonly Bucket[];
  stepMs: number;
  /** Only the whole hours between `from` and `to` are read. */
  from: number;
  to: number;
}

export const DETECTORS = ['volume', 'negative_share', 'influencer', 'velocity', 'risk', 'emerging_topic'] as const;
export type DetectorName = (typeof DETECTORS)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

/** One detector's verdict that something is wrong with one entity now. */
export interface AlertCandidate {
  entityId: string;
  detector: DetectorName;
  severity: Severity;
  /** Best estimate of when the anomaly started, epoch ms. */
  onsetAt: number;
  /** The window's `now`. */
  detectedAt: number;
  /** One sentence a person understands. */
  why: string;
  /** The figures behind the verdict (observed, expected, ratio, ...). */
  numbers: Record<string, number>;
  /** Ids of the mentions that best show the problem, most telling first. */
  evidence: string[];
  /** Phrases that characterise the crisis, when the detector found some. */
  phrases: string[];
}

/** Sum of the buckets whose start lies in [from, to). Buckets are sorted oldest first. */
export function sumBuckets(buckets: readonly Bucket[], from: number, to: number): Bucket {
  const sum = emptyBucket(from);
  for (let i = buckets.length - 1; i >= 0; i--) {
    const b = buckets[i];
    if (b.start >= to) continue;
    if (b.start < from) break;
    addBucket(sum, b);
  }
  return sum;
}

/** Adds a bucket's counts to `into` (its start is left as it is). */
export function addBucket(into: Bucket, b: Bucket): void {
  into.total += b.total;
  into.negative += b.negative;
  into.neutral += b.neutral;
  into.positive += b.positive;
  into.reach += b.reach;
  into.negativeReach += b.negativeReach;
  into.riskFlagged += b.riskFlagged;
}

export function emptyBucket(start: number): Bucket {
  return { start, total: 0, negative: 0, neutral: 0, positive: 0, reach: 0, negativeReach: 0, riskFlagged: 0 };
}
