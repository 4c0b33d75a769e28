// Case 1: scoring throughput on one core against the bare `sentiment` package, on the demo scenario's posts.
import { benchScoring } from '../scoring-speed.js';
import { demoMentions } from '../lib/demo-texts.js';
import { fmtRate, type BenchRow } from '../lib/result-table.js';

const TARGET_PER_SEC = 20_000;
const TARGET_RATIO = 0.12;

export async function scoringCase(): Promise<BenchRow[]> {
  const texts = demoMentions().map((m) => m.text);
  const { vigiePerSec, sentimentPerSec } = await benchScoring(texts);
  const ratio = vigiePerSec / sentimentPerSec;
  return [
    {
      case: '1 scoring',
      figure: 'mentions/s, one core (lang, EN/FR sentiment, masking, influence, risk)',
      value: fmtRate(vigiePerSec),
      baseline: `${fmtRate(sentimentPerSec)} (sentiment pkg)`,
      ratio,
      target: `>= ${fmtRate(TARGET_PER_SEC)} and ratio >= ${TARGET_RATIO}`,
      pass: vigiePerSec >= TARGET_PER_SEC && ratio >= TARGET_RATIO,
      raw: { vigiePerSec, sentimentPerSec, texts: texts.length },
    },
  ];
}
