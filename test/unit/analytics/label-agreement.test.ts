import { describe, expect, it } from 'vitest';
import { macroF1 } from '../../../src/analytics/label-agreement.js';

describe('macroF1', () => {
  it('is 1 when the scorer agrees on every label and averages the per-tone F1 otherwise', () => {
    expect(macroF1([{ label: 'negative', machine: 'negative', n: 3 }, { label: 'positive', machine: 'positive', n: 2 }])).toBe(1);
    // negative: tp 1, fn 1 -> 2/3; neutral: fp 1 -> 0; positive: tp 2 -> 1.
    const f = macroF1([
      { label: 'negative', machine: 'negative', n: 1 },
      { label: 'negative', machine: 'neutral', n: 1 },
      { label: 'positive', machine: 'positive', n: 2 },
    ]);
    expect(f).toBeCloseTo((2 / 3 + 0 + 1) / 3, 10);
    expect(macroF1([])).toBe(0);
  });
});
