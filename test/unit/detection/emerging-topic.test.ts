import { describe, expect, it } from 'vitest';
import { defaultDetectionParams } from '../../../src/detection/detection-params.js';
import { detectEmergingTopic, phrasesOf } from '../../../src/detection/emerging-topic.js';
import { bucket, hourlyHistory, mention, minuteSeries, window } from './fixtures.js';

const params = defaultDetectionParams;
const hours = hourlyHistory(48, () => 20, undefined, 0.1); // 2 negatives an hour: 6 expected in 3 h
const background = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'acme delivery was late again' : 'the acme app is slow today'));
const recent = [
  ...Array.from({ length: 10 }, (_, i) => `acme refund never arrived, day ${i + 3} of waiting`),
  ...Array.from({ length: 10 }, () => 'acme delivery was late again'),
];
// 20 negatives in the last 3 h, against 6 expected.
const minutes = minuteSeries(180, (start, i) => (i % 9 === 0 ? bucket(start, 1, 1) : null));

describe('phrasesOf', () => {
  it('keeps 2- and 3-word phrases that neither start nor end with a stopword', () => {
    // Words: le remboursement est jamais arrive chez ("n" is too short, the link and the handle go).
    expect([...phrasesOf("Le remboursement n'est jamais arrivé chez @acme https://x.y/z", [2, 3])].sort()).toEqual([
      'jamais arrive',
      'remboursement est jamais',
    ]);
  });
});

describe('detectEmergingTopic', () => {
  it('raises a phrase unseen yesterday and in half of the negative mentions', () => {
    const notable = [mention({ id: 'n1', text: 'Acme: refund never arrived!!' })];
    const found = detectEmergingTopic(window({ hours, minutes, notable, recentNegativeTexts: recent, backgroundTexts: background }), params);
    expect(found).not.toBeNull();
    expect(found!.phrases).toContain('refund never arrived');
    expect(found!.numbers.count).toBe(10);
    expect(found!.numbers.share).toBe(0.5);
    expect(found!.severity).toBe('medium');
    expect(found!.evidence).toEqual(['n1']);
  });

  it('ignores phrases that were already common', () => {
    const usual = [...background.slice(0, 30), ...recent.slice(0, 10)];
    expect(detectEmergingTopic(window({ hours, minutes, recentNegativeTexts: recent, backgroundTexts: usual }), params)).toBeNull();
  });

  it('needs the negative volume to be up, not only new words', () => {
    const calm = minuteSeries(180, (start, i) => (i % 30 === 0 ? bucket(start, 1, 1) : null));
    expect(detectEmergingTopic(window({ hours, minutes: calm, recentNegativeTexts: recent, backgroundTexts: background }), params)).toBeNull();
  });
});
