// Stratified k-fold splits: each fold keeps the label mix of the whole set, so a rare class is in every test fold.
import { seededRandom, shuffledCopy } from './seeded-random.js';

/** The fold (0..k-1) of each item, stratified by its class and seeded. */
export function stratifiedFolds(classes: readonly string[], k: number, seed: number): number[] {
  if (!Number.isInteger(k) || k < 2) throw new Error(`cross-validation: k must be an integer of at least 2, got ${k}`);
  if (classes.length < k) throw new Error(`cross-validation: ${classes.length} labelled examples cannot fill ${k} folds`);
  const fold = new Array<number>(classes.length).fill(0);
  const random = seededRandom(seed);
  const byClass = new Map<string, number[]>();
  classes.forEach((label, i) => {
    const list = byClass.get(label) ?? [];
    list.push(i);
    byClass.set(label, list);
  });
  // Dealing continues across classes, so folds stay within one item of the same size.
  let next = 0;
  for (const label of [...byClass.keys()].sort()) {
    for (const i of shuffledCopy(byClass.get(label)!, random)) fold[i] = next++ % k;
  }
  return fold;
}
