// Shared dashboard links: signed, expiring, and good for one entity and period of read-only GETs.
import { describe, expect, it } from 'vitest';
import { shareAllows, signShare, verifyShare } from '../../../src/api/share-link.js';

const grant = { entity: 'acme', from: 1000, to: 5000, expires: 10_000 };

describe('share links', () => {
  it('verifies its own signature until it expires', () => {
    const token = signShare('secret', grant);
    expect(verifyShare('secret', token, 9_999)).toEqual({ ok: true, grant });
    expect(verifyShare('secret', token, 10_001)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyShare('other', token, 0)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a changed grant and malformed tokens', () => {
    const token = signShare('secret', grant);
    const forged = `${Buffer.from(JSON.stringify(['globex', 1000, 5000, 10_000])).toString('base64url')}.${token.split('.')[1]}`;
    expect(verifyShare('secret', forged, 0).ok).toBe(false);
    for (const bad of ['', 'abc', 'a.b', `${token}x`, '../etc/passwd']) expect(verifyShare('secret', bad, 0).ok, bad).toBe(false);
  });

  it('allows read-only GETs about its entity and period only', () => {
    const q = { entity: 'acme', from: '1000', to: '5000' };
    expect(shareAllows(grant, 'GET', '/api/kpis', q)).toBe(true);
    expect(shareAllows(grant, 'GET', '/api/entities', {})).toBe(true);
    expect(shareAllows(grant, 'POST', '/api/kpis', q)).toBe(false);
    expect(shareAllows(grant, 'GET', '/api/alerts', q)).toBe(false);
    expect(shareAllows(grant, 'GET', '/api/mentions.csv', q)).toBe(false);
    expect(shareAllows(grant, 'GET', '/api/kpis', { ...q, entity: 'globex' })).toBe(false);
    expect(shareAllows(grant, 'GET', '/api/kpis', { ...q, from: '999' })).toBe(false);
    expect(shareAllows(grant, 'GET', '/api/kpis', { entity: 'acme' })).toBe(false);
  });
});
