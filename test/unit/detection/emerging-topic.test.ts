import { describe, expect, it } from 'vitest';
import { defaultDetectionParams } from '../../../src/detection/detection-params.js';
import { detectEmergingTopic, phrasesOf } from '../../../src/detection/emerging-topic.js';
import { MINUTE_MS, type NotableMention } from '../../../src/detection/series.js';
import { NOW, bucket, hourlyHistory, mention, minuteSeries, window } from './fixtures.js';

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

describe('detectEmergingTopic, spreading route', () => {
  // Background: 2 negatives an hour expected; the last hour holds the four posts below, each a negative minute.
  const postedAt = [55, 40, 22, 9].map((ago) => NOW - ago * MINUTE_MS);
  const spreading = postedAt.map((at, i) =>
    mention({ id: `r${i}`, authorHandle: `author${i}`, publishedAt: at, text: ['acme refund never arrived', 'still: refund never arrived from @acme', 'acme where is my refund, never arrived', 'refund never arrived acme, week 3'][i] }),
  );
  const usual = Array.from({ length: 6 }, (_, i) => mention({ id: `u${i}`, authorHandle: `usual${i}`, publishedAt: NOW - (100 + 10 * i) * MINUTE_MS, text: 'acme delivery was late again' }));
  const negativeMinutes = minuteSeries(180, (start) => (postedAt.includes(start) || usual.some((m) => m.publishedAt === start) ? bucket(start, 1, 1) : null));
  // A day of background: 200 texts, none with the new phrase.
  const yesterday: string[] = Array.from({ length: 200 }, (_, i) => background[i % background.length]);
  const spreadWindow = (notable: NotableMention[], minutes = negativeMinutes, backgroundTexts = yesterday) =>
    window({ hours, minutes, notable, recentNegativeTexts: notable.map((m) => m.text), backgroundTexts });

  it('raises a phrase unseen yesterday once four different authors use it, before the eight texts of the frequent route', () => {
    const found = detectEmergingTopic(spreadWindow([...spreading, ...usual]), params);
    expect(found).not.toBeNull();
    expect(found!.phrases[0]).toBe('refund never arrived');
    expect(found!.numbers.authors).toBe(4);
    expect(found!.numbers.recentAuthors).toBe(10);
    expect(found!.severity).toBe('low');
    expect(found!.onsetAt).toBe(postedAt[0]);
    expect(found!.evidence.sort()).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(found!.why).toContain(`new phrase "refund never arrived" used by 4 different authors in negative mentions within 55 min, against 0 of yesterday's 200 mentions`);
  });

  it('is medium once the negative volume since the first use is clearly up as well', () => {
    const surge = minuteSeries(180, (start) => (start >= postedAt[0] ? bucket(start, 1, 1) : null));
    const found = detectEmergingTopic(spreadWindow([...spreading, ...usual], surge), params);
    expect(found!.severity).toBe('medium');
    expect(found!.why).toContain('negative volume 55 vs 1.8 expected since');
  });

  it('counts authors, not posts: one author repeating a phrase, or others resharing it, is not a spreading topic', () => {
    const oneAuthor = spreading.map((m) => ({ ...m, authorHandle: 'author0' }));
    expect(detectEmergingTopic(spreadWindow([...oneAuthor, ...usual]), params)).toBeNull();
    const reshared = spreading.map((m, i) => (i === 0 ? m : { ...m, isReshareOf: 'r0' }));
    expect(detectEmergingTopic(spreadWindow([...reshared, ...usual]), params)).toBeNull();
  });

  it('ignores a phrase the background already used', () => {
    const usedYesterday = [...yesterday.slice(0, 180), ...Array.from({ length: 20 }, () => 'my refund never arrived from acme')];
    expect(detectEmergingTopic(spreadWindow([...spreading, ...usual], negativeMinutes, usedYesterday), params)).toBeNull();
  });

  it('needs more authors where many authors post: a phrase shared by 4 of 300 is not news', () => {
    const crowd = Array.from({ length: 300 }, (_, i) =>
      mention({ id: `c${i}`, authorHandle: `crowd${i}`, publishedAt: NOW - (i % 170) * MINUTE_MS - 30_000, text: `acme issue${i} detail${i}` }),
    );
    const busyMinutes = minuteSeries(180, (start) => bucket(start, 20, 0.5));
    const busyHours = hourlyHistory(48, () => 1200, undefined, 0.5);
    const busy = window({ hours: busyHours, minutes: busyMinutes, notable: [...spreading, ...crowd], recentNegativeTexts: [], backgroundTexts: yesterday });
    expect(detectEmergingTopic(busy, params)).toBeNull();
  });
});
