// The net-sentiment line: pooled over a trailing window, blank where too few toned mentions back it.
import { describe, expect, it } from 'vitest';
import { netSentimentTrend } from '../../../src/analytics/net-sentiment-trend.js';

describe('net sentiment trend', () => {
  it('leaves points with too few toned mentions blank', () => {
    expect(netSentimentTrend([{ positive: 1, negative: 0 }, { positive: 0, negative: 1 }], 1, 10)).toEqual([null, null]);
  });

  it('pools a trailing window so single hours do not swing between -1 and +1', () => {
    const hours = [
      { positive: 6, negative: 0 }, { positive: 0, negative: 6 }, { positive: 6, negative: 0 }, { positive: 0, negative: 6 },
    ];
    expect(netSentimentTrend(hours, 1, 5)).toEqual([1, -1, 1, -1]);
    expect(netSentimentTrend(hours, 2, 5)).toEqual([1, 0, 0, 0]);
  });

  it('drops buckets that left the window', () => {
    const out = netSentimentTrend([{ positive: 20, negative: 0 }, { positive: 0, negative: 0 }, { positive: 0, negative: 20 }], 2, 10);
    expect(out).toEqual([1, 1, -1]);
  });
});
