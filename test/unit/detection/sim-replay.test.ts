import { describe, expect, it } from 'vitest';
import { defaultDetectionParams } from '../../../src/detection/detection-params.js';
import { DAY_MS, HOUR_MS } from '../../../src/detection/series.js';
import { replayTimeline } from '../../../src/detection/sim-replay.js';
import { simulateTimeline } from '../../../src/detection/simulator.js';

describe('replayTimeline', () => {
  it('opens exactly one alert for a simulated coordinated attack, after its onset', () => {
    const start = Date.UTC(2026, 0, 5);
    const onset = start + 10 * DAY_MS + 14 * HOUR_MS;
    const timeline = simulateTimeline({
      seed: 21,
      meanPerHour: 50,
      start,
      days: 11,
      events: [{ kind: 'coordinated_attack', at: onset }],
      notableFrom: start + 9 * DAY_MS,
    });
    const log = replayTimeline(timeline, { from: onset - 6 * HOUR_MS, to: onset + 6 * HOUR_MS, stepMinutes: 2, params: defaultDetectionParams });
    const opens = log.actions.filter((a) => a.action.type === 'open');
    expect(opens).toHaveLength(1);
    expect(opens[0].at).toBeGreaterThanOrEqual(onset);
    expect(opens[0].at - onset).toBeLessThan(HOUR_MS);
  });
});
