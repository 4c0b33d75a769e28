// One Redis subscription per API process, fanned out to every open dashboard (server-sent events).
import type { RedisClient } from '../queue/redis-connection.js';
import type { Logger } from 'pino';
import { publishAlertEvent, subscribeAlertEvents, type AlertEventMessage } from '../queue/alert-events.js';

export interface AlertEventHub {
  /** Calls `listener` for every alert change until the returned function is called. */
  listen(listener: (m: AlertEventMessage) => void): () => void;
  /** Announces a change made by this process: through Redis to every process (this one included), or locally without Redis. */
  publish(message: AlertEventMessage): Promise<void>;
  close(): Promise<void>;
}

export function createAlertEventHub(redis: RedisClient | undefined, prefix: string, logger: Logger): AlertEventHub {
  const listeners = new Set<(m: AlertEventMessage) => void>();
  const fanOut = (m: AlertEventMessage) => {
    for (const listener of listeners) listener(m);
  };
  let subscriber: RedisClient | undefined;
  let unsubscribe: (() => Promise<void>) | undefined;
  let starting: Promise<void> | undefined;
  // Subscribed lazily: a process whose dashboard nobody opens holds no extra connection.
  const start = () => {
    if (!redis || starting) return;
    subscriber = redis.duplicate();
    subscriber.on('error', (error) => logger.warn({ err: error.message }, 'alert event subscription error'));
    starting = subscribeAlertEvents(subscriber, prefix, fanOut).then(
      (stop) => void (unsubscribe = stop),
      (error: Error) => logger.warn({ err: error.message }, 'cannot subscribe to alert events; dashboards will not update live'),
    );
  };
  return {
    listen(listener) {
      start();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async publish(message) {
      if (redis) await publishAlertEvent(redis, prefix, message);
      else fanOut(message);
    },
    async close() {
      listeners.clear();
      await starting;
      await unsubscribe?.().catch(() => {});
      subscriber?.disconnect();
    },
  };
}
