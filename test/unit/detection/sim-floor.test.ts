import { describe, expect, it } from 'vitest';
import { detectionFloorMinutes } from '../../../src/detection/sim-floor.js';
import { DAY_MS, HOUR_MS } from '../../../src/detection/series.js';
import { simulateTimeline } from '../../../src/detection/simulator.js';

describe('detectionFloorMinutes', () => {
  it('is the first complete minute whose cumulative excess passes 3 Poisson standard deviations', () => {
    // Usual: 1 negative a minute. Excess 2 a minute: after m minutes 2m > 3 sqrt(m) once m > 2.25.
    expect(detectionFloorMinutes(Array(10).fill(2), Array(10).fill(1))).toBe(3);
  });

  it('follows a slow ramp: the excess grows with the square of time, the noise with its root', () => {
    // Excess i / 100 in minute i, usual 1 a minute: after m minutes m (m - 1) / 200 > 3 sqrt(m) from m = 72 (25.56 vs 25.46).
    const ramp = Array.from({ length: 300 }, (_, i) => i / 100);
    expect(detectionFloorMinutes(ramp, Array(300).fill(1))).toBe(72);
  });

  it('is null when the excess never stands out', () => {
    expect(detectionFloorMinutes(Array(60).fill(0.1), Array(60).fill(10))).toBeNull();
  });

  it('reads the ground truth the simulator records for each event', () => {
    const start = Date.UTC(2026, 0, 5);
    const onset = start + DAY_MS + 12 * HOUR_MS;
    const t = simulateTimeline({ seed: 4, meanPerHour: 500, start, days: 3, events: [{ kind: 'coordinated_attack', at: onset }] });
    const event = t.events[0];
    expect(event.excessNegative).toHaveLength((event.endAt - onset) / 60_000);
    expect(event.usualNegativeMean.every((x) => x > 0)).toBe(true);
    // An attack adds at least 20 an hour of almost only negative posts within 5 minutes: minutes, not hours.
    expect(detectionFloorMinutes(event.excessNegative, event.usualNegativeMean)).toBeLessThan(15);
  });
});
