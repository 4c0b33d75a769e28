import { describe, expect, it } from 'vitest';
import { defaultDetectionParams } from '../../../src/detection/detection-params.js';
import { detectRiskCluster } from '../../../src/detection/risk.js';
import { MINUTE_MS } from '../../../src/detection/series.js';
import { NOW, bucket, hourlyHistory, mention, minuteSeries, window } from './fixtures.js';

const params = defaultDetectionParams;
// 20 mentions an hour, one risk-flagged every ten hours; none ever at 11:00, so the expectation is small but not zero.
const hours = hourlyHistory(48, () => 20).map((h, i) => ({ ...h, riskFlagged: i % 10 === 0 ? 1 : 0 }));

describe('detectRiskCluster', () => {
  it('raises a cluster of risk-flagged mentions and lists the flags', () => {
    const minutes = minuteSeries(30, (start, i) => (i % 5 === 0 ? bucket(start, 1, 1, 1) : null));
    const notable = [
      mention({ id: 'r1', riskFlags: ['legal'], text: 'my lawyer will hear about acme', publishedAt: NOW - 10 * MINUTE_MS }),
      mention({ id: 'r2', riskFlags: ['legal', 'safety'], publishedAt: NOW - 8 * MINUTE_MS }),
    ];
    const found = detectRiskCluster(window({ hours, minutes, notable }), params);
    expect(found).not.toBeNull();
    expect(found!.numbers.observed).toBe(6);
    expect(found!.numbers.windowMinutes).toBe(30);
    expect(found!.phrases).toEqual(['legal', 'safety']);
    expect(found!.why).toMatch(/^6 risk-flagged mentions in 30 min, (\d+x the usual 0\.\d+|where there are usually none) \(legal threat, safety\): 'my lawyer will hear about acme'$/);
    // Far above the usual, but six posts: routed at once, without overriding quiet hours.
    expect(found!.severity).toBe('medium');
  });

  it('ignores two flagged mentions', () => {
    const minutes = minuteSeries(30, (start, i) => (i % 15 === 0 ? bucket(start, 1, 1, 1) : null));
    expect(detectRiskCluster(window({ hours, minutes }), params)).toBeNull();
  });
});
