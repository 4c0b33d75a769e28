// What every alert message tells: a stable headline, short subjects, sizes against usual (zero included), a resolved
// story that says how it ended, times in the entity's zone, and the playbook's first step as the next step.
import { describe, expect, it } from 'vitest';
import { alertHeadline, alertStory, sizeSentence, SUBJECT_MAX } from '../../../src/notify/alert-story.js';
import { alertFixture, messageFixture } from './alert-message-fixture.js';

describe('alert story', () => {
  it('keeps one headline while the alert grows: the kind of the detector that opened it', () => {
    const opened = alertFixture({ detectors: ['velocity'] });
    const grown = alertFixture({ detectors: ['velocity', 'volume', 'risk'], severity: 'critical', why: 'something else entirely', numbers: { observed: 900, expected: 3 } });
    expect(alertHeadline(opened, 'Kelio Aura', 'fr')).toBe('Kelio Aura : post négatif viral');
    expect(alertHeadline(grown, 'Kelio Aura', 'fr')).toBe('Kelio Aura : post négatif viral');
    expect(alertStory({ ...messageFixture(), alert: grown, event: 'escalated' }).subject).toBe('[Vigie] Alert now critical · Acme: viral negative post');
  });

  it('cuts a subject to 80 characters, whatever the entity name', () => {
    const { subject } = alertStory(messageFixture({ entityName: 'A very long product name, with its range and its market, '.repeat(3) }));
    expect(subject.length).toBeLessThanOrEqual(SUBJECT_MAX);
    expect(subject.endsWith('…')).toBe(true);
  });

  it('says the size against usual, "usually none" against a zero baseline, in both languages', () => {
    expect(sizeSentence({ observed: 150, expected: 0.000001, windowMinutes: 60 }, 'en')).toBe('150 mentions in 60 min, where there are usually none.');
    expect(sizeSentence({ observed: 150, expected: 0, windowMinutes: 60 }, 'fr')).toBe("150 mentions en 60 min, alors qu'il n'y en a d'habitude aucune.");
    expect(sizeSentence({ observed: 16_410, expected: 118.94, windowMinutes: 60 }, 'en')).toBe('16,410 mentions in 60 min against 118.9 usually (138 times as many).');
    expect(sizeSentence({ negativeShareOfReach: 0.72, usualShareOfReach: 0.18, negative: 30, total: 60 }, 'fr')).toBe(
      "Ton négatif sur 72\u202f% de l'audience, contre 18\u202f% d'habitude (30 mentions négatives sur 60).",
    );
    expect(sizeSentence({ ratePerMinute: 4.2, usualRatePerMinute: 0 }, 'en')).toBe('4.2 reshares or replies a minute.');
  });

  it('tells a resolved alert as over, never as growing, with no button to take charge', () => {
    const alert = alertFixture({ status: 'resolved', why: 'a negative post is going viral', resolvedAt: alertFixture().detectedAt + 75 * 60_000 });
    const story = alertStory({ ...messageFixture({ language: 'en', timeZone: 'Europe/Paris' }), alert, event: 'resolved' });
    expect(story.subject).toBe('[Vigie] Alert resolved · Acme: surge of mentions');
    expect(story.whatHappened).toBe('Back to usual levels since 1 May, 17:20 CEST. It began 1 May, 15:25 CEST, lasted 1 h 55 and peaked at high.');
    expect(story.whatHappened).not.toMatch(/viral|growing/);
    expect(story.nextStep).toMatch(/^No action needed now/);
  });

  it("names the playbook's first step and the widest-reaching author in the next step", () => {
    const story = alertStory(messageFixture({ language: 'fr', firstStep: { label: 'Publier le communiqué', withinMinutes: 20 } }));
    expect(story.nextStep).toBe("Prenez en charge maintenant, puis\u00a0: publier le communiqué (sous 20 min) ; répondez d'abord à @user_m1.");
  });
});
