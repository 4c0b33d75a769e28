// Hand-made windows and mentions for the detection tests (all texts written for these tests).
import { type Bucket, type EntityWindow, HOUR_MS, MINUTE_MS, type NotableMention, emptyBucket } from '../../../src/detection/series.js';

/** Monday 2026-03-02 12:00 UTC: a round instant on an hour boundary. */
export const NOW = Date.UTC(2026, 2, 2, 12);

/** `count` hourly buckets ending at `end` (exclusive), each with `perHour(i)` mentions, a tenth of them negative. */
export function hourlyHistory(count: number, perHour: (hourStart: number, i: number) => number, end = NOW, negativeShare = 0.1): Bucket[] {
  const hours: Bucket[] = [];
  for (let i = 0; i < count; i++) {
    const start = end - (count - i) * HOUR_MS;
    hours.push(bucket(start, perHour(start, i), negativeShare));
  }
  return hours;
}

/** A bucket of `total` mentions of which `negativeShare` negative, each reaching 100 people. */
export function bucket(start: number, total: number, negativeShare = 0.1, riskFlagged = 0): Bucket {
  const negative = Math.round(total * negativeShare);
  return { ...emptyBucket(start), total, negative, neutral: total - negative, reach: total * 100, negativeReach: negative * 100, riskFlagged };
}

/** Minute buckets for the `count` minutes before `end`, built by `make(minuteStart, i)`. */
export function minuteSeries(count: number, make: (start: number, i: number) => Bucket | null, end = NOW): Bucket[] {
  const minutes: Bucket[] = [];
  for (let i = 0; i < count; i++) {
    const b = make(end - (count - i) * MINUTE_MS, i);
    if (b) minutes.push(b);
  }
  return minutes;
}

export function window(parts: Partial<EntityWindow>): EntityWindow {
  return { entityId: 'acme', now: NOW, minutes: [], hours: [], notable: [], recentNegativeTexts: [], backgroundTexts: [], ...parts };
}

export function mention(parts: Partial<NotableMention> & { id: string }): NotableMention {
  return {
    publishedAt: NOW - 5 * MINUTE_MS,
    text: 'acme support never called me back',
    authorHandle: 'someone',
    authorFollowers: 200,
    authorInfluence: 20,
    sentiment: 'negative',
    engagement: { likes: 0, reshares: 0, replies: 0, quotes: 0 },
    riskFlags: [],
    ...parts,
  };
}
