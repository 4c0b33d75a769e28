import { describe, expect, it } from 'vitest';
import { defaultDetectionParams } from '../../../src/detection/detection-params.js';
import { detectNegativeShareShift } from '../../../src/detection/negative-share.js';
import { type Bucket, emptyBucket } from '../../../src/detection/series.js';
import { hourlyHistory, minuteSeries, window } from './fixtures.js';

const params = defaultDetectionParams;
const hours = hourlyHistory(48, () => 20, undefined, 0.1);

function mixed(start: number, negative: number, neutral: number): Bucket {
  return { ...emptyBucket(start), total: negative + neutral, negative, neutral, reach: (negative + neutral) * 100, negativeReach: negative * 100 };
}

describe('detectNegativeShareShift', () => {
  it('ignores three negative posts at night, however high their share', () => {
    const minutes = minuteSeries(60, (start, i) => (i % 20 === 0 ? mixed(start, 1, 0) : null));
    expect(detectNegativeShareShift(window({ hours, minutes }), params)).toBeNull();
  });

  it('raises a tone shift with enough negative mentions', () => {
    // Last hour: 30 minutes with 1 negative + 0 neutral, 30 with 0 + 1: 50 % negative vs 10 % usually.
    const minutes = minuteSeries(60, (start, i) => (i % 2 === 0 ? mixed(start, 1, 0) : mixed(start, 0, 1)));
    const found = detectNegativeShareShift(window({ hours, minutes }), params);
    expect(found).not.toBeNull();
    expect(found!.numbers.negativeShareOfReach).toBeCloseTo(0.5, 2);
    expect(found!.numbers.usualShareOfReach).toBeCloseTo(0.1, 2);
    expect(found!.numbers.negative).toBe(30);
    expect(found!.severity).toBe('medium'); // +40 points
    expect(found!.why).toContain('negative tone at 50% of reach in 60 min (usually 10%), 30 negative of 60 mentions');
  });

  it('weights by reach: many negatives from tiny accounts shift less than their count', () => {
    const minutes = minuteSeries(30, (start, i) =>
      i % 2 === 0 ? { ...mixed(start, 1, 0), reach: 1, negativeReach: 1 } : { ...mixed(start, 0, 1), reach: 1000, negativeReach: 0 },
    );
    expect(detectNegativeShareShift(window({ hours, minutes }), params)).toBeNull();
  });
});
