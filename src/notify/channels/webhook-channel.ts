// Alert channel: a generic HTTPS webhook, POSTing the alert as JSON signed with the channel's secret.
import { assertAccepted, postJson, type HttpChannelConfig, type HttpChannelOptions } from '../guarded-post.js';
import { parseWebhookUrl } from '../ssrf-guard.js';
import { buildWebhookPayload, webhookEventName } from '../webhook-payload.js';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from '../webhook-signature.js';
import type { AlertChannel } from './channel.js';

export interface WebhookChannelOptions extends HttpChannelOptions {
  /** Clock for the signed timestamp. @defaultValue Date.now */
  now?: () => number;
}

export function webhookChannel(config: HttpChannelConfig & { secret?: string }, options: WebhookChannelOptions = {}): AlertChannel {
  parseWebhookUrl(config.url, config.allowPrivateNetwork);
  // Unsigned requests would let anyone who learns the receiver's URL forge alerts.
  if (!config.secret) throw new Error(`channel ${config.id}: a webhook channel needs a secret to sign its requests`);
  const secret = config.secret;
  const now = options.now ?? Date.now;
  return {
    id: config.id,
    type: 'webhook',
    async deliver(message) {
      const payload = buildWebhookPayload(message, config.id);
      const body = JSON.stringify(payload);
      // Signed at each attempt: a retry carries a fresh timestamp, so receivers can keep a short replay window.
      const timestamp = Math.floor(now() / 1000);
      const headers = {
        [SIGNATURE_HEADER]: signWebhookBody(secret, timestamp, body),
        [TIMESTAMP_HEADER]: String(timestamp),
        [EVENT_HEADER]: webhookEventName(message),
        [DELIVERY_HEADER]: payload.deliveryId,
      };
      const answer = await postJson(config.url, body, headers, { ...options, allowPrivateNetwork: config.allowPrivateNetwork });
      assertAccepted(answer, config.url);
    },
  };
}
