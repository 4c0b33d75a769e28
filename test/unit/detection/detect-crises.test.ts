import { describe, expect, it } from 'vitest';
import { detectCrises } from '../../../src/detection/detect-crises.js';
import { defaultDetectionParams, detectionParamsSchema } from '../../../src/detection/detection-params.js';
import { bucket, hourlyHistory, mention, minuteSeries, window } from './fixtures.js';

const hours = hourlyHistory(48, () => 60, undefined, 0.1);

describe('detectCrises', () => {
  it('returns nothing on an ordinary hour', () => {
    const minutes = minuteSeries(180, (start) => bucket(start, 1, 0.1));
    expect(detectCrises(window({ hours, minutes }), defaultDetectionParams)).toEqual([]);
  });

  it('runs every detector: a negative surge led by an influencer gives both verdicts', () => {
    const minutes = minuteSeries(180, (start, i) => (i >= 150 ? bucket(start, 6, 0.8) : bucket(start, 1, 0.1)));
    const notable = [mention({ id: 'star', authorHandle: 'star', authorInfluence: 95, authorFollowers: 900_000 })];
    const detectors = detectCrises(window({ hours, minutes, notable }), defaultDetectionParams).map((c) => c.detector);
    expect(detectors).toEqual(expect.arrayContaining(['volume', 'negative_share', 'influencer']));
  });

  it('takes its parameters from config, with defaults for the rest', () => {
    const params = detectionParamsSchema.parse({ influencer: { minInfluence: 99, highInfluence: 99 } });
    expect(params.influencer.lookbackMinutes).toBe(30);
    expect(params.volume.windowsMinutes).toEqual([10, 30, 60, 180]);
    const notable = [mention({ id: 'star', authorInfluence: 95 })];
    expect(detectCrises(window({ hours, notable }), params)).toEqual([]);
    expect(() => detectionParamsSchema.parse({ volume: { minRatio: -1 } })).toThrow();
  });
});
