// The headline KPIs of an entity over a period, from rollup buckets: volume, tone shares, net sentiment, reach, engagement.

/** What a rollup bucket (or a sum of them) holds; rollup-queries' SeriesBucket fits. */
export interface VolumeCounts {
  total: number;
  negative: number;
  neutral: number;
  positive: number;
  /** Likes + reshares + replies + quotes. */
  engagement: number;
  /** Sum of the per-mention reach estimates (views when the platform reports them). */
  reach: number;
  sentimentSum?: number;
}

export interface Kpis {
  volume: number;
  positiveShare: number;
  neutralShare: number;
  negativeShare: number;
  /** (positive - negative) / (positive + negative), -1..1; 0 when no mention carries a tone. */
  netSentiment: number;
  /** Mean signed sentiment score of the mentions (roughly -1..1). */
  averageSentiment: number;
  /** Every mention's audience counted once per mention: the sum of reach estimates. */
  impressions: number;
  /** People reached once each: distinct authors' audience when known (see author-queries), else the impressions. */
  reach: number;
  engagement: number;
  /** Engagement per impression, 0..1 in practice; 0 when nothing was seen. */
  engagementRate: number;
}

/** The names KPIs are known by in config norms, comparisons and the API. */
export const KPI_NAMES = [
  'volume', 'positiveShare', 'neutralShare', 'negativeShare', 'netSentiment', 'averageSentiment',
  'impressions', 'reach', 'engagement', 'engagementRate',
] as const satisfies readonly (keyof Kpis)[];
export type KpiName = (typeof KPI_NAMES)[number];

export function sumCounts(buckets: readonly VolumeCounts[]): Required<VolumeCounts> {
  const sum = { total: 0, negative: 0, neutral: 0, positive: 0, engagement: 0, reach: 0, sentimentSum: 0 };
  for (const b of buckets) addCounts(sum, b);
  return sum;
}

/** Adds a bucket's counts to `into`. */
export function addCounts(into: Required<VolumeCounts>, b: VolumeCounts): void {
  into.total += b.total;
  into.negative += b.negative;
  into.neutral += b.neutral;
  into.positive += b.positive;
  into.engagement += b.engagement;
  into.reach += b.reach;
  into.sentimentSum += b.sentimentSum ?? 0;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

export function computeKpis(buckets: readonly VolumeCounts[], options: { uniqueReach?: number } = {}): Kpis {
  const s = sumCounts(buckets);
  return {
    volume: s.total,
    positiveShare: ratio(s.positive, s.total),
    neutralShare: ratio(s.neutral, s.total),
    negativeShare: ratio(s.negative, s.total),
    netSentiment: ratio(s.positive - s.negative, s.positive + s.negative),
    averageSentiment: ratio(s.sentimentSum, s.total),
    impressions: s.reach,
    reach: options.uniqueReach ?? s.reach,
    engagement: s.engagement,
    engagementRate: ratio(s.engagement, s.reach),
  };
}
