// What every route needs, built once by the server.
import type { RedisClient } from '../queue/redis-connection.js';
import type { Logger } from 'pino';
import type { VigieConfig } from '../config/load-config.js';
import type { Store } from '../store/database.js';
import type { AlertEventHub } from './alert-event-hub.js';
import type { FailedAuthLimiter } from './failed-auth-limiter.js';

export interface RouteContext {
  config: VigieConfig;
  store: Store;
  /** For routes that only read (KPIs, mentions, audience, influencers): the read replica when one is configured. */
  readStore: Store;
  logger: Logger;
  now: () => number;
  hub: AlertEventHub;
  limiter: FailedAuthLimiter;
  redis?: RedisClient;
  ready?: () => Promise<Record<string, string>>;
}
