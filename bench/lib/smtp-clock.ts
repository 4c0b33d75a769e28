// An in-process SMTP server (smtp-server) that notes when it accepted each message, for the alert-latency case.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface AcceptedMail {
  subject: string;
  text: string;
  /** Epoch ms at which the message's data was fully received (what the sender sees as accepted). */
  acceptedAt: number;
}

export interface SmtpClock {
  url: string;
  mails: AcceptedMail[];
  close(): Promise<void>;
}

export async function startSmtpClock(): Promise<SmtpClock> {
  const mails: AcceptedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const acceptedAt = Date.now();
        callback();
        // Parsed after accepting, so parsing never counts in the latency.
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => mails.push({ subject: mail.subject ?? '', text: mail.text ?? '', acceptedAt }),
          () => mails.push({ subject: '', text: '', acceptedAt }),
        );
      });
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((done) => server.close(() => done())) };
}
