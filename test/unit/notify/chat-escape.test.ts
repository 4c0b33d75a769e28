// Escaping of hostile mention text for Slack and Teams, on texts written to attack each.
import { describe, expect, it } from 'vitest';
import { cleanLine, safeLinkUrl, slackMrkdwn, slackPlain, teamsText } from '../../../src/notify/chat-escape.js';
import { HOSTILE_TEXTS } from './alert-message-fixture.js';

const WJ = '\u2060';

describe('cleanLine', () => {
  it('removes bidi overrides and zero-width characters but keeps RTL words', () => {
    expect(cleanLine(HOSTILE_TEXTS.rtl, 100)).toBe('invoicegnp.exe and hidden spaces');
    expect(cleanLine(HOSTILE_TEXTS.hebrew, 100)).toBe(HOSTILE_TEXTS.hebrew);
  });

  it('keeps the joiners that emoji and Persian words need', () => {
    expect(cleanLine('👩\u200D💻 می\u200Cخواهم', 100)).toBe('👩\u200D💻 می\u200Cخواهم');
  });

  it('flattens line breaks and controls into one line', () => {
    expect(cleanLine('line one\r\n\u2028line\u0007 two\ttab', 100)).toBe('line one line two tab');
  });

  it('cuts long text on a code point with an ellipsis', () => {
    expect(cleanLine('a'.repeat(10_000), 5)).toBe('aaaa…');
    expect(cleanLine('😀😀😀😀😀😀', 4)).toBe('😀😀😀…');
    expect(cleanLine('short', 5)).toBe('short');
  });
});

describe('slackMrkdwn', () => {
  it('escapes the three control characters so no token survives', () => {
    expect(slackMrkdwn('<!channel> & <@U1> > <https://evil.example|x>', 200)).toBe(
      `&lt;${'!'}${WJ}channel&gt; &amp; &lt;@U1&gt; &gt; &lt;https://evil.example|x&gt;`,
    );
  });

  it('breaks bare broadcast words, whatever their case', () => {
    expect(slackMrkdwn('@here @Channel @everyone !here @heretic', 200)).toBe(`@${WJ}here @${WJ}Channel @${WJ}everyone !${WJ}here @heretic`);
  });

  it('cannot be bypassed by hiding a zero-width character inside a broadcast word', () => {
    expect(slackMrkdwn('@\u200Bhere', 50)).toBe(`@${WJ}here`);
    expect(slackMrkdwn('<\u200B!channel>', 50)).toBe(`&lt;!${WJ}channel&gt;`);
  });
});

describe('slackPlain', () => {
  it('keeps text readable and breaks every Slack token', () => {
    expect(slackPlain(HOSTILE_TEXTS.broadcast, 200)).toBe(
      `Wake up <${WJ}!${WJ}channel> and <${WJ}!${WJ}here|here> and <${WJ}!${WJ}everyone>, also @${WJ}here and @${WJ}channel`,
    );
    expect(slackPlain(HOSTILE_TEXTS.userPing, 200)).toBe(`cc <${WJ}@U024BE7LH> and <${WJ}#C024BE7LR>`);
    expect(slackPlain('I <3 it & you', 50)).toBe(`I <${WJ}3 it & you`);
    expect(slackPlain(HOSTILE_TEXTS.slackLink, 200)).toBe(`see <${WJ}https://evil.example/steal|click here for your refund>`);
  });
});

describe('teamsText', () => {
  it('turns tag-like brackets into look-alikes so <at> mentions and HTML do nothing', () => {
    expect(teamsText(HOSTILE_TEXTS.teamsMention, 100)).toBe('‹at>someone‹/at> please look');
    expect(teamsText('<a href="https://evil.example">x</a> <script>', 100)).toBe('‹a href="https://evil.example">x‹/a> ‹script>');
    expect(teamsText('I <3 Acme, 2 < 3', 100)).toBe('I <3 Acme, 2 < 3');
  });

  it('breaks card date functions', () => {
    expect(teamsText(HOSTILE_TEXTS.cardFunction, 100)).toBe(`due {${WJ}{DATE(2017-02-14T06:08:39Z,SHORT)}}`);
  });

  it('leaves markdown signs as typed: TextRun shows them literally', () => {
    expect(teamsText(HOSTILE_TEXTS.markdownLink, 100)).toBe(HOSTILE_TEXTS.markdownLink);
  });
});

describe('safeLinkUrl', () => {
  it('keeps http(s) links and drops every other scheme', () => {
    expect(safeLinkUrl('https://social.example/p/1?a=1&b=2')).toBe('https://social.example/p/1?a=1&b=2');
    expect(safeLinkUrl('javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeLinkUrl('data:text/html,<script>')).toBeNull();
    expect(safeLinkUrl('relative/path')).toBeNull();
    expect(safeLinkUrl(null)).toBeNull();
    expect(safeLinkUrl('')).toBeNull();
  });
});
