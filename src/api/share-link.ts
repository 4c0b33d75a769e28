// Shareable read-only links to a dashboard view: one entity over one period, signed with the link secret and expiring.
// The token travels in the link's path; the shared page sends it back as `Authorization: Share <token>`, which the
// API admits for GET requests about that entity and period only.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ShareGrant {
  entity: string;
  /** The period shown, epoch ms (to exclusive). */
  from: number;
  to: number;
  /** Epoch ms after which the link no longer works. */
  expires: number;
}

const sign = (secret: string, payload: string) => createHmac('sha256', `vigie-share\n${secret}`).update(payload).digest('base64url');

export function signShare(secret: string, grant: ShareGrant): string {
  const payload = Buffer.from(JSON.stringify([grant.entity, grant.from, grant.to, grant.expires])).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export type ShareCheck = { ok: true; grant: ShareGrant } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

export function verifyShare(secret: string, token: string, now: number): ShareCheck {
  const match = /^([A-Za-z0-9_-]{1,600})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(secret, match[1]));
  const given = Buffer.from(match[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!Array.isArray(fields) || fields.length !== 4 || typeof fields[0] !== 'string' || !fields.slice(1).every(Number.isFinite)) return { ok: false, reason: 'malformed' };
  const grant: ShareGrant = { entity: fields[0], from: fields[1], to: fields[2], expires: fields[3] };
  if (grant.expires < now) return { ok: false, reason: 'expired' };
  return { ok: true, grant };
}

/** The API routes a shared view reads; everything else (alerts, exports, writes) stays behind the token. */
const SHARED_ROUTES = new Set(['/api/entities', '/api/kpis', '/api/audience', '/api/mentions', '/api/influencers', '/api/themes']);

/**
 * Whether a shared view may make this request: a GET of a read-only route, about the grant's entity, within the
 * grant's period (a missing from/to would read beyond it, so both are required where a route takes them).
 */
export function shareAllows(grant: ShareGrant, method: string, route: string | undefined, query: Record<string, unknown>): boolean {
  if (method !== 'GET' || !route || !SHARED_ROUTES.has(route)) return false;
  if (route === '/api/entities') return true;
  if (query.entity !== grant.entity) return false;
  const from = Number(query.from);
  const to = Number(query.to);
  return Number.isFinite(from) && Number.isFinite(to) && from >= grant.from && to <= grant.to && from < to;
}
