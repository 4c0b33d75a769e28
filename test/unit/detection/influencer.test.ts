import { describe, expect, it } from 'vitest';
import { defaultDetectionParams } from '../../../src/detection/detection-params.js';
import { detectInfluentialNegative } from '../../../src/detection/influencer.js';
import { MINUTE_MS } from '../../../src/detection/series.js';
import { NOW, mention, window } from './fixtures.js';

const params = defaultDetectionParams;
const engaged = (n: number) => ({ likes: 0, reshares: n, replies: 0, quotes: 0 });

describe('detectInfluentialNegative', () => {
  it('raises a very influential author at once', () => {
    const notable = [mention({ id: 'star', authorHandle: 'star', authorFollowers: 1_200_000, authorInfluence: 93, text: 'acme lost my luggage twice' })];
    const found = detectInfluentialNegative(window({ notable }), params);
    expect(found?.severity).toBe('high');
    expect(found?.why).toBe("@star (1.2M followers, influence 93) posted a negative post with 0 reshares/replies so far: 'acme lost my luggage twice'");
    expect(found?.evidence).toEqual(['star']);
  });

  it('waits for traction below the high-influence mark', () => {
    const quiet = [mention({ id: 'a', authorInfluence: 75, engagement: engaged(10) })];
    expect(detectInfluentialNegative(window({ notable: quiet }), params)).toBeNull();
    const spreading = [mention({ id: 'a', authorInfluence: 75, engagement: engaged(60) })];
    expect(detectInfluentialNegative(window({ notable: spreading }), params)?.severity).toBe('medium');
  });

  it('counts an influencer amplifying someone else\'s complaint', () => {
    const notable = [
      mention({ id: 'orig', text: 'acme charged me twice', publishedAt: NOW - 20 * MINUTE_MS }),
      mention({ id: 'rs', authorHandle: 'bigname', authorInfluence: 95, authorFollowers: 800_000, isReshareOf: 'orig', text: 'RT acme charged me twice' }),
    ];
    const found = detectInfluentialNegative(window({ notable }), params);
    expect(found?.why).toContain('@bigname (800k followers, influence 95) amplified');
    expect(found?.why).toContain("'acme charged me twice'");
    expect(found?.evidence).toEqual(['rs', 'orig']);
    expect(found?.onsetAt).toBe(NOW - 20 * MINUTE_MS);
  });

  it('ignores positive posts and posts older than the lookback', () => {
    const notable = [
      mention({ id: 'p', authorInfluence: 95, sentiment: 'positive' }),
      mention({ id: 'old', authorInfluence: 95, publishedAt: NOW - 45 * MINUTE_MS }),
    ];
    expect(detectInfluentialNegative(window({ notable }), params)).toBeNull();
  });
});
