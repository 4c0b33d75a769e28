// A French entity's alert messages: every word of the email, the Slack message and the Teams card in French.
import { describe, expect, it } from 'vitest';
import { alertSubject, renderAlertEmail } from '../../../src/notify/alert-email.js';
import { renderSlackMessage } from '../../../src/notify/slack-message.js';
import { renderTeamsCard } from '../../../src/notify/teams-card.js';
import { messageFixture } from './alert-message-fixture.js';

const french = messageFixture({ language: 'fr' });
const ENGLISH_WORDS = /\b(New alert|followers|Detected by|Emerging phrases|Top mentions|Acknowledge|Open in Vigie|Open post)\b/;

describe('alert messages in French', () => {
  it('writes the email in French', () => {
    expect(alertSubject(french)).toMatch(/^\[Vigie\] Nouvelle alerte \(élevée\) – Acme: /);
    const { html, text } = renderAlertEmail(french);
    for (const part of [html, text]) {
      expect(part).toContain('Nouvelle alerte');
      expect(part).toContain('12,3\u00a0k abonnés');
      expect(part).toContain('Expressions émergentes');
      expect(part).toContain('Mentions principales');
      expect(part).toContain('Prendre en charge');
      expect(part).not.toMatch(ENGLISH_WORDS);
    }
    expect(html).toContain('Détectée par volume-spike, negative-shift le 2024-05-01 14:05 UTC (début 13:25).');
  });

  it('writes the Slack message and the Teams card in French', () => {
    const slack = JSON.stringify(renderSlackMessage(french));
    expect(slack).toContain('Nouvelle alerte · ÉLEVÉE · Acme');
    expect(slack).toContain('négatif');
    expect(slack).toContain('Ouvrir le post');
    expect(slack).not.toMatch(ENGLISH_WORDS);
    const teams = JSON.stringify(renderTeamsCard(french));
    expect(teams).toContain('Nouvelle alerte · ÉLEVÉE · Acme');
    expect(teams).toContain('Ouvrir dans Vigie');
    expect(teams).not.toMatch(ENGLISH_WORDS);
  });

  it('stays in English without a language', () => {
    expect(alertSubject(messageFixture())).toMatch(/^\[Vigie\] New alert \(high\) – Acme: /);
  });
});
