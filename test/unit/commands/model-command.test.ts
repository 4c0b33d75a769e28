import { describe, expect, it } from 'vitest';
import { describeModel, describeTraining, rollbackUsageProblem } from '../../../src/commands/train.js';

describe('vigie model / train output', () => {
  it('asks for --lang when the version alone cannot name a model', () => {
    expect(rollbackUsageProblem('lexicon', undefined)).toMatch(/expected --lang/);
    expect(rollbackUsageProblem('2', undefined)).toMatch(/sentiment-en-v2/);
    expect(rollbackUsageProblem('v2', 'fr')).toBeNull();
    expect(rollbackUsageProblem('sentiment-fr-v2', undefined)).toBeNull();
  });

  it('says which version is active, its figures, and why a language was not trained', () => {
    const m = { id: 'sentiment-en-v3', kind: 'sentiment' as const, lang: 'en', version: 3, createdAt: Date.UTC(2026, 11, 2, 9, 30), createdBy: 'cli', labels: 240, cvMacroF1: 71.04, lexiconMacroF1: 58, adopted: false, active: false, metrics: {} };
    expect(describeModel(m)).toBe('  sentiment-en-v3        2026-12-02 09:30 by cli, 240 labels: lexicon 58.0, trained 71.0 macro-F1 (did not beat the lexicon)');
    expect(describeTraining({ sentiment: [{ lang: 'fr', labels: 4, reason: 'not trained: 4 labels' }], tags: { reason: 'no tagged mention yet' } })).toEqual(['fr: not trained: 4 labels', 'tags: no tagged mention yet']);
  });
});
