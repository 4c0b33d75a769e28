// Builds the configured alert channels once, at start-up, so a bad webhook URL stops Vigie instead of every notify job.
import type { ChannelConfig } from '../../config/schema.js';
import type { Mailer } from '../mailer.js';
import type { AlertChannel } from './channel.js';
import { emailChannel } from './email-channel.js';
import { slackChannel } from './slack-channel.js';
import { teamsChannel } from './teams-channel.js';
import { webhookChannel } from './webhook-channel.js';

export function buildChannels(configs: readonly ChannelConfig[], mailer: Mailer): Map<string, AlertChannel> {
  const out = new Map<string, AlertChannel>();
  for (const c of configs) {
    switch (c.type) {
      case 'email':
        out.set(c.id, emailChannel(c, mailer));
        break;
      case 'slack':
        out.set(c.id, slackChannel(c));
        break;
      case 'teams':
        out.set(c.id, teamsChannel(c));
        break;
      case 'webhook':
        out.set(c.id, webhookChannel(c));
        break;
    }
  }
  return out;
}
