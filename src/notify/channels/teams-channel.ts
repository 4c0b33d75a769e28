// Alert channel: a Microsoft Teams Workflows webhook, posting the Adaptive Card.
import { assertAccepted, postJson, type HttpChannelConfig, type HttpChannelOptions } from '../guarded-post.js';
import { parseWebhookUrl } from '../ssrf-guard.js';
import { renderTeamsCard } from '../teams-card.js';
import type { AlertChannel } from './channel.js';

export function teamsChannel(config: HttpChannelConfig, options: HttpChannelOptions = {}): AlertChannel {
  // A bad scheme or a literal internal address fails at start-up, not at the first crisis.
  parseWebhookUrl(config.url, config.allowPrivateNetwork);
  return {
    id: config.id,
    type: 'teams',
    async deliver(message) {
      // Workflows answer 202 Accepted once the flow run is queued; any 2xx counts as accepted.
      const answer = await postJson(config.url, JSON.stringify(renderTeamsCard(message)), {}, { ...options, allowPrivateNetwork: config.allowPrivateNetwork });
      assertAccepted(answer, config.url);
    },
  };
}
