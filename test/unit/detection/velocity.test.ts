import { describe, expect, it } from 'vitest';
import { defaultDetectionParams } from '../../../src/detection/detection-params.js';
import { MINUTE_MS } from '../../../src/detection/series.js';
import { detectViralNegative } from '../../../src/detection/velocity.js';
import { NOW, mention, window } from './fixtures.js';

const params = defaultDetectionParams;

describe('detectViralNegative', () => {
  const usual = Array.from({ length: 5 }, (_, i) =>
    mention({ id: `u${i}`, publishedAt: NOW - 60 * MINUTE_MS, engagement: { likes: 1, reshares: 1, replies: 1, quotes: 0 } }),
  );

  it('raises a negative post gaining 4 reshares/replies a minute (hand-computed)', () => {
    // Snapshots: 0 at -30 min, 30 at -15 min, 90 at now: (90 - 30) / 15 min = 4 per minute.
    const viral = mention({
      id: 'viral',
      authorHandle: 'angryclient',
      authorFollowers: 3_000,
      publishedAt: NOW - 30 * MINUTE_MS,
      engagement: { likes: 200, reshares: 70, replies: 20, quotes: 0 },
      engagementHistory: [
        { at: NOW - 30 * MINUTE_MS, reshares: 0, replies: 0 },
        { at: NOW - 15 * MINUTE_MS, reshares: 25, replies: 5 },
        { at: NOW, reshares: 70, replies: 20 },
      ],
      text: 'acme sold me a broken heater and refuses a refund',
    });
    const found = detectViralNegative(window({ notable: [...usual, viral] }), params);
    expect(found).not.toBeNull();
    expect(found!.numbers.ratePerMinute).toBe(4);
    // Usual: lifetime rate of the median post, 2 per 60 min.
    expect(found!.numbers.usualRatePerMinute).toBeCloseTo(0.05, 2);
    expect(found!.severity).toBe('medium');
    expect(found!.onsetAt).toBe(NOW - 30 * MINUTE_MS);
    expect(found!.why).toContain('a negative post by @angryclient (3k followers) is going viral: 4 reshares/replies per minute');
  });

  it('ignores a post growing like the others', () => {
    const slow = mention({
      id: 'slow',
      publishedAt: NOW - 30 * MINUTE_MS,
      engagement: { likes: 3, reshares: 2, replies: 1, quotes: 0 },
      engagementHistory: [{ at: NOW, reshares: 2, replies: 1 }],
    });
    expect(detectViralNegative(window({ notable: [...usual, slow] }), params)).toBeNull();
  });
});
