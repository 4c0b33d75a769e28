// Sends email through SMTP when configured; otherwise writes each message as an .eml file to the outbox folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';

export interface MailResult {
  messageId: string;
  /** Where it went: "smtp host:port" or the .eml path. */
  destination: string;
}

export interface Mailer {
  send(message: SendMailOptions): Promise<MailResult>;
  /** Checks the SMTP server answers (always fine for the outbox). */
  verify(): Promise<string>;
  close(): void;
}

export interface MailerOptions {
  smtpUrl: string;
  outboxDir: string;
}

export function createMailer(options: MailerOptions): Mailer {
  return options.smtpUrl ? smtpMailer(options.smtpUrl) : outboxMailer(resolve(options.outboxDir));
}

function smtpMailer(url: string): Mailer {
  const parsed = new URL(url);
  const where = `smtp ${parsed.hostname}:${parsed.port || 25}`;
  // Timeouts short enough that a dead server fails the job (and BullMQ retries it) instead of hanging a worker.
  const transport: Transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    tls: { rejectUnauthorized: parsed.searchParams.get('tlsInsecure') !== '1' },
  } as never);
  return {
    async send(message) {
      const info = await transport.sendMail(message);
      return { messageId: info.messageId, destination: where };
    },
    async verify() {
      await transport.verify();
      return `${where} accepts connections`;
    },
    close: () => transport.close(),
  };
}

function outboxMailer(dir: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await transport.sendMail(message);
      mkdirSync(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const safeId = info.messageId.replace(/[^A-Za-z0-9@._-]/g, '');
      const path = join(dir, `${stamp}-${safeId}.eml`);
      writeFileSync(path, info.message as Buffer);
      return { messageId: info.messageId, destination: path };
    },
    async verify() {
      mkdirSync(dir, { recursive: true });
      return `no SMTP configured: emails are written to ${dir}`;
    },
    close: () => transport.close(),
  };
}
