// The Slack Block Kit message: its content, its limits, and that no mention text can ping or link.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderSlackMessage, type SlackBlock, type SlackPayload } from '../../../src/notify/slack-message.js';
import { alertFixture, HOSTILE_TEXTS, mentionFixture, messageFixture } from './alert-message-fixture.js';

type TextObject = { type: 'plain_text' | 'mrkdwn'; text: string };

/** Every text object in the message, wherever Block Kit nests it. */
function textObjects(payload: SlackPayload): TextObject[] {
  const out: TextObject[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if ((o.type === 'plain_text' || o.type === 'mrkdwn') && typeof o.text === 'string') out.push(o as TextObject);
      Object.values(o).forEach(walk);
    }
  };
  walk(payload.blocks);
  return out;
}

/** A Slack token that would ping or link: `<!…>`, `<@…>`, `<#…>`, `<http…|…>`, or a bare broadcast word. */
const ACTIVE_TOKEN = /<[!@#]|<https?:|[@!](channel|here|everyone)\b/i;

function assertInert(payload: SlackPayload): void {
  for (const t of textObjects(payload)) {
    expect(t.text).not.toMatch(ACTIVE_TOKEN);
    if (t.type === 'mrkdwn') expect(t.text).not.toMatch(/[<>]/);
  }
  expect(payload.text).not.toMatch(ACTIVE_TOKEN);
  expect(payload.text).not.toMatch(/[<>]/);
}

const blocksOf = <T extends SlackBlock['type']>(payload: SlackPayload, type: T) => payload.blocks.filter((b): b is Extract<SlackBlock, { type: T }> => b.type === type);

describe('renderSlackMessage', () => {
  it('says what happened, since when, how big, who drives it and what to do, under the stable headline', () => {
    const payload = renderSlackMessage(messageFixture({ timeZone: 'Europe/Paris' }));
    expect(payload.text).toBe('High alert · Acme: surge of mentions');
    expect(blocksOf(payload, 'header')[0].text.text).toBe('🟠 Acme: surge of mentions');
    expect(blocksOf(payload, 'context')[0].elements[0].text).toBe('New alert · HIGH · Detected 1 May, 16:05 CEST');
    expect(payload.blocks[2]).toEqual({ type: 'section', text: { type: 'plain_text', text: alertFixture().why, emoji: false } });
    expect(blocksOf(payload, 'section')[1].fields?.map((f) => f.text)).toEqual([
      '*Since when*\nSince 1 May, 15:25 CEST; detected 1 May, 16:05 CEST, 40 min after it began.',
      '*How big*\n184 mentions in 60 min against 30.4 usually (6.1 times as many).',
      '*Who drives it*\nDriven by @user_m1 (12.3K followers), @user_m2 (12.3K followers) and @user_m3 (12.3K followers).',
      '*Next step*\nTake charge now, then post a holding statement within 30 min; answer @user_m1 first.',
    ]);
    expect(blocksOf(payload, 'context')[1].elements[0].text).toBe('Emerging phrases: “battery fire”, “recall now”');
    expect(JSON.stringify(payload)).not.toMatch(/observed|windowMinutes|surprise|Detected by/);
  });

  it('shows the top three mentions with author, followers and a link button', () => {
    const payload = renderSlackMessage(messageFixture());
    const mentionSections = blocksOf(payload, 'section').filter((b) => b.accessory);
    expect(mentionSections.map((b) => b.text?.text)).toEqual([
      'My Acme charger caught fire this morning, never again',
      'Acme support has not answered for 3 days',
      'Is anyone else seeing the battery fire story about Acme?',
    ]);
    expect(mentionSections[0].accessory).toMatchObject({ type: 'button', url: 'https://social.example/p/m1', text: { text: 'Open post' } });
    expect(blocksOf(payload, 'context')[2].elements[0].text).toBe('@user_m1 · 12.3K followers · 1 May, 13:50 UTC · negative');
  });

  it('ends with Take charge and Open buttons, and drops Take charge once resolved', () => {
    const opened = blocksOf(renderSlackMessage(messageFixture()), 'actions')[0].elements;
    expect(opened.map((b) => [b.text.text, b.url, b.style])).toEqual([
      ['Take charge', 'https://vigie.example/ack?action=acknowledge&id=alert-42&expires=1714600000000&sig=abc', 'primary'],
      ['Open in Vigie', 'https://vigie.example/alerts/alert-42', undefined],
    ]);
    const resolved = blocksOf(renderSlackMessage(messageFixture({ event: 'resolved' })), 'actions')[0].elements;
    expect(resolved.map((b) => b.text.text)).toEqual(['Open in Vigie']);
  });

  it('gives a post with a javascript: URL no button', () => {
    const payload = renderSlackMessage(messageFixture({ evidence: [mentionFixture('m1', 'hello', { url: 'javascript:alert(1)' })] }));
    expect(blocksOf(payload, 'section').some((b) => b.accessory)).toBe(false);
  });

  it('neutralises every hostile text, in mentions, handles, phrases, why and entity name', () => {
    const hostile = Object.values(HOSTILE_TEXTS);
    const payload = renderSlackMessage(
      messageFixture({
        entityName: '<!channel> Acme',
        alert: alertFixture({ why: '@here <https://evil.example|read this>', phrases: hostile, numbers: { '<!here>': 1 } }),
        evidence: hostile.map((text, i) => mentionFixture(`m${i}`, text, { authorHandle: '<@U0> @everyone' })),
      }),
    );
    assertInert(payload);
    expect(JSON.stringify(payload)).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/);
  });

  it('keeps within Slack limits for a very long mention', () => {
    const payload = renderSlackMessage(messageFixture({ entityName: 'E'.repeat(400), evidence: [mentionFixture('m1', '&'.repeat(50_000))] }));
    expect(blocksOf(payload, 'header')[0].text.text.length).toBeLessThanOrEqual(150);
    for (const t of textObjects(payload)) expect(t.text.length).toBeLessThanOrEqual(3000);
    expect(payload.text.length).toBeLessThanOrEqual(3000);
  });

  it('renders no text that could ping or link, whatever the mention says', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ maxLength: 40 }), (text, handle) => {
        assertInert(renderSlackMessage(messageFixture({ evidence: [mentionFixture('m1', `${text}<!here>`, { authorHandle: handle })] })));
      }),
    );
  });
});
