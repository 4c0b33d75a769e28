// Net sentiment over time that a reader can trust: each point pools the toned mentions of a trailing window, and a
// point backed by too few of them is left blank rather than swinging between -1 and +1 on two posts.

/** Fewer toned (positive + negative) mentions than this and a point says nothing. */
export const MIN_TONED_MENTIONS = 10;

export interface TonedBucket {
  positive: number;
  negative: number;
}

/**
 * For each bucket, (positive - negative) / (positive + negative) over it and the `window - 1` buckets before it;
 * null when that window holds fewer than `minToned` toned mentions.
 */
export function netSentimentTrend(buckets: readonly TonedBucket[], window: number, minToned = MIN_TONED_MENTIONS): (number | null)[] {
  const size = Math.max(1, Math.floor(window));
  let positive = 0;
  let negative = 0;
  return buckets.map((b, i) => {
    positive += b.positive;
    negative += b.negative;
    if (i >= size) {
      positive -= buckets[i - size].positive;
      negative -= buckets[i - size].negative;
    }
    const toned = positive + negative;
    return toned >= minToned ? (positive - negative) / toned : null;
  });
}
