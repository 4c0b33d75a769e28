// The Labels page's figures: how many labels the scorer agreed with, and how many more training needs, per language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelsNeededToTrain } from '../../../src/scoring/learning/index.js';
import { applyLabels, type LabelInput } from '../../../src/store/label-repository.js';
import { storeMentions, type StoredMention } from '../../../src/store/mention-repository.js';
import { labelsSummary } from '../../../src/store/model-repository.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/services.js';
import { alternatingTone, readingOf, storedMention } from '../../helpers/stored-mention.js';

const T0 = Date.UTC(2026, 10, 20, 10);
const FOLDS = 5;
const NEEDED = labelsNeededToTrain(FOLDS);

/** Mentions the scorer read as negative (even i) or positive (odd i), in English, and from m100 on in French. */
const mention = (i: number): StoredMention => storedMention(i, T0, { lang: i >= 100 ? 'fr' : 'en', sentiment: readingOf(alternatingTone(i)) });
const label = (i: number, l: LabelInput['label']): LabelInput => ({ mentionId: `x:m${i}`, label: l, by: 'ana', source: 'api', at: T0 + 3_600_000 + i });
const indices = (n: number, from = 0) => Array.from({ length: n }, (_, k) => from + k);

describe.each(DIALECTS)('labels summary on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await storeMentions(t.store, [...indices(NEEDED + 1), 100, 101].map(mention));
    await storeMentions(t.store, [storedMention(200, T0, { lang: 'und', sentiment: readingOf('neutral') })]);
  });
  afterAll(async () => t?.destroy());

  const language = async (lang: string) => (await labelsSummary(t.store.db, FOLDS)).languages.find((l) => l.lang === lang)!;

  it('counts agreement and the labels still needed, per language', async () => {
    // English: 3 labels, all negative; the scorer read m0 and m2 as negative, m1 as positive.
    await applyLabels(t.store, [label(0, 'negative'), label(1, 'negative'), label(2, 'negative'), label(100, 'neutral')]);
    expect(await language('en')).toMatchObject({ labels: 3, agreed: 2, toTrain: NEEDED - 3, model: null, latest: null });
    expect(await language('fr')).toMatchObject({ labels: 1, agreed: 0, toTrain: NEEDED - 1 });
  });

  it('counts a post of undetermined language under English, the model it trains', async () => {
    await applyLabels(t.store, [label(200, 'neutral')]);
    const summary = await labelsSummary(t.store.db, FOLDS);
    expect(summary.languages.map((l) => l.lang)).toEqual(['en', 'fr']);
    expect(await language('en')).toMatchObject({ labels: 4, agreed: 3, toTrain: NEEDED - 4 });
    await applyLabels(t.store, [{ ...label(200, 'neutral'), label: null }]);
  });

  it('asks for one label of another tone when enough labels are all of one tone', async () => {
    await applyLabels(t.store, indices(NEEDED - 3, 3).map((i) => label(i, 'negative')));
    expect(await language('en')).toMatchObject({ labels: NEEDED, toTrain: 1 });
    await applyLabels(t.store, [label(NEEDED, 'positive')]);
    const en = await language('en');
    expect(en).toMatchObject({ labels: NEEDED + 1, toTrain: 0 });
    // m0 .. m(NEEDED-1), labelled negative, agree where the scorer read negative (even i); the last, labelled
    // positive, agrees where it was read positive (odd i).
    expect(en.agreed).toBe(indices(NEEDED).filter((i) => alternatingTone(i) === 'negative').length + (alternatingTone(NEEDED) === 'positive' ? 1 : 0));
    expect(en.scorerMacroF1).toBeGreaterThan(0);
  });
});
