// Alert channel: a Slack incoming webhook, posting the Block Kit message.
import { assertAccepted, postJson, type HttpChannelConfig, type HttpChannelOptions } from '../guarded-post.js';
import { parseWebhookUrl } from '../ssrf-guard.js';
import { renderSlackMessage } from '../slack-message.js';
import type { AlertChannel } from './channel.js';

export function slackChannel(config: HttpChannelConfig, options: HttpChannelOptions = {}): AlertChannel {
  // A bad scheme or a literal internal address fails at start-up, not at the first crisis.
  parseWebhookUrl(config.url, config.allowPrivateNetwork);
  return {
    id: config.id,
    type: 'slack',
    async deliver(message) {
      const answer = await postJson(config.url, JSON.stringify(renderSlackMessage(message)), {}, { ...options, allowPrivateNetwork: config.allowPrivateNetwork });
      assertAccepted(answer, config.url);
    },
  };
}
