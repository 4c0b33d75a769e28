// Macro-F1 of a scorer against the team's labels, from confusion counts (what the Labels page shows).

export const TONES = ['negative', 'neutral', 'positive'] as const;

export interface ConfusionCount {
  /** The team's label. */
  label: string;
  /** What the scorer said. */
  machine: string;
  n: number;
}

/** Mean over the three tones of F1 (a tone nobody labelled and the scorer never said counts as F1 = 1 by convention, so is left out). */
export function macroF1(counts: readonly ConfusionCount[]): number {
  const f1s: number[] = [];
  for (const tone of TONES) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const c of counts) {
      if (c.label === tone && c.machine === tone) tp += c.n;
      else if (c.machine === tone) fp += c.n;
      else if (c.label === tone) fn += c.n;
    }
    if (tp + fp + fn === 0) continue;
    f1s.push((2 * tp) / (2 * tp + fp + fn));
  }
  return f1s.length === 0 ? 0 : f1s.reduce((a, b) => a + b, 0) / f1s.length;
}
