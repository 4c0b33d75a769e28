// Case 1: scoring throughput on one core against the bare `sentiment` package, on the demo scenario's posts.
import { readFileSync } from 'node:fs';
import { benchScoring, type StanceWork } from '../scoring-speed.js';
import { parseConfig } from '../../src/config/load-config.js';
import { createEntityMatcher } from '../../src/domain/entity-matcher.js';
import { createTargetStance } from '../../src/scoring/target-stance.js';
import { demoMentions } from '../lib/demo-texts.js';
import { fmtRate, type BenchRow } from '../lib/result-table.js';
import { scoreSentiment } from '../../src/scoring/sentiment.js';
import { trainSentimentModel, type SentimentModel } from '../../src/scoring/learning/sentiment-model.js';
import type { MentionInput } from '../../src/domain/mention.js';

const TARGET_PER_SEC = 20_000;
const TARGET_RATIO = 0.12;

/**
 * A model of realistic size for the "model loaded" variant: trained on the demo posts themselves, labelled by the
 * lexicon (project data, never the eval files). Speed depends on the features read per post, not on the weights' values.
 */
function demoModel(mentions: MentionInput[]): SentimentModel {
  const examples = mentions.map((m) => {
    const lang = m.langHint === 'fr' ? 'fr' : 'en';
    return { text: m.text, lang, label: scoreSentiment(m.text, { lang }).label };
  });
  return trainSentimentModel(examples);
}

/**
 * The score stage also reads each mention's tone per linked entity (target-stance.ts): measured with it, on the demo's
 * own entities (a brand, its product and CEO, two competitors), the entities matched beforehand as the collect stage does.
 */
function demoStance(mentions: MentionInput[]): StanceWork {
  const { entities } = parseConfig(readFileSync('config/demo.yaml', 'utf8'), 'config/demo.yaml', { VIGIE_PORT: '0' });
  const matcher = createEntityMatcher(entities);
  return { stance: createTargetStance(entities), entityIds: mentions.map((m) => matcher.match(m.text)) };
}

export async function scoringCase(): Promise<BenchRow[]> {
  const mentions = demoMentions();
  const texts = mentions.map((m) => m.text);
  const stance = demoStance(mentions);
  const model = demoModel(mentions);
  const speed = await benchScoring(texts, model, stance);
  const { vigiePerSec, sentimentPerSec } = speed;
  const withModelPerSec = speed.withModelPerSec!;
  const ratio = vigiePerSec / sentimentPerSec;
  return [
    {
      case: '1 scoring',
      figure: 'mentions/s, one core (lang, EN/FR sentiment, masking, influence, risk, tone per entity)',
      value: fmtRate(vigiePerSec),
      baseline: `${fmtRate(sentimentPerSec)} (sentiment pkg)`,
      ratio,
      target: `>= ${fmtRate(TARGET_PER_SEC)} and ratio >= ${TARGET_RATIO}`,
      pass: vigiePerSec >= TARGET_PER_SEC && ratio >= TARGET_RATIO,
      raw: { vigiePerSec, sentimentPerSec, texts: texts.length },
    },
    {
      case: '1 scoring, model loaded',
      figure: 'mentions/s, one core, with a trained sentiment model (en + fr)',
      value: fmtRate(withModelPerSec),
      baseline: `${fmtRate(sentimentPerSec)} (sentiment pkg)`,
      ratio: withModelPerSec / sentimentPerSec,
      target: `>= ${fmtRate(TARGET_PER_SEC)}`,
      pass: withModelPerSec >= TARGET_PER_SEC,
      raw: { ...speed, texts: texts.length, modelLanguages: Object.keys(model.languages).length, modelOverNoModel: withModelPerSec / vigiePerSec },
    },
  ];
}
