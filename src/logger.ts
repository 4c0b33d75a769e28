// Structured logs (pino): JSON by default, pretty on a terminal, and never a secret.
import { pino, type Logger } from 'pino';

/** Keys whose values are secrets wherever they appear in a logged object. */
export const REDACTED_PATHS = [
  'token', '*.token', 'password', '*.password', 'secret', '*.secret', 'apiKey', '*.apiKey', 'bearerToken', '*.bearerToken',
  'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization', 'req.headers["x-api-key"]',
  'url', '*.url', 'smtp.url', 'redis.url', 'redis.cluster', 'database.url', 'database.readUrl', 'clientSecret', '*.clientSecret',
];

export interface LoggerOptions {
  level?: string;
  pretty?: boolean;
  /** Where lines go (tests capture them); stdout when omitted. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
  const redact = { paths: REDACTED_PATHS, censor: '[redacted]' };
  if (options.destination) return pino({ level, redact }, options.destination as never);
  const pretty = options.pretty ?? (process.stdout.isTTY === true && process.env.LOG_FORMAT !== 'json');
  if (pretty) {
    return pino({ level, redact, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } });
  }
  return pino({ level, redact });
}

export type { Logger };
