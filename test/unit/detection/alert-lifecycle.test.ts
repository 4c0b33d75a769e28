import { describe, expect, it } from 'vitest';
import { type AlertAction, type OpenAlert, isBackToBaseline, reconcileAlerts } from '../../../src/detection/alert-lifecycle.js';
import { defaultDetectionParams } from '../../../src/detection/detection-params.js';
import { type AlertCandidate, MINUTE_MS } from '../../../src/detection/series.js';
import { NOW, bucket, hourlyHistory, minuteSeries, window } from './fixtures.js';

const params = defaultDetectionParams; // resolve after 60 min, cooldown 720 min, one-level escalation after 60 min

function candidate(parts: Partial<AlertCandidate>): AlertCandidate {
  return {
    entityId: 'acme',
    detector: 'volume',
    severity: 'medium',
    onsetAt: NOW - 10 * MINUTE_MS,
    detectedAt: NOW,
    why: 'negative mentions up 5x in 10 min',
    numbers: { ratio: 5 },
    evidence: ['m1'],
    phrases: [],
    ...parts,
  };
}

function opened(actions: AlertAction[]): OpenAlert {
  const action = actions.find((a) => a.type === 'open');
  if (action?.type !== 'open') throw new Error('no open action');
  return { ...action.alert, id: 'a1', status: 'open' };
}

const notBack = { acme: false };
const back = { acme: true };

describe('reconcileAlerts', () => {
  it('opens one alert for candidates of several detectors on the same entity (merge)', () => {
    const actions = reconcileAlerts(
      [],
      [
        candidate({ detector: 'volume', severity: 'medium', evidence: ['m1', 'm2'] }),
        candidate({ detector: 'influencer', severity: 'high', why: '@star posted', onsetAt: NOW - 5 * MINUTE_MS, evidence: ['m2', 'm3'] }),
      ],
      { now: NOW, backToBaseline: notBack },
      params,
    );
    expect(actions).toHaveLength(1);
    const alert = opened(actions);
    expect(alert.detectors).toEqual(['volume', 'influencer']);
    expect(alert.severity).toBe('high');
    // The mentions the sentence speaks of first: messages show the first few.
    expect(alert.evidence).toEqual(['m2', 'm3', 'm1']);
    expect(alert.why).toBe('@star posted');
    expect(alert.onsetAt).toBe(NOW - 10 * MINUTE_MS);
    expect(alert.dedupKey).toBe(`acme:${new Date(NOW).toISOString()}`);
  });

  it('does nothing when the same crisis is seen again unchanged (dedup)', () => {
    const alert = opened(reconcileAlerts([], [candidate({})], { now: NOW, backToBaseline: notBack }, params));
    expect(reconcileAlerts([alert], [candidate({ detectedAt: NOW + MINUTE_MS })], { now: NOW + MINUTE_MS, backToBaseline: notBack }, params)).toEqual([]);
  });

  it('updates silently when a new detector or evidence joins', () => {
    const alert = opened(reconcileAlerts([], [candidate({})], { now: NOW, backToBaseline: notBack }, params));
    const actions = reconcileAlerts([alert], [candidate({ detector: 'emerging_topic', severity: 'low', phrases: ['refund never arrived'], evidence: ['m9'] })], { now: NOW + MINUTE_MS, backToBaseline: notBack }, params);
    expect(actions.map((a) => a.type)).toEqual(['update']);
    const update = actions[0] as Extract<AlertAction, { type: 'update' }>;
    expect(update.alert.detectors).toEqual(['volume', 'emerging_topic']);
    expect(update.alert.phrases).toEqual(['refund never arrived']);
    expect(update.alert.evidence).toEqual(['m1', 'm9']);
    expect(update.alert.why).toBe('negative mentions up 5x in 10 min'); // the weaker candidate does not take the sentence
  });

  it('escalates when the severity rises, even once acknowledged', () => {
    const alert = { ...opened(reconcileAlerts([], [candidate({})], { now: NOW, backToBaseline: notBack }, params)), status: 'acknowledged' as const };
    const later = NOW + 20 * MINUTE_MS;
    const actions = reconcileAlerts([alert], [candidate({ severity: 'critical', why: 'negative mentions up 20x in 30 min', evidence: ['m7', 'm1'] })], { now: later, backToBaseline: notBack }, params);
    expect(actions).toHaveLength(1);
    const escalation = actions[0] as Extract<AlertAction, { type: 'escalate' }>;
    expect(escalation.type).toBe('escalate');
    expect(escalation.previousSeverity).toBe('medium');
    expect(escalation.alert.severity).toBe('critical');
    expect(escalation.alert.status).toBe('acknowledged');
    expect(escalation.alert.lastFiredAt).toBe(later);
    expect(escalation.alert.why).toBe('negative mentions up 20x in 30 min');
    // The escalation's message leads with the mentions that made it worse.
    expect(escalation.alert.evidence).toEqual(['m7', 'm1']);
  });

  it('escalates one level only an hour after the last notification, two levels at once', () => {
    const alert = opened(reconcileAlerts([], [candidate({})], { now: NOW, backToBaseline: notBack }, params));
    const soon = NOW + 5 * MINUTE_MS;
    // medium then high five minutes later: not clearly worse yet, stored silently at the severity people were told.
    const held = reconcileAlerts([alert], [candidate({ severity: 'high', why: 'negative mentions up 9x in 10 min' })], { now: soon, backToBaseline: notBack }, params);
    expect(held.map((a) => a.type)).toEqual(['update']);
    expect((held[0] as Extract<AlertAction, { type: 'update' }>).alert.severity).toBe('medium');
    // Still high an hour after the medium went out: now it is sent.
    const hourLater = NOW + 60 * MINUTE_MS;
    expect(reconcileAlerts([alert], [candidate({ severity: 'high' })], { now: hourLater, backToBaseline: notBack }, params).map((a) => a.type)).toEqual(['escalate']);
    // medium to critical is clearly worse at once.
    expect(reconcileAlerts([alert], [candidate({ severity: 'critical' })], { now: soon, backToBaseline: notBack }, params).map((a) => a.type)).toEqual(['escalate']);
    // An alert opened at low was not sent (routes start at medium): its rise to medium goes out at once.
    const low = { ...alert, severity: 'low' as const };
    expect(reconcileAlerts([low], [candidate({ severity: 'medium' })], { now: soon, backToBaseline: notBack }, params).map((a) => a.type)).toEqual(['escalate']);
  });

  it('resolves after the series has been back near baseline for the configured time', () => {
    let alert = opened(reconcileAlerts([], [candidate({})], { now: NOW, backToBaseline: notBack }, params));
    const quietStart = NOW + 30 * MINUTE_MS;
    const first = reconcileAlerts([alert], [], { now: quietStart, backToBaseline: back }, params);
    expect(first.map((a) => a.type)).toEqual(['update']);
    alert = (first[0] as Extract<AlertAction, { type: 'update' }>).alert;
    expect(alert.quietSince).toBe(quietStart);
    expect(reconcileAlerts([alert], [], { now: quietStart + 59 * MINUTE_MS, backToBaseline: back }, params)).toEqual([]);
    const done = reconcileAlerts([alert], [], { now: quietStart + 60 * MINUTE_MS, backToBaseline: back }, params);
    expect(done).toEqual([{ type: 'resolve', alertId: 'a1', resolvedAt: quietStart + 60 * MINUTE_MS, alert }]);
  });

  it('restarts the quiet period when the series rises again', () => {
    const alert = { ...opened(reconcileAlerts([], [candidate({})], { now: NOW, backToBaseline: notBack }, params)), quietSince: NOW + 10 * MINUTE_MS };
    const actions = reconcileAlerts([alert], [], { now: NOW + 40 * MINUTE_MS, backToBaseline: notBack }, params);
    expect(actions).toHaveLength(1);
    expect((actions[0] as Extract<AlertAction, { type: 'update' }>).alert.quietSince).toBeUndefined();
  });

  it('holds back a flickering crisis during the cooldown, unless it is two levels worse', () => {
    const recentlyResolved = [{ entityId: 'acme', severity: 'medium' as const, resolvedAt: NOW - 30 * MINUTE_MS }];
    expect(reconcileAlerts([], [candidate({ severity: 'medium' })], { now: NOW, backToBaseline: notBack, recentlyResolved }, params)).toEqual([]);
    // The evening echo of a news day, one level higher, is the same episode.
    expect(reconcileAlerts([], [candidate({ severity: 'high' })], { now: NOW, backToBaseline: notBack, recentlyResolved }, params)).toEqual([]);
    expect(reconcileAlerts([], [candidate({ severity: 'critical' })], { now: NOW, backToBaseline: notBack, recentlyResolved }, params).map((a) => a.type)).toEqual(['open']);
    // After the cooldown (720 min) the same severity opens again.
    const later = NOW + 691 * MINUTE_MS;
    expect(reconcileAlerts([], [candidate({ severity: 'medium' })], { now: later, backToBaseline: notBack, recentlyResolved }, params).map((a) => a.type)).toEqual(['open']);
  });

  it('keeps entities apart', () => {
    const actions = reconcileAlerts([], [candidate({}), candidate({ entityId: 'rival' })], { now: NOW, backToBaseline: {} }, params);
    expect(actions.map((a) => (a.type === 'open' ? a.alert.entityId : ''))).toEqual(['acme', 'rival']);
  });
});

describe('isBackToBaseline', () => {
  const hours = hourlyHistory(48, () => 60);
  it('is true when the last hour looks like the usual', () => {
    expect(isBackToBaseline(window({ hours, minutes: minuteSeries(60, (start) => bucket(start, 1)) }), params)).toBe(true);
  });
  it('is false while the volume is still far above it', () => {
    expect(isBackToBaseline(window({ hours, minutes: minuteSeries(60, (start) => bucket(start, 5)) }), params)).toBe(false);
  });
});
