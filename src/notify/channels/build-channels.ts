// Builds the configured alert channels.
import type { ChannelConfig } from '../../config/schema.js';
import type { Mailer } from '../mailer.js';
import type { AlertChannel } from './channel.js';
import { emailChannel } from './email-channel.js';

export function buildChannels(configs: readonly ChannelConfig[], mailer: Mailer): Map<string, AlertChannel> {
  const out = new Map<string, AlertChannel>();
  for (const c of configs) {
    if (c.type === 'email') out.set(c.id, emailChannel(c, mailer));
  }
  return out;
}
