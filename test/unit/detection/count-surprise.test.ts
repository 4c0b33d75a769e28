import { describe, expect, it } from 'vitest';
import { binomialSurprise, countSurprise, logGamma } from '../../../src/detection/count-surprise.js';

describe('countSurprise', () => {
  it('is -log10 of the Poisson upper tail', () => {
    // P(X >= 5 | mean 2) = 1 - e^-2 (1 + 2 + 2 + 4/3 + 2/3) = 1 - 7 e^-2 = 0.0526530
    expect(countSurprise(5, 2)).toBeCloseTo(-Math.log10(1 - 7 * Math.exp(-2)), 6);
    // P(X >= 1 | mean 0.5) = 1 - e^-0.5
    expect(countSurprise(1, 0.5)).toBeCloseTo(-Math.log10(1 - Math.exp(-0.5)), 6);
  });

  it('is zero when nothing exceeds the expectation', () => {
    expect(countSurprise(3, 3)).toBe(0);
    expect(countSurprise(1, 4)).toBe(0);
  });

  it('stays finite and large for huge excesses', () => {
    const s = countSurprise(400, 10);
    expect(s).toBeGreaterThan(300);
    expect(Number.isFinite(s)).toBe(true);
  });

  it('is less surprised when the series is overdispersed', () => {
    // Quasi-Poisson: 200 vs 100 with dispersion 0.01 is like 100 vs 50 without.
    expect(countSurprise(200, 100, 0.01)).toBeCloseTo(countSurprise(100, 50), 6);
    expect(countSurprise(200, 100, 0.01)).toBeLessThan(countSurprise(200, 100));
  });

  it('computes ln Gamma', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
  });
});

describe('binomialSurprise', () => {
  it('is -log10 of the binomial upper tail', () => {
    // P(X >= 4 | 4 draws, p = 0.2) = 0.2^4
    expect(binomialSurprise(4, 4, 0.2)).toBeCloseTo(-Math.log10(0.2 ** 4), 10);
    // P(X >= 2 | 3 draws, p = 0.5) = (3 + 1) / 8
    expect(binomialSurprise(2, 3, 0.5)).toBeCloseTo(-Math.log10(0.5), 10);
  });

  it('is zero for nothing, infinite for the impossible', () => {
    expect(binomialSurprise(0, 5, 0.3)).toBe(0);
    expect(binomialSurprise(3, 3, 0)).toBe(Infinity);
  });

  it('stays finite for long tails', () => {
    const s = binomialSurprise(900, 1000, 0.1);
    expect(Number.isFinite(s)).toBe(true);
    expect(s).toBeGreaterThan(500);
  });
});
