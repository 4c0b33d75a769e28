import { describe, expect, it } from 'vitest';
import { burstinessStats } from '../../../src/detection/burstiness-stats.js';
import { Random } from '../../../src/detection/sim-random.js';

const start = Date.UTC(2026, 0, 5);
const STEP = 5 * 60_000;

describe('burstinessStats', () => {
  it('reads Poisson counts as Poisson, whatever the daily rhythm, with no spikes', () => {
    const rng = new Random(1);
    const counts = Array.from({ length: 14 * 288 }, (_, i) => rng.poisson(5 + 4 * Math.sin((2 * Math.PI * i) / 288)));
    const s = burstinessStats(counts, start, STEP);
    expect(s.meanPerHour).toBeCloseTo(60, -1);
    expect(s.dispersionStep).toBeGreaterThan(0.9);
    expect(s.dispersionStep).toBeLessThan(1.1);
    expect(s.spikesPerWeek).toBe(0);
  });

  it('counts a spike once per episode with its peak ratio', () => {
    const counts = Array.from({ length: 3 * 288 }, () => 2);
    counts[2 * 288] = 40;
    counts[2 * 288 + 1] = 60;
    const s = burstinessStats(counts, start, STEP);
    expect(s.spikesPerWeek).toBeCloseTo(7 / 2, 1);
    // Against the previous 24 h, which hold the first row of the episode.
    expect(s.spikeRatio[2]).toBeCloseTo(60 / ((287 * 2 + 40) / 288), 1);
  });
});
