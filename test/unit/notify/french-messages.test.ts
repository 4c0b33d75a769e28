// A French entity's alert messages: every word of the email, the Slack message and the Teams card in French.
import { describe, expect, it } from 'vitest';
import { alertSubject, renderAlertEmail } from '../../../src/notify/alert-email.js';
import { renderSlackMessage } from '../../../src/notify/slack-message.js';
import { renderTeamsCard } from '../../../src/notify/teams-card.js';
import { messageFixture } from './alert-message-fixture.js';

const french = messageFixture({ language: 'fr', timeZone: 'Europe/Paris' });
const ENGLISH_WORDS = /\b(New alert|followers|Detected|Emerging phrases|Top mentions|Acknowledge|Take charge|Open in Vigie|Open post|What happened|Since when|Next step|mentions in|usually)\b/;

describe('alert messages in French', () => {
  it('writes the email in French', () => {
    expect(alertSubject(french)).toBe('[Vigie] Alerte élevée · Acme : afflux de mentions');
    const { html, text } = renderAlertEmail(french);
    expect(text).toContain('@user_m1 (12,3\u00a0k abonnés), 1 mai, 15:50 UTC+2\u00a0: My Acme charger');
    for (const part of [html, text]) {
      expect(part).toContain('Nouvelle alerte');
      expect(part).toContain('12,3\u00a0k abonnés');
      expect(part).toContain('Expressions émergentes');
      expect(part).toContain('Mentions principales');
      expect(part).toContain('Prendre en charge');
      expect(part).not.toMatch(ENGLISH_WORDS);
    }
    expect(text).toContain('Détectée le 1 mai, 16:05 UTC+2');
    expect(html).toContain('Depuis le 1 mai, 15:25 UTC+2 ; détectée le 1 mai, 16:05 UTC+2, 40 min après le début.');
    expect(text).toContain("Ampleur\u00a0: 184 mentions en 60 min contre 30,4 d'habitude (6,1 fois plus).");
    expect(text).toContain("Que faire\u00a0: Prenez en charge maintenant, puis publiez une déclaration d'attente sous 30 min ; répondez d'abord à @user_m1.");
  });

  it('writes the Slack message and the Teams card in French', () => {
    const slack = JSON.stringify(renderSlackMessage(french));
    expect(slack).toContain('Nouvelle alerte · ÉLEVÉE · Détectée le 1 mai, 16:05 UTC+2');
    expect(slack).toContain('Acme : afflux de mentions');
    expect(slack).toContain('négatif');
    expect(slack).toContain('Ouvrir le post');
    expect(slack).not.toMatch(ENGLISH_WORDS);
    const teams = JSON.stringify(renderTeamsCard(french));
    expect(teams).toContain('Acme : afflux de mentions');
    expect(teams).toContain('Ouvrir dans Vigie');
    expect(teams).not.toMatch(ENGLISH_WORDS);
  });

  it('stays in English without a language', () => {
    expect(alertSubject(messageFixture())).toBe('[Vigie] High alert · Acme: surge of mentions');
  });
});
