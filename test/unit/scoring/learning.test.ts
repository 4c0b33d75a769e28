import { describe, expect, it } from 'vitest';
import type { SentimentLabel } from '../../../src/domain/mention.js';
import { createScorer } from '../../../src/scoring/scorer.js';
import {
  crossValidate, FIRST_LABELS_SAMPLE, labelsStillNeeded, parseModel, parseTagModel, predictSentiment, predictTags, reviewPriority, serializeModel, serializeTagModel, shouldAdopt,
  trainSentimentModel, trainTagClassifier, type CrossValidation, type SentimentExample,
} from '../../../src/scoring/learning/index.js';
import { addLogits, DEFAULT_FEATURE_OPTIONS, featuresOf, featuresOfTokens, featureWidth, LEXICON_FEATURE_COUNT, type FeatureOptions } from '../../../src/scoring/learning/text-features.js';
import { tokenizePost } from '../../../src/scoring/lexicon.js';
import { scoreTokens } from '../../../src/scoring/sentiment.js';

// A tiny invented world: the team's own jargon carries the sentiment ("glorp" is what their customers say of a broken
// parcel locker, "zinnia" of a good one), words no lexicon knows, so only learning can get them right.
const SUBJECTS_EN = ['the locker', 'my parcel box', 'the pickup point', 'the new kiosk', 'their station', 'the box at work'];
const CUES: Record<SentimentLabel, { en: string[]; fr: string[] }> = {
  negative: { en: ['is glorp again', 'went full glorp', 'glorped my order', 'is total glorp today'], fr: ['est encore glorp', 'a glorpé mon colis', 'complètement glorp'] },
  neutral: { en: ['opens at nine', 'moved to the station', 'has a new code', 'is on the second floor'], fr: ['ouvre à neuf heures', 'a déménagé', 'a un nouveau code'] },
  positive: { en: ['is so zinnia', 'was zinnia as usual', 'zinnia service today', 'feels zinnia'], fr: ['est vraiment zinnia', 'toujours zinnia', 'zinnia comme jamais'] },
};
const SUBJECTS_FR = ['le casier', 'mon point relais', 'la borne', 'le kiosque'];

function world(size: number, offset = 0): SentimentExample[] {
  const examples: SentimentExample[] = [];
  const labels: SentimentLabel[] = ['negative', 'neutral', 'positive'];
  for (let i = offset; i < offset + size; i++) {
    const label = labels[i % 3];
    const french = i % 4 === 3;
    const subjects = french ? SUBJECTS_FR : SUBJECTS_EN;
    const cues = CUES[label][french ? 'fr' : 'en'];
    examples.push({ text: `${subjects[(i * 7) % subjects.length]} ${cues[(i * 5) % cues.length]}`, lang: french ? 'fr' : 'en', label });
  }
  return examples;
}

describe('logCountRatioScale (NB-SVM)', () => {
  it('scales up the features that tell one class from the others, and leaves the dense ones at 1', async () => {
    const { logCountRatioScale } = await import('../../../src/scoring/learning/naive-bayes-ratios.js');
    const vector = (...indices: number[]) => ({ indices: Int32Array.from(indices), values: new Float32Array(indices.length).fill(1) });
    // Feature 0 occurs only in class 0, feature 1 everywhere; feature 4 is dense (from index 4 on).
    const xs = [vector(0, 1, 4), vector(0, 1, 4), vector(1, 2, 4), vector(1, 3, 4)];
    const scale = logCountRatioScale(xs, [0, 0, 1, 2], 3, 5, 4, { alpha: 1, mix: 1 });
    expect(scale[0 * 3 + 0]).toBeGreaterThan(scale[1 * 3 + 0]);
    expect(scale[4 * 3 + 0]).toBe(1);
    // mix 0 leaves every input as it is.
    expect([...logCountRatioScale(xs, [0, 0, 1, 2], 3, 5, 4, { alpha: 1, mix: 0 })].every((v) => v === 1)).toBe(true);
  });
});

describe('trainSentimentModel / predictSentiment', () => {
  const model = trainSentimentModel(world(240));

  it('learns words no lexicon knows, per language', () => {
    expect(Object.keys(model.languages)).toEqual(['en', 'fr']);
    expect(predictSentiment(model, 'honestly the kiosk is glorp', 'en').label).toBe('negative');
    expect(predictSentiment(model, 'the pickup point is zinnia', 'en').label).toBe('positive');
    expect(predictSentiment(model, 'la borne est glorp', 'fr').label).toBe('negative');
    const prediction = predictSentiment(model, 'le casier est zinnia', 'fr');
    expect(prediction.label).toBe('positive');
    expect(prediction.source).toBe('model');
    const total = prediction.probabilities.negative + prediction.probabilities.neutral + prediction.probabilities.positive;
    expect(total).toBeCloseTo(1, 6);
    expect(prediction.confidence).toBe(prediction.probabilities.positive);
  });

  it('leaves a language with too few labels to the lexicon', () => {
    const small = trainSentimentModel([...world(120).filter((e) => e.lang === 'en'), { text: 'le casier est glorp', lang: 'fr', label: 'negative' }]);
    expect(Object.keys(small.languages)).toEqual(['en']);
    const french = predictSentiment(small, 'le service est horrible', 'fr');
    expect(french.source).toBe('lexicon');
    expect(french.label).toBe('negative');
  });

  it('is deterministic: the same labels give the same model, bit for bit', () => {
    expect(serializeModel(trainSentimentModel(world(90)))).toBe(serializeModel(trainSentimentModel(world(90))));
  });

  it('chooses its regularisation by a cross-validation inside its own labels', () => {
    // An L2 so strong that no n-gram can be learnt leaves only the lexicon, which knows neither "glorp" nor "zinnia".
    const crushing = { l2: 50, naiveBayesMix: 0 };
    const usual = { l2: 3e-3, naiveBayesMix: 0.5 };
    const examples = world(400);
    const chosen = trainSentimentModel(examples, { candidates: [crushing, usual] });
    expect(chosen.languages.en.chosen).toEqual(usual);
    // French has 100 of the 400 labels, below MIN_EXAMPLES_FOR_SELECTION: the first candidate is used as it is.
    expect(chosen.languages.fr.chosen).toEqual(crushing);
    expect(predictSentiment(chosen, 'the kiosk is glorp', 'en').label).toBe('negative');
  });

  it('refuses an unknown label with a clear message', () => {
    expect(() => trainSentimentModel([{ text: 'x', lang: 'en', label: 'angry' as SentimentLabel }])).toThrow(/label "angry" is not one of negative, neutral, positive/);
  });
});

describe('serializeModel / parseModel', () => {
  const model = trainSentimentModel(world(120));

  it('round-trips to the same predictions', () => {
    const restored = parseModel(serializeModel(model));
    for (const text of ['the locker is glorp', 'the kiosk is zinnia', 'the box opens at nine']) {
      expect(predictSentiment(restored, text, 'en')).toEqual(predictSentiment(model, text, 'en'));
    }
  });

  it('names the field that is wrong', () => {
    const stored = JSON.parse(serializeModel(model));
    expect(() => parseModel('{nope')).toThrow(/invalid model: not JSON/);
    expect(() => parseModel({ ...stored, format: 'other' })).toThrow('invalid model: model.format: expected "vigie-sentiment-model", got "other"');
    expect(() => parseModel({ ...stored, version: 99 })).toThrow(/model\.version: expected 1 .* got 99/);
    expect(() => parseModel({ ...stored, features: { ...stored.features, hashBits: 40 } })).toThrow(/model\.features\.hashBits: expected an integer from 8 to 24, got 40/);
    const badWeights = structuredClone(stored);
    badWeights.languages.en.weights.values = Buffer.from([1, 2, 3]).toString('base64');
    expect(() => parseModel(badWeights)).toThrow(/model\.languages\.en\.weights\.values/);
    const noCounts = structuredClone(stored);
    delete noCounts.languages.fr.classCounts;
    expect(() => parseModel(noCounts)).toThrow('invalid model: model.languages.fr.classCounts: expected an object, got nothing');
    expect(() => parseModel({ ...stored, features: { ...stored.features, stems: 'yes' } })).toThrow('invalid model: model.features.stems: expected true or false, got "yes"');
    expect(() => parseModel({ ...stored, features: { ...stored.features, publishedLexiconWeight: -1 } })).toThrow(/model\.features\.publishedLexiconWeight: expected a number of 0 or more, got -1/);
  });

  it('reads a model stored before stems and published lexicons were features as one trained without them', () => {
    const old = trainSentimentModel(world(120), { features: { stems: false, publishedLexiconWeight: 0 } });
    const stored = JSON.parse(serializeModel(old));
    delete stored.features.stems;
    delete stored.features.publishedLexiconWeight;
    const restored = parseModel(stored);
    expect(restored.features).toMatchObject({ stems: false, publishedLexiconWeight: 0 });
    for (const text of ['the locker is glorp', 'the kiosk is zinnia, good job', 'the box opens at nine']) {
      expect(predictSentiment(restored, text, 'en')).toEqual(predictSentiment(old, text, 'en'));
    }
  });
});

describe('crossValidate / shouldAdopt', () => {
  it('compares the trained model with the lexicon on the same labels', () => {
    const cv = crossValidate(world(150), 5);
    expect(cv.n).toBe(150);
    expect(cv.predictions).toHaveLength(150);
    expect(cv.perLanguage.en.n + cv.perLanguage.fr.n).toBe(150);
    // The lexicon cannot read the invented words; the trained model can.
    expect(cv.trainedMacroF1).toBeGreaterThan(90);
    expect(cv.lexiconMacroF1).toBeLessThan(50);
    const decision = shouldAdopt(cv);
    expect(decision.adopt).toBe(true);
    expect(decision.languages).toEqual(['en', 'fr']);
    expect(decision.reason).toMatch(/^adopted on 150 labelled mentions: lexicon \d+\.\d, trained \d+\.\d macro-F1 \(5-fold\)$/);
  });

  it('keeps the lexicon when training does not beat it, and adopts per language', () => {
    const figures = (lexicon: number, trained: number): CrossValidation['perLanguage'][string] => ({ n: 100, lexiconMacroF1: lexicon, trainedMacroF1: trained });
    const base = { n: 200, k: 5, predictions: [] } as unknown as CrossValidation;
    expect(shouldAdopt({ ...base, lexiconMacroF1: 60, trainedMacroF1: 60, perLanguage: { en: figures(60, 60) } }).adopt).toBe(false);
    const mixed = shouldAdopt({ ...base, lexiconMacroF1: 58, trainedMacroF1: 64, perLanguage: { en: figures(60, 70), fr: figures(56, 55) } });
    expect(mixed).toMatchObject({ adopt: true, languages: ['en'] });
  });

  it('refuses fewer labels than folds', () => {
    expect(() => crossValidate(world(3), 5)).toThrow(/3 labelled examples cannot fill 5 folds/);
  });
});

describe('labelsStillNeeded', () => {
  it('counts the labels a language lacks before training, and asks for another tone when all are of one', () => {
    expect(labelsStillNeeded(0, 0, 5)).toBe(20);
    expect(labelsStillNeeded(19, 2, 5)).toBe(1);
    expect(labelsStillNeeded(20, 2, 5)).toBe(0);
    expect(labelsStillNeeded(25, 1, 5)).toBe(1);
    // Fifteen folds of two labels each need 30, more than the model's minimum of 20: the folds decide.
    expect(labelsStillNeeded(25, 3, 15)).toBe(5);
  });
});

describe('reviewPriority', () => {
  it('puts the mentions the model is least sure of first, and spreads near-duplicates out', () => {
    const model = trainSentimentModel(world(120));
    const candidates = [
      { id: 'clear-neg', text: 'the locker is glorp again', lang: 'en' },
      { id: 'mixed-1', text: 'the locker is zinnia but glorp', lang: 'en' },
      { id: 'mixed-2', text: 'the locker is zinnia but glorp', lang: 'en' },
      { id: 'mixed-3', text: 'the locker is zinnia but glorp', lang: 'en' },
      { id: 'other-mixed', text: 'kiosk glorp zinnia', lang: 'en' },
      { id: 'clear-pos', text: 'the kiosk is so zinnia', lang: 'en' },
    ];
    const ranked = reviewPriority(model, candidates, { limit: 6 });
    const order = ranked.map((item) => item.id);
    // The most uncertain post comes first. The predicted labels then take turns: the one post read as positive comes
    // before a second negative one, then the other mixed post; its second and third copies teach nothing new.
    expect(ranked.map((item) => item.predicted)).toEqual(['negative', 'positive', 'negative', 'negative', 'negative', 'negative']);
    expect(order.slice(0, 3)).toEqual(['other-mixed', 'clear-pos', 'mixed-1']);
    const priorities = ranked.map((item) => item.priority);
    expect([...priorities].sort((a, b) => b - a)).toEqual(priorities);
    // (Both copies and the clear negative then share a priority of about zero, so their order among themselves is not
    // asserted: the copies must only come after every post that still teaches something, such as the clear positive.)
    for (const copy of ['mixed-2', 'mixed-3']) expect(order.indexOf(copy)).toBeGreaterThan(order.indexOf('clear-pos'));
    // As uncertain as their first copy, but ranked below it: the redundancy penalty did that.
    const byId = Object.fromEntries(ranked.map((item) => [item.id, item]));
    expect(byId['mixed-2'].uncertainty).toBe(byId['mixed-1'].uncertainty);
    expect(byId['mixed-2'].priority).toBeLessThan(byId['mixed-1'].priority);
    for (const item of ranked) expect(item.reason.length).toBeGreaterThan(0);
    // The reason also comes as data, for the dashboard to say in the reviewer's language.
    for (const item of ranked) {
      if (item.why.kind === 'model-disagrees') expect(item.reason).toBe(`model says ${item.why.label}, lexicon ${item.why.lexiconLabel}`);
      else if (item.why.kind === 'first-labels-sample') expect.unreachable('no label counts given: no sample');
      else expect(item.reason).toBe(`${item.why.kind === 'model-unsure' ? 'model' : 'lexicon'} unsure (${Math.round(100 * item.why.confidence)} % ${item.why.label})`);
      expect(item.why.label).toBe(item.predicted);
    }
  });

  it("puts a random sample first while a language has fewer than its first labels, in an order fixed by the ids", () => {
    const english = Array.from({ length: 12 }, (_, i) => ({ id: `en-${i}`, text: i % 2 ? `the kiosk number ${i} is fine I guess` : `kiosk ${i} opened today`, lang: 'en' }));
    const french = [
      { id: 'fr-sure', text: 'service absolument horrible, le pire de tous', lang: 'fr' },
      { id: 'fr-unsure', text: 'la livraison était correcte', lang: 'fr' },
    ];
    const labelledPerLanguage = { en: FIRST_LABELS_SAMPLE - 1, fr: FIRST_LABELS_SAMPLE };
    const ranked = reviewPriority(null, [...english, ...french], { limit: 14, labelledPerLanguage });
    // English, one label short of its first labels, comes first, as a sample: the same one whatever the input order.
    expect(ranked.slice(0, 12).map((item) => item.id).sort()).toEqual(english.map((c) => c.id).sort());
    expect(reviewPriority(null, [...french, ...english].reverse(), { limit: 14, labelledPerLanguage }).map((item) => item.id)).toEqual(ranked.map((item) => item.id));
    // Not the input order nor the ids' order: a shuffle.
    expect(ranked.slice(0, 12).map((item) => item.id)).not.toEqual(english.map((c) => c.id));
    expect(ranked.slice(0, 12).map((item) => item.id)).not.toEqual(english.map((c) => c.id).sort());
    for (const item of ranked.slice(0, 12)) {
      expect(item.why).toEqual({ kind: 'first-labels-sample', label: item.predicted, labelled: FIRST_LABELS_SAMPLE - 1, firstLabels: FIRST_LABELS_SAMPLE });
      expect(item.reason).toBe(`random sample for the first ${FIRST_LABELS_SAMPLE} labels (${FIRST_LABELS_SAMPLE - 1} so far)`);
    }
    // French has its first labels: by uncertainty, the unsure post first.
    expect(ranked.slice(12).map((item) => item.id)).toEqual(['fr-unsure', 'fr-sure']);
    expect(ranked[12].why.kind).toBe('lexicon-unsure');
    // The limit takes the sample first.
    expect(reviewPriority(null, [...french, ...english], { limit: 3, labelledPerLanguage }).map((item) => item.id)).toEqual(ranked.slice(0, 3).map((item) => item.id));
  });

  it('ranks by the lexicon confidence when there is no model yet', () => {
    const ranked = reviewPriority(null, [
      { id: 'strong', text: 'absolutely horrible, the worst service ever', lang: 'en' },
      { id: 'weak', text: 'the delivery was ok I guess', lang: 'en' },
    ]);
    expect(ranked.map((item) => item.id)).toEqual(['weak', 'strong']);
    expect(ranked[0].why).toEqual({ kind: 'lexicon-unsure', label: ranked[0].predicted, confidence: expect.any(Number) });
  });
});

describe('trainTagClassifier / predictTags', () => {
  const tagged = [
    ...['parcel arrived late', 'delivery took two weeks', 'courier never came', 'my order is still not delivered', 'the delivery van left without it', 'late delivery again'].map((text) => ({ text, lang: 'en', tags: ['delivery'] })),
    ...['way too expensive', 'the price doubled', 'they raised the price again', 'so expensive for what it is', 'price is a rip-off', 'cheaper elsewhere'].map((text) => ({ text, lang: 'en', tags: ['price'] })),
    ...['expensive and delivered late', 'late delivery and the price went up'].map((text) => ({ text, lang: 'en', tags: ['delivery', 'price'] })),
    ...['love the new colour', 'the store opens on sunday', 'nice people at the counter', 'who won the match', 'the app has a dark mode', 'see you at the event'].map((text) => ({ text, lang: 'en', tags: [] as string[] })),
  ];
  const model = trainTagClassifier(tagged, ['delivery', 'price', 'refund']);

  it('learns each tag with enough examples and skips the others', () => {
    expect(model.tags.map((tag) => tag.name)).toEqual(['delivery', 'price']);
    expect(predictTags(model, 'my delivery is late', 'en')).toEqual(['delivery']);
    expect(predictTags(model, 'the price is expensive', 'en')).toEqual(['price']);
    expect(predictTags(model, 'expensive, and the delivery was late', 'en').sort()).toEqual(['delivery', 'price']);
    expect(predictTags(model, 'see you at the store', 'en')).toEqual([]);
  });

  it('round-trips through its JSON form', () => {
    const restored = parseTagModel(serializeTagModel(model));
    expect(restored.tags.map((tag) => [tag.name, tag.threshold])).toEqual(model.tags.map((tag) => [tag.name, tag.threshold]));
    expect(predictTags(restored, 'late delivery', 'en')).toEqual(predictTags(model, 'late delivery', 'en'));
    expect(() => parseTagModel({ format: 'vigie-tag-model', version: 1, features: model.features, tags: [{ name: '' }] })).toThrow('model.tags[0].name');
  });
});

describe('createScorer with a trained model', () => {
  it('labels with the model where it has the language, keeping the lexicon drivers', () => {
    const model = trainSentimentModel(world(120).filter((e) => e.lang === 'en'));
    const scorer = createScorer({ maskTerms: ['Acme'], sentimentModel: model });
    const mention = (text: string, langHint: string) => ({
      platform: 'x', externalId: '1', text, langHint, publishedAt: '2026-01-01T00:00:00Z',
      author: { platform: 'x', externalId: 'a', handle: 'a', followers: 1 }, engagement: { likes: 0, reshares: 0, replies: 0, quotes: 0 },
    });
    const english = scorer.score(mention('@Acme the locker is glorp again', 'en')).sentiment;
    expect(english.label).toBe('negative');
    expect(english.drivers.at(-1)).toMatch(/^trained model: negative \(\d+ %\)$/);
    expect(english.score).toBeLessThan(0);
    // No French model: the lexicon decides, exactly as without a model.
    const french = scorer.score(mention('Acme, le service est horrible', 'fr')).sentiment;
    expect(french).toEqual(createScorer({ maskTerms: ['Acme'] }).score(mention('Acme, le service est horrible', 'fr')).sentiment);
  });
});

describe('text features', () => {
  const features = { ...DEFAULT_FEATURE_OPTIONS, stems: true, publishedLexiconWeight: 1 };
  const shared = (a: string, b: string, options: FeatureOptions): number => {
    const left = new Set(featuresOf(a, 'en', undefined, options).indices);
    return new Set(featuresOf(b, 'en', undefined, options).indices.filter((index) => left.has(index))).size;
  };
  // Published features, after the hashed buckets and the lexicon's 12: positive sum, negative sum, then counts.
  const published = (text: string, lang: string): number[] => {
    const vector = featuresOf(text, lang, undefined, features);
    const base = (1 << features.hashBits) + LEXICON_FEATURE_COUNT;
    return [0, 1].map((k) => vector.values[vector.indices.indexOf(base + k)]);
  };

  it('gives the inflections of a word one more feature in common, their stem', () => {
    expect(shared('refunded', 'refunding', features)).toBe(shared('refunded', 'refunding', { ...features, stems: false }) + 1);
    expect(shared('refund', 'refuse', features)).toBe(shared('refund', 'refuse', { ...features, stems: false }));
  });

  it("reads the published lexicon of the post's language, negation included", () => {
    const [positive, negative] = published('this is good', 'en');
    expect(positive).toBeGreaterThan(0);
    expect(negative).toBe(0);
    const [negatedPositive, negatedNegative] = published('this is not good', 'en');
    expect(negatedPositive).toBe(0);
    expect(negatedNegative).toBeGreaterThan(0);
    expect(published('un spectacle magnifique', 'fr')[0]).toBeGreaterThan(0);
    expect(published('un spectacle magnifique', 'en')[0]).toBe(0);
    expect(featuresOf('this is good', 'en', undefined, { ...features, publishedLexiconWeight: 0 }).indices.every((index) => index < 1 << features.hashBits)).toBe(true);
  });
});

describe('addLogits (prediction without building the vector)', () => {
  it('gives the dot product of the feature vector, on first sight of the words and from the per-word cache, for each set of weights', () => {
    for (const features of [{ ...DEFAULT_FEATURE_OPTIONS, hashBits: 12 }, { ...DEFAULT_FEATURE_OPTIONS, hashBits: 12, stems: true, publishedLexiconWeight: 1 }]) {
      const classes = 3;
      // Two models over the same words in turn (a reload, or English and French weights): each word's remembered
      // n-gram sums must be those of the weights asked for.
      const models = [12.9898, 78.233].map((seed) => Float32Array.from({ length: featureWidth(features) * classes }, (_, i) => Math.sin(i * seed) / 2));
      for (const [text, lang] of [['The locker is not glorp, it is zinnia! Great', 'en'], ['the lockers are glorping again 😡 #fail', 'en'], ['Le casier est vraiment magnifique', 'fr']]) {
        const tokens = tokenizePost(text);
        for (const lexicon of [scoreTokens(tokens, lang), undefined]) {
          const vector = featuresOfTokens(tokens, lang, lexicon, features);
          for (let round = 0; round < 4; round++) {
            const weights = models[round % 2];
            const expected = [0, 1, 2].map((c) => vector.indices.reduce((sum, index, k) => sum + weights[index * classes + c] * vector.values[k], 0));
            const out = new Float64Array(classes);
            addLogits(tokens, lang, lexicon, features, weights, classes, out);
            for (let c = 0; c < classes; c++) expect(out[c]).toBeCloseTo(expected[c], 5);
          }
        }
      }
    }
  });
  it('stays exact across the word cache emptying itself when full (100,000 words)', () => {
    const features = { ...DEFAULT_FEATURE_OPTIONS, hashBits: 12, stems: true };
    const classes = 3;
    const weights = Float32Array.from({ length: featureWidth(features) * classes }, (_, i) => Math.cos(i * 3.7) / 2);
    const word = (n: number): string => `w${n.toString(36)}x`;
    let mismatches = 0;
    // Each post repeats a word every post has, so a post that fills the cache mixes remembered and new words.
    for (let post = 0; post < 105; post++) {
      const tokens = tokenizePost(`common ${Array.from({ length: 1000 }, (_, k) => word(post * 1000 + k)).join(' ')}`);
      const out = new Float64Array(classes);
      addLogits(tokens, 'en', undefined, features, weights, classes, out);
      const vector = featuresOfTokens(tokens, 'en', undefined, features);
      for (let c = 0; c < classes; c++) {
        const expected = vector.indices.reduce((sum, index, k) => sum + weights[index * classes + c] * vector.values[k], 0);
        if (Math.abs(out[c] - expected) > 1e-6) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  });
});
