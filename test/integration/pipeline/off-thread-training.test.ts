// Training runs on a worker thread: the process's event loop (API, detectors, job locks) keeps turning meanwhile.
import { describe, expect, it } from 'vitest';
import type { SentimentExample } from '../../../src/scoring/learning/index.js';
import { trainOffThread } from '../../../src/stages/off-thread-training.js';

const TONES = {
  positive: ['love the new app', 'great support today', 'thanks, fixed fast', 'works perfectly now'],
  negative: ['the app crashed again', 'worst support ever', 'refund still missing', 'broken after the update'],
  neutral: ['the store opens at nine', 'new version out today', 'is the app on android', 'meeting moved to friday'],
} as const;

/** Labelled posts enough for cross-validation to take a few seconds. */
function examples(n: number): SentimentExample[] {
  const labels = Object.keys(TONES) as (keyof typeof TONES)[];
  return Array.from({ length: n }, (_, i) => {
    const label = labels[i % 3];
    const phrases = TONES[label];
    return { text: `${phrases[i % 4]} #${i % 17} ${phrases[(i >> 2) % 4]}`, lang: 'en', label };
  });
}

describe('training off the event loop', () => {
  it('cross-validates and trains on its own thread while the event loop keeps turning', { timeout: 120_000 }, async () => {
    let turns = 0;
    let training = true;
    const spin = (async () => {
      while (training) {
        await new Promise((resolve) => setImmediate(resolve));
        turns++;
      }
    })();
    const { cv, model } = await trainOffThread({ kind: 'sentiment', examples: examples(600), folds: 3 });
    training = false;
    await spin;
    expect(cv.n).toBe(600);
    expect(cv.trainedMacroF1).toBeGreaterThan(90);
    expect(model.languages.en).toBeDefined();
    // Trained on this thread, the loop would have turned only before and after: it turned throughout.
    expect(turns).toBeGreaterThan(100);
  });

  it('rejects with the thread error instead of hanging', async () => {
    await expect(trainOffThread({ kind: 'tags', examples: null as never, tagIds: ['x'] })).rejects.toThrow();
  });
});
