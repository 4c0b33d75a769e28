// The alert email escapes every mention field, links only to http(s), and carries a plain-text part.
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/domain/alert.js';
import { renderAlertEmail } from '../../../src/notify/alert-email.js';

const alert: Alert = {
  id: 'a1', dedupKey: 'acme:1', entityId: 'acme', detectors: ['volume', 'risk'], severity: 'high', status: 'open',
  why: 'negative mentions up 6x in 40 min, led by @x (410k followers): \'<b>refund</b>\'', numbers: { observed: 120, expected: 19.2, ratio: 6.25 },
  evidence: ['x:1'], phrases: ['refund <still> not received'], onsetAt: Date.UTC(2026, 10, 20, 9), detectedAt: Date.UTC(2026, 10, 20, 9, 12),
  notifiedAt: null, acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, firstResponseAt: null,
  updatedAt: 0, lastFiredAt: 0, lastSeenAt: 0, quietSince: null,
};

describe('alert email', () => {
  const hostile = '<img src=x onerror=alert(1)> "quoted" & <script>steal()</script>';
  const { subject, html, text } = renderAlertEmail({
    alert,
    event: 'opened',
    entityName: 'Acme <Corp>',
    evidence: [
      { id: 'x:1', url: 'javascript:alert(1)', text: hostile, authorHandle: 'evil"><svg onload=1>', authorFollowers: 410_000, publishedAt: Date.UTC(2026, 10, 20, 9, 5), sentiment: 'negative' },
      { id: 'x:2', url: 'https://x.com/a/status/2', text: 'plain', authorHandle: 'bob', authorFollowers: 12, publishedAt: Date.UTC(2026, 10, 20, 9, 6), sentiment: 'negative' },
    ],
    alertUrl: 'https://vigie.example/alerts/a1',
    acknowledgeUrl: 'https://vigie.example/ack?action=acknowledge&id=a1&expires=1&sig=abc',
  });

  it('escapes mention text, handles, phrases and the entity name', () => {
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<svg');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &amp; &lt;script&gt;');
    expect(html).toContain('Acme &lt;Corp&gt;');
    expect(html).toContain('refund &lt;still&gt; not received');
  });

  it('links only to http(s) posts, and carries the acknowledge and alert links', () => {
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="https://x.com/a/status/2"');
    expect(html).toContain('href="https://vigie.example/ack?action=acknowledge&amp;id=a1&amp;expires=1&amp;sig=abc"');
    expect(text).toContain('Take charge: https://vigie.example/ack?action=acknowledge&id=a1');
  });

  it('says what happened in a short subject, and in plain text with the detection time', () => {
    expect(subject).toBe('[Vigie] High alert · Acme <Corp>: surge of mentions');
    expect(text).toContain('Detected 20 Nov, 09:12 UTC');
    expect(text).toContain("What happened: Negative mentions up 6x in 40 min, led by @x (410k followers): '<b>refund</b>'");
    expect(text).toContain('How big: 120 mentions in 60 min');
    expect(text).toContain('@bob (12 followers), 20 Nov, 09:06 UTC: plain https://x.com/a/status/2');
    expect(text).not.toMatch(/ratio|observed/);
  });
});
