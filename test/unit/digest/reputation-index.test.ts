import { describe, expect, it } from 'vitest';
import { indexContributions, reputationIndex, reputationParts } from '../../../src/digest/reputation-index.js';
import { decideVerdict } from '../../../src/digest/verdict.js';
import type { DigestCrisis } from '../../../src/digest/digest-content.js';

describe('reputation index', () => {
  it('gives 60 points to tone and 40 to the audience spared negative posts', () => {
    // Net sentiment (30 - 10) / 40 = 0.5 -> 60 x 0.75 = 45; a quarter of the reach negative -> 40 x 0.75 = 30.
    const week = { total: 50, positive: 30, negative: 10, reach: 1000, negativeReach: 250 };
    expect(reputationParts(week)).toEqual({ tone: 45, negativeReach: 30 });
    expect(reputationIndex(week)).toBe(75);
    expect(reputationIndex({ total: 4, positive: 4, negative: 0, reach: 100, negativeReach: 0 })).toBe(100);
  });

  it('has no value for a week without a toned mention, and counts mentions when no reach is known', () => {
    expect(reputationIndex({ total: 12, positive: 0, negative: 0, reach: 500, negativeReach: 0 })).toBeNull();
    // No reach: 5 negative mentions of 20 -> 40 x 0.75 = 30; net (10 - 5) / 15 = 1/3 -> 60 x 2/3 = 40.
    expect(reputationIndex({ total: 20, positive: 10, negative: 5, reach: 0, negativeReach: 0 })).toBeCloseTo(70, 10);
  });

  it('splits the change since last week into what each driver added', () => {
    const before = { total: 50, positive: 30, negative: 10, reach: 1000, negativeReach: 250 };
    const now = { total: 50, positive: 10, negative: 30, reach: 1000, negativeReach: 750 };
    const parts = indexContributions(now, before)!;
    // tone 45 -> 15, audience 30 -> 10.
    expect(parts).toEqual({ tone: -30, negativeReach: -20 });
    expect(parts.tone + parts.negativeReach).toBeCloseTo(reputationIndex(now)! - reputationIndex(before)!, 10);
  });
});

describe('verdict', () => {
  const crisis = (severity: DigestCrisis['severity'], onsetAt: number): DigestCrisis => ({
    alertId: `a-${severity}`, entityId: 'acme', entityName: 'Acme', severity, headline: 'Acme: surge of mentions', onsetAt, detectedAt: onsetAt + 60_000,
    firstResponseAt: null, timeToDetectionMs: 60_000, timeToFirstResponseMs: null,
  });

  it('calls a move of less than 3 points stable and names the driver that moved the index most', () => {
    expect(decideVerdict({ index: 62, previous: 60, contributions: { tone: 1.5, negativeReach: 0.5 }, crises: [] }).direction).toBe('stable');
    expect(decideVerdict({ index: 50, previous: 60, contributions: { tone: -2, negativeReach: -8 }, crises: [] })).toEqual({ direction: 'worse', driver: 'negativeReach', crisis: null });
    expect(decideVerdict({ index: 70, previous: 60, contributions: { tone: 9, negativeReach: 1 }, crises: [] })).toMatchObject({ direction: 'better', driver: 'tone' });
  });

  it('says when there is nothing to compare with, and keeps the most severe crisis', () => {
    const crises = [crisis('medium', 1), crisis('critical', 5), crisis('high', 2)];
    expect(decideVerdict({ index: 55, previous: null, contributions: null, crises })).toMatchObject({ direction: 'first-week', crisis: { severity: 'critical' } });
    expect(decideVerdict({ index: null, previous: 60, contributions: null, crises: [] }).direction).toBe('no-data');
  });
});
