// The Teams Adaptive Card: its envelope, its content, and that no mention text can mention, link or format.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTeamsCard, type CardElement, type TeamsPayload } from '../../../src/notify/teams-card.js';
import { alertFixture, HOSTILE_TEXTS, mentionFixture, messageFixture } from './alert-message-fixture.js';

const cardOf = (payload: TeamsPayload) => payload.attachments[0].content;

/** Every piece of text the card shows, and whether Teams would read markdown in it. */
function texts(payload: TeamsPayload): { text: string; markdown: boolean }[] {
  const out: { text: string; markdown: boolean }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.text === 'string') out.push({ text: o.text, markdown: o.type !== 'TextRun' });
      Object.values(o).forEach(walk);
    }
  };
  walk(cardOf(payload).body);
  return out;
}

const runsOf = (element: CardElement) => (element.type === 'RichTextBlock' ? element.inlines.map((r) => r.text).join('') : '');

describe('renderTeamsCard', () => {
  it('wraps an Adaptive Card in the message envelope Teams Workflows accept', () => {
    const payload = renderTeamsCard(messageFixture());
    expect(payload.type).toBe('message');
    expect(payload.attachments).toHaveLength(1);
    expect(payload.attachments[0]).toMatchObject({ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null });
    expect(cardOf(payload)).toMatchObject({ type: 'AdaptiveCard', version: '1.4', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
  });

  it('shows the stable headline, what happened, since when, how big, who drives it, the next step and phrases', () => {
    const [head, ...rest] = cardOf(renderTeamsCard(messageFixture({ language: 'en', timeZone: 'Europe/Paris' }))).body;
    expect(head).toMatchObject({ type: 'Container', style: 'attention' });
    expect(head.type === 'Container' && head.items.map(runsOf)).toEqual(['New alert · HIGH · Detected 1 May, 16:05 CEST', 'Acme: surge of mentions']);
    expect(rest.slice(0, 6).map(runsOf)).toEqual([
      alertFixture().why,
      'Since when: Since 1 May, 15:25 CEST; detected 1 May, 16:05 CEST, 40 min after it began.',
      'How big: 184 mentions in 60 min against 30.4 usually (6.1 times as many).',
      'Who drives it: Driven by @user_m1 (12.3K followers), @user_m2 (12.3K followers) and @user_m3 (12.3K followers).',
      'Next step: Take charge now, then post a holding statement within 30 min; answer @user_m1 first.',
      'Emerging phrases: “battery fire”, “recall now”',
    ]);
  });

  it('shows the top three mentions, each with its author line and an Open post button', () => {
    const body = cardOf(renderTeamsCard(messageFixture())).body;
    const mentions = body.filter((e) => e.type === 'Container' && e.separator);
    expect(mentions).toHaveLength(3);
    const first = mentions[0].type === 'Container' ? mentions[0].items : [];
    expect(first.map(runsOf).slice(0, 2)).toEqual(['@user_m1 · 12.3K followers · 1 May, 13:50 UTC · negative', 'My Acme charger caught fire this morning, never again']);
    expect(first[2]).toEqual({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Open post', url: 'https://social.example/p/m1' }] });
  });

  it('offers Take charge and Open in Vigie, without Take charge once resolved', () => {
    expect(cardOf(renderTeamsCard(messageFixture())).actions.map((a) => [a.title, a.url])).toEqual([
      ['Take charge', 'https://vigie.example/ack?action=acknowledge&id=alert-42&expires=1714600000000&sig=abc'],
      ['Open in Vigie', 'https://vigie.example/alerts/alert-42'],
    ]);
    expect(cardOf(renderTeamsCard(messageFixture({ event: 'resolved' }))).actions.map((a) => a.title)).toEqual(['Open in Vigie']);
  });

  it('puts every hostile text in markdown-free runs, with mention tags and card functions broken', () => {
    const hostile = Object.values(HOSTILE_TEXTS);
    const payload = renderTeamsCard(
      messageFixture({
        entityName: '<at>Acme</at>',
        alert: alertFixture({ why: '[urgent](javascript:alert(1))', phrases: hostile }),
        evidence: hostile.map((text, i) => mentionFixture(`m${i}`, text, { authorHandle: '<at>boss</at>', url: 'javascript:alert(1)' })),
      }),
    );
    const all = texts(payload);
    expect(all.every((t) => !t.markdown)).toBe(true);
    for (const { text } of all) {
      expect(text).not.toMatch(/<at>|<\/at>|\{\{/i);
      expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/);
    }
    expect(all.map((t) => t.text)).toContain('[urgent](javascript:alert(1)).');
    expect(JSON.stringify(payload)).not.toContain('"url":"javascript:');
  });

  it('cuts a very long mention', () => {
    const body = cardOf(renderTeamsCard(messageFixture({ evidence: [mentionFixture('m1', 'x'.repeat(100_000))] }))).body;
    const mention = body.find((e) => e.type === 'Container' && e.separator);
    const text = mention?.type === 'Container' ? runsOf(mention.items[1]) : '';
    expect(Array.from(text)).toHaveLength(500);
    expect(text.endsWith('…')).toBe(true);
  });

  it('never lets a mention open a Teams mention tag, whatever it says', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        for (const { text: shown } of texts(renderTeamsCard(messageFixture({ evidence: [mentionFixture('m1', `<at>${text}</at>`)] })))) {
          expect(shown).not.toMatch(/<\/?at\b|\{\{/i);
        }
      }),
    );
  });
});
