// A complete alert message for channel tests, with hostile mentions written for these tests.
import type { Alert, EvidenceMention } from '../../../src/domain/alert.js';
import type { AlertMessage } from '../../../src/notify/channels/channel.js';

const T0 = Date.UTC(2024, 4, 1, 14, 5); // 2024-05-01 14:05 UTC

export const HOSTILE_TEXTS = {
  broadcast: 'Wake up <!channel> and <!here|here> and <!everyone>, also @here and @channel',
  userPing: 'cc <@U024BE7LH> and <#C024BE7LR>',
  slackLink: 'see <https://evil.example/steal|click here for your refund>',
  bold: '*bold* _italic_ ~strike~ `code`',
  markdownLink: '[x](javascript:alert(1)) and [free](https://evil.example)',
  teamsMention: '<at>someone</at> please look',
  cardFunction: 'due {{DATE(2017-02-14T06:08:39Z,SHORT)}}',
  rtl: 'invoice\u202Egnp.exe and \u200Bhidden\u2066 spaces',
  hebrew: 'שלום עולם, המוצר מצוין',
};

export function alertFixture(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'alert-42',
    dedupKey: 'acme:volume',
    entityId: 'acme',
    detectors: ['volume', 'negative_share'],
    severity: 'high',
    status: 'open',
    why: 'Negative mentions of Acme are 6 times the usual level for a Wednesday afternoon.',
    numbers: { observed: 184, expected: 30.4, ratio: 6.05, surprise: 40.21, windowMinutes: 60, dispersion: 1.2, level: 30 },
    evidence: ['m1', 'm2', 'm3', 'm4'],
    phrases: ['battery fire', 'recall now'],
    onsetAt: T0 - 40 * 60_000,
    detectedAt: T0,
    notifiedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    firstResponseAt: null,
    updatedAt: T0,
    lastFiredAt: T0,
    lastSeenAt: T0,
    quietSince: null,
    ...overrides,
  };
}

export function mentionFixture(id: string, text: string, overrides: Partial<EvidenceMention> = {}): EvidenceMention {
  return { id, url: `https://social.example/p/${id}`, text, authorHandle: `user_${id}`, authorFollowers: 12_345, publishedAt: Date.UTC(2024, 4, 1, 13, 50), sentiment: 'negative', ...overrides };
}

export function messageFixture(overrides: Partial<AlertMessage> = {}): AlertMessage {
  return {
    alert: alertFixture(),
    event: 'opened',
    entityName: 'Acme',
    evidence: [
      mentionFixture('m1', 'My Acme charger caught fire this morning, never again'),
      mentionFixture('m2', 'Acme support has not answered for 3 days'),
      mentionFixture('m3', 'Is anyone else seeing the battery fire story about Acme?'),
      mentionFixture('m4', 'a fourth mention that chat messages leave out'),
    ],
    alertUrl: 'https://vigie.example/alerts/alert-42',
    acknowledgeUrl: 'https://vigie.example/ack?action=acknowledge&id=alert-42&expires=1714600000000&sig=abc',
    ...overrides,
  };
}
