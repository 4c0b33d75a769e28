// Signs generic webhook requests, and verifies them as a receiver should.
import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * How a receiver verifies a Vigie webhook request:
 *   1. Read the raw body bytes exactly as received (before any JSON parsing), and the headers
 *      X-Vigie-Timestamp (Unix seconds) and X-Vigie-Signature ("sha256=<hex>").
 *   2. Reject the request when the timestamp is more than 5 minutes away from your clock: a captured
 *      request cannot be replayed later.
 *   3. Compute HMAC-SHA256 with the channel's secret over `${timestamp}.${rawBody}`, hex-encoded, and
 *      compare it with the header's hex in constant time (crypto.timingSafeEqual, hmac.compare_digest).
 *   4. Drop a request whose X-Vigie-Delivery (alertId:channelId:event, or alertId:channelId:escalated:severity)
 *      was already processed: a retry after a timeout can deliver the same event twice.
 * `verifyWebhookSignature` below does steps 2 and 3.
 */

export const SIGNATURE_HEADER = 'x-vigie-signature';
export const TIMESTAMP_HEADER = 'x-vigie-timestamp';
export const EVENT_HEADER = 'x-vigie-event';
export const DELIVERY_HEADER = 'x-vigie-delivery';

/** How far a receiver should accept a timestamp from its own clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The X-Vigie-Signature value for a body sent at `timestamp` (Unix seconds). */
export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'malformed' | 'bad-signature' | 'stale' };

export function verifyWebhookSignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  const { timestamp, signature } = headers;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature || !/^sha256=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(signWebhookBody(secret, Number(timestamp), rawBody));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return { ok: false, reason: 'stale' };
  return { ok: true };
}
