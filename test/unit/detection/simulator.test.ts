import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../../../src/detection/series.js';
import { rollUpHours } from '../../../src/detection/sim-replay.js';
import { burstinessStats } from '../../../src/detection/burstiness-stats.js';
import { REALISTIC_BURSTS } from '../../../src/detection/sim-bursts.js';
import { mentionAt, simulateTimeline } from '../../../src/detection/simulator.js';

const start = Date.UTC(2026, 0, 5);

describe('simulateTimeline', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const options = { meanPerHour: 50, start, days: 2, events: [{ kind: 'viral_post' as const, at: start + DAY_MS }] };
    const a = simulateTimeline({ ...options, seed: 7 });
    const b = simulateTimeline({ ...options, seed: 7 });
    const c = simulateTimeline({ ...options, seed: 8 });
    expect(b).toEqual(a);
    expect(c.minutes.map((m) => m.total)).not.toEqual(a.minutes.map((m) => m.total));
  });

  it('produces the requested mean volume with a daily rhythm', () => {
    const t = simulateTimeline({ seed: 3, meanPerHour: 500, start, days: 14, events: [] });
    const hours = rollUpHours(t.minutes);
    const mean = hours.reduce((s, h) => s + h.total, 0) / hours.length;
    expect(mean).toBeGreaterThan(400);
    expect(mean).toBeLessThan(600);
    const sorted = hours.map((h) => h.total).sort((x, y) => x - y);
    // Busiest hours are several times the quietest ones.
    expect(sorted[Math.floor(sorted.length * 0.9)] / sorted[Math.floor(sorted.length * 0.1)]).toBeGreaterThan(2.5);
  });

  it('with bursts, is as bursty as real mention counts: cascades within the hour, spikes every week, empty nights', () => {
    const fiveMinutes = (days: number, bursts?: typeof REALISTIC_BURSTS) => {
      const t = simulateTimeline({ seed: 4, meanPerHour: 50, start, days, events: [], notableFrom: Infinity, ...(bursts ? { bursts } : {}) });
      const counts = new Float64Array(Math.floor(t.minutes.length / 5));
      for (let i = 0; i < counts.length * 5; i++) counts[Math.floor(i / 5)] += t.minutes[i].total;
      return burstinessStats(counts, start, 5 * 60_000);
    };
    const poisson = fiveMinutes(21);
    const bursty = fiveMinutes(21, REALISTIC_BURSTS);
    // Real brand series near 50/h (nab_dev IBM, UPS): within-hour ID 4 to 54, 10 to 12 spikes a week, a quarter of 5-min steps empty.
    expect(poisson.dispersionStep).toBeLessThan(1.3);
    expect(bursty.dispersionStep).toBeGreaterThan(3);
    expect(bursty.spikesPerWeek).toBeGreaterThan(4);
    expect(bursty.spikesPerWeek).toBeGreaterThan(2 * poisson.spikesPerWeek);
    expect(bursty.zeroShare).toBeGreaterThan(0.15);
  });

  it('injects a crisis that raises negative mentions after its onset only', () => {
    const onset = start + 2 * DAY_MS + 10 * HOUR_MS;
    const t = simulateTimeline({ seed: 5, meanPerHour: 50, start, days: 3, events: [{ kind: 'coordinated_attack', at: onset }] });
    const hours = rollUpHours(t.minutes);
    const before = hours.filter((h) => h.start >= onset - 3 * HOUR_MS && h.start < onset).reduce((s, h) => s + h.negative, 0);
    const after = hours.filter((h) => h.start >= onset && h.start < onset + 2 * HOUR_MS).reduce((s, h) => s + h.negative, 0);
    expect(after / 2).toBeGreaterThan(3 * (before / 3));
    expect(t.events).toEqual([expect.objectContaining({ kind: 'coordinated_attack', isCrisis: true, onsetAt: onset })]);
    expect(t.mentions.some((m) => m.publishedAt >= onset && m.authorFollowers < 100 && m.text.length > 0)).toBe(true);
  });

  it('makes a product launch a positive surge, not a negative one', () => {
    const onset = start + DAY_MS + 12 * HOUR_MS;
    const t = simulateTimeline({ seed: 9, meanPerHour: 500, start, days: 2, events: [{ kind: 'product_launch', at: onset }] });
    const window = rollUpHours(t.minutes).filter((h) => h.start >= onset + HOUR_MS && h.start < onset + 4 * HOUR_MS);
    const total = window.reduce((s, h) => s + h.total, 0);
    expect(window.reduce((s, h) => s + h.positive, 0) / total).toBeGreaterThan(0.5);
    expect(window.reduce((s, h) => s + h.negative, 0) / total).toBeLessThan(0.1);
  });

  it('shows a viral post as it was at a given instant', () => {
    const onset = start + 12 * HOUR_MS;
    const t = simulateTimeline({ seed: 1, meanPerHour: 50, start, days: 1, events: [{ kind: 'viral_post', at: onset }] });
    const lead = t.mentions.find((m) => m.engagementHistory)!;
    const early = mentionAt(lead, onset + 10 * 60_000);
    const late = mentionAt(lead, onset + 120 * 60_000);
    expect(early.engagementHistory!.every((h) => h.at <= onset + 10 * 60_000)).toBe(true);
    expect(late.engagement.reshares).toBeGreaterThan(early.engagement.reshares);
  });
});
