// Alert channel: email through the configured mailer (SMTP or the outbox folder).
import type { Mailer } from '../mailer.js';
import { renderAlertEmail } from '../alert-email.js';
import type { AlertChannel } from './channel.js';

export function emailChannel(config: { id: string; to: string[]; from: string }, mailer: Mailer): AlertChannel {
  return {
    id: config.id,
    type: 'email',
    async deliver(message) {
      const { subject, html, text } = renderAlertEmail(message);
      await mailer.send({
        from: config.from,
        to: config.to,
        subject,
        html,
        text,
        // Threads every update of one crisis together in the recipient's mail client.
        headers: { 'X-Vigie-Alert': message.alert.id, References: `<alert-${message.alert.id}@vigie>` },
      });
    },
  };
}
