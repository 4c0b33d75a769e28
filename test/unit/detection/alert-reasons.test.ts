// Alert sentences in the entity's language: the same facts worded in English and in French.
import { describe, expect, it } from 'vitest';
import { reasonsIn } from '../../../src/detection/alert-reasons.js';
import { defaultDetectionParams } from '../../../src/detection/detection-params.js';
import { detectInfluentialNegative } from '../../../src/detection/influencer.js';
import { mention, window } from './fixtures.js';

const lead = mention({ id: 'j', authorHandle: 'journaliste', authorFollowers: 412_000, authorInfluence: 88, text: 'Kelio ne rembourse toujours pas' });

describe('alert reasons', () => {
  it('words a volume surge in both languages, with French number formats', () => {
    const facts = { negativeOnly: true, ratio: 6.24, minutes: 40, observed: 125, expected: 20.4, negativeShare: 0.452, lead };
    expect(reasonsIn('en').volume(facts)).toBe("negative mentions up 6.2x in 40 min: 125 vs 20 expected (45% of all), led by @journaliste (412k followers): 'Kelio ne rembourse toujours pas'");
    expect(reasonsIn('fr').volume(facts)).toBe(
      'mentions négatives ×6,2 en 40 min : 125 contre 20 attendues (45\u202f% du total), menées par @journaliste (412\u00a0k abonnés) : « Kelio ne rembourse toujours pas »',
    );
  });

  it('says "where there are usually none" against a zero baseline, never a ratio of billions', () => {
    const facts = { negativeOnly: true, ratio: 150e9, minutes: 60, observed: 150, expected: 1e-9 };
    expect(reasonsIn('en').volume(facts)).toBe('150 negative mentions in 60 min, where there are usually none');
    expect(reasonsIn('fr').volume(facts)).toBe("150 mentions négatives en 60 min, alors qu'il n'y en a d'habitude aucune");
    const risk = { observed: 12, minutes: 60, expected: 0, ratio: Infinity, flags: ['recall', 'data_breach'] };
    expect(reasonsIn('en').risk(risk)).toBe('12 risk-flagged mentions in 60 min, where there are usually none (recall, data breach)');
    expect(reasonsIn('fr').risk(risk)).toBe("12 mentions à risque en 60 min, alors qu'il n'y en a d'habitude aucune (rappel de produit, fuite de données)");
  });

  it('groups large counts the language\'s way', () => {
    const facts = { negativeOnly: false, ratio: 138, minutes: 60, observed: 16_410, expected: 118.94 };
    expect(reasonsIn('en').volume(facts)).toBe('mentions up 138x in 60 min: 16,410 vs 119 expected');
    expect(reasonsIn('fr').volume(facts)).toBe('mentions ×138 en 60 min : 16\u202f410 contre 119 attendues');
  });

  it('words every detector in French', () => {
    const fr = reasonsIn('fr');
    expect(fr.negativeShare({ share: 0.61, usualShare: 0.12, minutes: 60, negative: 30, total: 44 })).toBe(
      "ton négatif à 61\u202f% de l'audience en 60 min (d'habitude 12\u202f%), 30 négatives sur 44 mentions",
    );
    expect(fr.influencer({ lead, reshare: false, original: undefined, others: 2 })).toBe(
      '@journaliste (412\u00a0k abonnés, influence 88) a publié un post négatif qui compte déjà 0 partages/réponses : « Kelio ne rembourse toujours pas » (et 2 autres posts négatifs influents)',
    );
    expect(fr.velocity({ mention: lead, rate: 3.456, usualRate: 0.3, total: 240 })).toBe(
      "un post négatif de @journaliste (412\u00a0k abonnés) devient viral : 3,46 partages/réponses par minute, 12 fois plus que d'habitude, 240 au total : « Kelio ne rembourse toujours pas »",
    );
    expect(fr.risk({ observed: 9, minutes: 30, expected: 1.5, ratio: 6, flags: ['rappel', 'plainte'], example: lead })).toBe(
      "9 mentions à risque en 30 min, ×6 par rapport à l'habitude (1,5) (rappel, plainte) : « Kelio ne rembourse toujours pas »",
    );
    expect(fr.newPhrase({ phrase: 'filtre qui fond', count: 12, recent: 40, share: 0.3, observedNegative: 40, expectedNegative: 12.25 })).toBe(
      'nouvelle expression « filtre qui fond » dans 12 des 40 mentions négatives récentes (30\u202f%), jamais vue avant ; volume négatif 40 contre 12 attendues en 3 h',
    );
    expect(fr.spreadingPhrase({ phrase: 'filtre qui fond', authors: 5, minutes: 120, inBackground: 0, backgroundTexts: 3000, observedNegative: 20, expectedNegative: 8.5 })).toBe(
      "nouvelle expression « filtre qui fond » reprise par 5 auteurs différents dans des mentions négatives en 2 h, contre 0 des 3000 mentions d'hier ; volume négatif 20 contre 8,5 attendues depuis",
    );
  });

  it('is what a detector writes for an entity whose language is French, and English otherwise', () => {
    const notable = [mention({ ...lead, id: 'j', authorInfluence: 95 })];
    expect(detectInfluentialNegative(window({ notable, language: 'fr' }), defaultDetectionParams)?.why).toMatch(/^@journaliste \(412\u00a0k abonnés, influence 95\) a publié/);
    expect(detectInfluentialNegative(window({ notable }), defaultDetectionParams)?.why).toMatch(/^@journaliste \(412k followers, influence 95\) posted/);
  });
});
