// Alert changes published on Redis pub/sub, so every API process can push them to open dashboards (SSE).
import type { RedisClient } from './redis-connection.js';
import type { AlertEvent } from './names.js';

export interface AlertEventMessage {
  alertId: string;
  entityId: string;
  event: AlertEvent | 'updated' | 'acknowledged';
  severity: string;
  at: number;
}

export const alertEventsChannel = (prefix: string) => `${prefix}:alert-events`;

export async function publishAlertEvent(redis: RedisClient, prefix: string, message: AlertEventMessage): Promise<void> {
  await redis.publish(alertEventsChannel(prefix), JSON.stringify(message));
}

/** Subscribes with a dedicated connection (a subscribed ioredis client can do nothing else). */
export async function subscribeAlertEvents(subscriber: RedisClient, prefix: string, onMessage: (m: AlertEventMessage) => void): Promise<() => Promise<void>> {
  const channel = alertEventsChannel(prefix);
  const listener = (ch: string, raw: string) => {
    if (ch !== channel) return;
    try {
      onMessage(JSON.parse(raw) as AlertEventMessage);
    } catch {
      // a foreign message on our channel is ignored
    }
  };
  subscriber.on('message', listener);
  await subscriber.subscribe(channel);
  return async () => {
    subscriber.off('message', listener);
    await subscriber.unsubscribe(channel);
  };
}
