// Signing and verifying generic webhook requests, against a vector computed with openssl.
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from '../../../src/notify/webhook-signature.js';

// printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 's3cret'
const VECTOR = 'sha256=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940';

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of "timestamp.body"', () => {
    expect(signWebhookBody('s3cret', 1_700_000_000, '{"a":1}')).toBe(VECTOR);
  });

  it('verifies a fresh, untouched request', () => {
    expect(verifyWebhookSignature('s3cret', { timestamp: '1700000000', signature: VECTOR }, '{"a":1}', 1_700_000_120)).toEqual({ ok: true });
  });

  it('rejects a changed body, a changed timestamp, or another secret', () => {
    expect(verifyWebhookSignature('s3cret', { timestamp: '1700000000', signature: VECTOR }, '{"a":2}', 1_700_000_000)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyWebhookSignature('s3cret', { timestamp: '1700000001', signature: VECTOR }, '{"a":1}', 1_700_000_000)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyWebhookSignature('other', { timestamp: '1700000000', signature: VECTOR }, '{"a":1}', 1_700_000_000)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('rejects a replay older than five minutes, and a timestamp from the future', () => {
    expect(verifyWebhookSignature('s3cret', { timestamp: '1700000000', signature: VECTOR }, '{"a":1}', 1_700_000_301)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhookSignature('s3cret', { timestamp: '1700000000', signature: VECTOR }, '{"a":1}', 1_699_999_699)).toEqual({ ok: false, reason: 'stale' });
  });

  it('rejects missing or malformed headers', () => {
    expect(verifyWebhookSignature('s3cret', { timestamp: undefined, signature: VECTOR }, '{"a":1}', 1_700_000_000)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyWebhookSignature('s3cret', { timestamp: '1700000000', signature: VECTOR.slice(7) }, '{"a":1}', 1_700_000_000)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyWebhookSignature('s3cret', { timestamp: '17e8', signature: VECTOR }, '{"a":1}', 1_700_000_000)).toEqual({ ok: false, reason: 'malformed' });
  });
});
