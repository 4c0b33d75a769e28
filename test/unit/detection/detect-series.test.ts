import { describe, expect, it } from 'vitest';
import { detectSeries } from '../../../src/detection/detect-series.js';
import { inferStep, parseCountCsv } from '../../../src/detection/series-csv.js';
import { Random } from '../../../src/detection/sim-random.js';

const start = Date.UTC(2026, 0, 5);
const FIVE_MIN = 5 * 60_000;

/** Three days of 5-minute counts around 10, a spike of 120 at `spikeAt` (row index) if given. */
function csv(spikeIndex: number | null, opts: { header?: boolean; epoch?: boolean } = {}): string {
  const rng = new Random(11);
  const rows = [];
  for (let i = 0; i < 3 * 288; i++) {
    const at = start + i * FIVE_MIN;
    const value = spikeIndex !== null && i >= spikeIndex && i < spikeIndex + 3 ? 120 : rng.poisson(10);
    rows.push(`${opts.epoch ? at / 1000 : new Date(at).toISOString()},${value}`);
  }
  return `${opts.header === false ? '' : 'timestamp,value\n'}${rows.join('\n')}\n`;
}

describe('detectSeries', () => {
  it('raises the spike of a small 5-minute series once: high five minutes later is not news enough to notify again', () => {
    const spikeIndex = 2 * 288 + 100;
    const alerts = detectSeries(csv(spikeIndex));
    // First row of the spike: the 10-minute window holds 120 + one ordinary row (about 10), against 20 expected.
    expect(alerts).toEqual([
      { timestamp: new Date(start + spikeIndex * FIVE_MIN).toISOString(), detector: 'volume', severity: 'medium', why: expect.stringMatching(/^mentions up 6\.\dx in 10 min: 1[23]\d vs 20 expected$/) },
    ]);
  });

  it('stays quiet on the same series without a spike, warm-up included', () => {
    expect(detectSeries(csv(null))).toEqual([]);
  });

  it('reads epoch seconds without a header', () => {
    const spikeIndex = 2 * 288 + 100;
    expect(detectSeries(csv(spikeIndex, { header: false, epoch: true }))[0].timestamp).toBe(new Date(start + spikeIndex * FIVE_MIN).toISOString());
  });

  it('learns how bursty a series is from its rows: no alert on bursts, a surge still raised', () => {
    // Five days of 5-minute counts around 20 whose rows burst (each row's mean times a gamma multiplier of variance
    // 0.5): as noisy from one row to the next as reshare cascades make real counts, far more than their hourly sums.
    const bursty = (surgeIndex: number | null) => {
      const rng = new Random(5);
      const rows = ['timestamp,value'];
      for (let i = 0; i < 5 * 288; i++) {
        const surge = surgeIndex !== null && i >= surgeIndex && i < surgeIndex + 3 ? 10 : 1;
        rows.push(`${new Date(start + i * FIVE_MIN).toISOString()},${rng.poisson(20 * surge * rng.gammaMultiplier(2))}`);
      }
      return rows.join('\n');
    };
    expect(detectSeries(bursty(null))).toEqual([]);
    const surgeIndex = 4 * 288 + 100;
    const alerts = detectSeries(bursty(surgeIndex));
    expect(alerts).toHaveLength(1);
    // Within the surge's three rows (bursts can make its first rows small).
    const raisedAt = Date.parse(alerts[0].timestamp);
    expect(raisedAt).toBeGreaterThanOrEqual(start + surgeIndex * FIVE_MIN);
    expect(raisedAt).toBeLessThan(start + (surgeIndex + 3) * FIVE_MIN);
  });

  it('does not crash on a spike in the warm-up, with almost no history', () => {
    expect(detectSeries(csv(5))).toEqual([]);
  });

  it('names the line of a malformed row', () => {
    const text = 'timestamp,value\n2026-01-05T00:00:00Z,3\n2026-01-05T00:05:00Z,abc\n';
    expect(() => detectSeries(text)).toThrow(/^line 3: bad value "abc"/);
    expect(() => detectSeries('2026-01-05T00:00:00Z,3\nyesterday,4\n')).toThrow(/^line 2: bad timestamp "yesterday"/);
    expect(() => detectSeries('2026-01-05T00:00:00Z,3\n2026-01-05T00:05:00Z\n')).toThrow(/^line 2: expected "timestamp,value"/);
  });
});

describe('parseCountCsv', () => {
  it('infers an hourly step despite a missing row', () => {
    const points = parseCountCsv('t,v\n2026-01-05 00:00,1\n2026-01-05 01:00,2\n2026-01-05 03:00,2\n2026-01-05 04:00,5\n');
    expect(points.map((p) => p.value)).toEqual([1, 2, 2, 5]);
    expect(points[0].at).toBe(start);
    expect(inferStep(points)).toBe(3_600_000);
  });
});
