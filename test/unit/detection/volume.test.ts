import { describe, expect, it } from 'vitest';
import { defaultDetectionParams } from '../../../src/detection/detection-params.js';
import { HOUR_MS, MINUTE_MS } from '../../../src/detection/series.js';
import { Random } from '../../../src/detection/sim-random.js';
import { detectVolumeSurge, estimateOnset } from '../../../src/detection/volume.js';
import { seasonalBaseline } from '../../../src/detection/seasonal-baseline.js';
import { NOW, bucket, hourlyHistory, mention, minuteSeries, window } from './fixtures.js';

const params = defaultDetectionParams;

describe('estimateOnset', () => {
  it('dates a surge of a usually silent entity from its dense start, not from stray posts hours before', () => {
    // Named about twice a day for four weeks; a stray post 170, 120 and 60 min ago; then 2 posts a minute for 12 minutes.
    const hours = hourlyHistory(28 * 24, (_start, i) => (i % 12 === 0 ? 1 : 0));
    const minutes = minuteSeries(180, (start, i) => ([10, 60, 120].includes(i) ? bucket(start, 1) : i >= 168 ? bucket(start, 2) : null));
    const w = window({ hours, minutes });
    const baseline = seasonalBaseline(w.hours, w.now, 'total', params.baseline)!;
    expect(estimateOnset(w, 'total', baseline, 180)).toBe(NOW - 12 * MINUTE_MS);
  });
});

describe('detectVolumeSurge', () => {
  it('raises a clear spike with its figures (hand-computed expectation)', () => {
    // 6 an hour for two days: 1 expected in 10 minutes; 30 arrive in the last 10 minutes.
    const hours = hourlyHistory(48, () => 6);
    const minutes = minuteSeries(180, (start, i) => (i >= 170 ? bucket(start, 3) : null));
    const found = detectVolumeSurge(window({ hours, minutes }), params, 'total');
    expect(found).not.toBeNull();
    expect(found!.numbers.observed).toBe(30);
    expect(found!.numbers.expected).toBeCloseTo(1, 2);
    expect(found!.numbers.windowMinutes).toBe(10);
    expect(found!.severity).toBe('critical');
    expect(found!.onsetAt).toBe(NOW - 10 * MINUTE_MS);
    expect(found!.why).toContain('mentions up 30x in 10 min: 30 vs 1 expected');
  });

  it('holds a huge ratio on a handful of mentions at medium: news, not an emergency', () => {
    // Named twice a day for four weeks; then 6, 12 or 30 mentions in one minute.
    const hours = hourlyHistory(28 * 24, (_start, i) => (i % 12 === 0 ? 1 : 0));
    const severityOf = (count: number) => detectVolumeSurge(window({ hours, minutes: minuteSeries(10, (start, i) => (i === 9 ? bucket(start, count) : null)) }), params, 'total')?.severity;
    expect(severityOf(6)).toBe('medium');
    expect(severityOf(12)).toBe('high');
    expect(severityOf(30)).toBe('critical');
  });

  it('names the most influential negative author in its sentence and evidence', () => {
    const hours = hourlyHistory(48, () => 60, NOW, 0.1);
    const minutes = minuteSeries(60, (start, i) => (i >= 30 ? bucket(start, 4, 0.75) : bucket(start, 1, 0)));
    const notable = [
      mention({ id: 'small', authorHandle: 'nobody', authorFollowers: 50, authorInfluence: 5 }),
      mention({ id: 'big', authorHandle: 'loudvoice', authorFollowers: 410_000, authorInfluence: 80, text: 'refund still not received' }),
    ];
    const found = detectVolumeSurge(window({ hours, minutes, notable }), params, 'negative');
    expect(found).not.toBeNull();
    expect(found!.why).toMatch(/^negative mentions up .* led by @loudvoice \(410k followers\): 'refund still not received'$/);
    expect(found!.evidence).toEqual(['big', 'small']);
  });

  it('stays quiet on a flat series with Poisson noise, every 5 minutes for a week', () => {
    const rng = new Random(42);
    const weekAfter = NOW + 7 * 24 * HOUR_MS;
    const allHours = hourlyHistory(35 * 24, () => rng.poisson(50), weekAfter);
    const allMinutes = minuteSeries(7 * 24 * 60, (start) => bucket(start, rng.poisson(50 / 60), 1), weekAfter);
    let alerts = 0;
    let hours = allHours;
    for (let i = 180; i < allMinutes.length; i += 5) {
      const now = allMinutes[i].start;
      // The pipeline hands over the completed hours: one array per hour.
      if (now % HOUR_MS === 0 || hours === allHours) hours = allHours.filter((h) => h.start < now && h.start >= now - 28 * 24 * HOUR_MS);
      if (detectVolumeSurge(window({ now, hours, minutes: allMinutes.slice(i - 180, i) }), params, 'total')) alerts++;
    }
    expect(alerts).toBe(0);
  });

  it('ignores a negative surge that only follows a general surge (launch, campaign)', () => {
    // Usual share 10 %; everything triples, negatives stay at 10 %.
    const hours = hourlyHistory(48, () => 600, NOW, 0.1);
    const minutes = minuteSeries(60, (start) => bucket(start, 30, 0.1));
    expect(detectVolumeSurge(window({ hours, minutes }), params, 'negative')).toBeNull();
    // The same volume with half of it negative is a crisis.
    const angry = minuteSeries(60, (start) => bucket(start, 30, 0.5));
    expect(detectVolumeSurge(window({ hours, minutes: angry }), params, 'negative')).not.toBeNull();
  });

  it('does not fire during warm-up', () => {
    const minutes = minuteSeries(30, (start) => bucket(start, 50));
    expect(detectVolumeSurge(window({ hours: hourlyHistory(5, () => 1), minutes }), params, 'total')).toBeNull();
  });
});
