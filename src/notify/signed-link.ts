// Signed, expiring links (acknowledge an alert from an email) so that a forwarded or guessed URL does nothing.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SignedAction {
  action: string;
  id: string;
  /** Epoch ms after which the link no longer works. */
  expires: number;
}

function signature(secret: string, a: SignedAction): string {
  return createHmac('sha256', secret).update(`${a.action}\n${a.id}\n${a.expires}`).digest('base64url');
}

export function signAction(secret: string, a: SignedAction): string {
  return new URLSearchParams({ action: a.action, id: a.id, expires: String(a.expires), sig: signature(secret, a) }).toString();
}

export type VerifyResult = { ok: true; action: SignedAction } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

export function verifyAction(secret: string, query: Record<string, unknown>, now = Date.now()): VerifyResult {
  const { action, id, expires, sig } = query;
  if (typeof action !== 'string' || typeof id !== 'string' || typeof expires !== 'string' || typeof sig !== 'string') {
    return { ok: false, reason: 'malformed' };
  }
  const parsed: SignedAction = { action, id, expires: Number(expires) };
  if (!Number.isFinite(parsed.expires)) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(signature(secret, parsed));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
  if (parsed.expires < now) return { ok: false, reason: 'expired' };
  return { ok: true, action: parsed };
}
