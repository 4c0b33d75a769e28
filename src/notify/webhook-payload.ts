// The JSON body of a generic webhook request: the alert, its entity, the evidence and the links, with ISO times.
import type { AlertSeverity, AlertStatus } from '../domain/alert.js';
import { deliveryId } from '../store/alert-repository.js';
import { alertStory } from './alert-story.js';
import { canAcknowledge } from './alert-wording.js';
import type { AlertMessage } from './channels/channel.js';
import { safeLinkUrl } from './chat-escape.js';

export interface WebhookPayload {
  /** "alert.opened", "alert.escalated" or "alert.resolved" (also sent as X-Vigie-Event). */
  event: string;
  /** alertId:channelId:event (alertId:channelId:escalated:severity), the same for every retry of one delivery (also X-Vigie-Delivery). */
  deliveryId: string;
  alert: {
    id: string;
    dedupKey: string;
    status: AlertStatus;
    severity: AlertSeverity;
    detectors: string[];
    why: string;
    numbers: Record<string, number>;
    phrases: string[];
    onsetAt: string;
    detectedAt: string;
    acknowledgedAt: string | null;
    resolvedAt: string | null;
  };
  entity: { id: string; name: string };
  /** Mention text exactly as posted: receivers that display it must escape it for their medium. */
  evidence: { id: string; url: string | null; text: string; author: { handle: string; followers: number }; publishedAt: string; sentiment: string }[];
  links: { alert: string | null; acknowledge: string | null; crisis: string | null };
  /** The message a person reads, as the email says it: in the entity's language, times in its time zone. */
  message: { language: string; timeZone: string; headline: string; subject: string; whatHappened: string; sinceWhen: string; howBig: string; whoDrives: string; nextStep: string };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const webhookEventName = (message: AlertMessage) => `alert.${message.event}`;

export function buildWebhookPayload(message: AlertMessage, channelId: string): WebhookPayload {
  const { alert } = message;
  const story = alertStory(message);
  return {
    event: webhookEventName(message),
    deliveryId: deliveryId(alert.id, channelId, message.event, alert.severity),
    alert: {
      id: alert.id,
      dedupKey: alert.dedupKey,
      status: alert.status,
      severity: alert.severity,
      detectors: alert.detectors,
      why: alert.why,
      numbers: alert.numbers,
      phrases: alert.phrases,
      onsetAt: new Date(alert.onsetAt).toISOString(),
      detectedAt: new Date(alert.detectedAt).toISOString(),
      acknowledgedAt: iso(alert.acknowledgedAt),
      resolvedAt: iso(alert.resolvedAt),
    },
    entity: { id: alert.entityId, name: message.entityName },
    evidence: message.evidence.map((m) => ({
      id: m.id,
      url: safeLinkUrl(m.url),
      text: m.text,
      author: { handle: m.authorHandle, followers: m.authorFollowers },
      publishedAt: new Date(m.publishedAt).toISOString(),
      sentiment: m.sentiment,
    })),
    links: {
      alert: safeLinkUrl(message.alertUrl),
      crisis: safeLinkUrl(message.crisisUrl ?? ''),
      acknowledge: canAcknowledge(message.event, message.acknowledgeUrl) ? safeLinkUrl(message.acknowledgeUrl) : null,
    },
    message: {
      language: message.language ?? 'en',
      timeZone: message.timeZone ?? 'UTC',
      headline: story.headline,
      subject: story.subject,
      whatHappened: story.whatHappened,
      sinceWhen: story.sinceWhen,
      howBig: message.event === 'resolved' ? '' : story.howBig,
      whoDrives: story.whoDrives,
      nextStep: story.nextStep,
    },
  };
}
