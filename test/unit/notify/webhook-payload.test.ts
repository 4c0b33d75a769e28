// The generic webhook body: what a receiver gets, with ISO times and vetted links.
import { describe, expect, it } from 'vitest';
import { buildWebhookPayload } from '../../../src/notify/webhook-payload.js';
import { alertFixture, mentionFixture, messageFixture } from './alert-message-fixture.js';

describe('buildWebhookPayload', () => {
  it('carries the event, the alert, the entity, every evidence mention and the links', () => {
    const payload = buildWebhookPayload(messageFixture(), 'ops-hook');
    expect(payload.event).toBe('alert.opened');
    expect(payload.deliveryId).toBe('alert-42:ops-hook:opened');
    expect(payload.alert).toEqual({
      id: 'alert-42',
      dedupKey: 'acme:volume',
      status: 'open',
      severity: 'high',
      detectors: ['volume', 'negative_share'],
      why: alertFixture().why,
      numbers: alertFixture().numbers,
      phrases: ['battery fire', 'recall now'],
      onsetAt: '2024-05-01T13:25:00.000Z',
      detectedAt: '2024-05-01T14:05:00.000Z',
      acknowledgedAt: null,
      resolvedAt: null,
    });
    expect(payload.entity).toEqual({ id: 'acme', name: 'Acme' });
    expect(payload.evidence).toHaveLength(4);
    expect(payload.evidence[0]).toEqual({
      id: 'm1',
      url: 'https://social.example/p/m1',
      text: 'My Acme charger caught fire this morning, never again',
      author: { handle: 'user_m1', followers: 12_345 },
      publishedAt: '2024-05-01T13:50:00.000Z',
      sentiment: 'negative',
    });
    expect(payload.links).toEqual({
      alert: 'https://vigie.example/alerts/alert-42',
      crisis: null,
      acknowledge: 'https://vigie.example/ack?action=acknowledge&id=alert-42&expires=1714600000000&sig=abc',
    });
    // The sentences a person reads, as the email words them, for receivers that post them somewhere.
    expect(payload.message).toMatchObject({
      language: 'en',
      timeZone: 'UTC',
      headline: 'Acme: surge of mentions',
      subject: '[Vigie] High alert · Acme: surge of mentions',
      howBig: '184 mentions in 60 min against 30.4 usually (6.1 times as many).',
      nextStep: 'Take charge now, then post a holding statement within 30 min; answer @user_m1 first.',
    });
  });

  it('keeps mention text as posted but drops non-http links, and the acknowledge link once resolved', () => {
    const payload = buildWebhookPayload(
      messageFixture({ event: 'resolved', alert: alertFixture({ status: 'resolved', resolvedAt: Date.UTC(2024, 4, 1, 18) }), evidence: [mentionFixture('m1', '<script>x</script>', { url: 'javascript:alert(1)' })] }),
      'ops-hook',
    );
    expect(payload.event).toBe('alert.resolved');
    expect(payload.alert.resolvedAt).toBe('2024-05-01T18:00:00.000Z');
    expect(payload.evidence[0]).toMatchObject({ text: '<script>x</script>', url: null });
    expect(payload.links.acknowledge).toBeNull();
  });
});
