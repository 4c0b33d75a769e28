// `vigie score`: with a config, the text is scored as the pipeline scores it: watched names masked, the team's active
// model deciding; --lexicon and no config give the default scorer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreCommand } from '../../../src/commands/score.js';
import { withStore } from '../../../src/commands/with-store.js';
import { serializeModel, trainSentimentModel, type SentimentExample } from '../../../src/scoring/learning/index.js';
import { saveModel } from '../../../src/store/model-repository.js';

let dir: string;
let configPath: string;

// The team's labels say that "grounded" is bad news here, a word the default scorer reads as neutral.
const labels: SentimentExample[] = Array.from({ length: 90 }, (_, i) => {
  const label = (['negative', 'neutral', 'positive'] as const)[i % 3];
  const text = { negative: `flight grounded again ${i}`, neutral: `flight schedule posted ${i}`, positive: `crew was lovely ${i}` }[label];
  return { text, lang: 'en', label };
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-score-'));
  configPath = join(dir, 'vigie.yaml');
  writeFileSync(configPath, `dataDir: ${JSON.stringify(dir)}\nentities:\n  - { id: acme, name: Acme, kind: brand, terms: [Acme Air] }\n`);
  await withStore(configPath, (store) =>
    saveModel(store.db, {
      kind: 'sentiment', lang: 'en', createdBy: 'test', createdAt: 1, labels: labels.length, cvMacroF1: 90, lexiconMacroF1: 40,
      adopted: true, metrics: {}, model: serializeModel(trainSentimentModel(labels)),
    }),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vigie score', () => {
  const text = 'Acme Air flight grounded again';

  it("uses the config's watched names and the team's active model", async () => {
    const out = await scoreCommand(text, { configPath, mask: [], lexiconOnly: false });
    expect(out).toMatch(/^sentiment: {2}negative/m);
    expect(out).toContain('trained model: negative');
    expect(out).toContain("scorer:     the team's trained model for en");
    expect(out).not.toMatch(/^masked: .*Acme Air/m);
  });

  it('gives the default scorer with --lexicon or without a config', async () => {
    for (const out of [await scoreCommand(text, { configPath, mask: [], lexiconOnly: true }), await scoreCommand(text, { mask: [], lexiconOnly: false })]) {
      expect(out).not.toContain('trained model:');
      expect(out).toMatch(/scorer: {5}the default scorer/);
    }
  });
});
