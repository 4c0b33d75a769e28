// The earliest instant a simulated crisis stands out of the noise in the negative count: the evaluation's limit on delay.

/**
 * Minutes after onset at which the negative mentions the crisis added since onset first exceed
 * `sigmas` standard deviations of the entity's usual negative count over the same minutes, the
 * usual count being Poisson with the simulator's own mean (a perfect baseline, no overdispersion).
 * No detector of counts can reliably beat it; it is a floor, not a target, and the texts carry
 * other evidence. Minute `m` counts once complete, as the evaluation counts a detection at
 * `now = onset + m`. Null when the crisis never gets there.
 */
export function detectionFloorMinutes(excessNegative: readonly number[], usualNegativeMean: readonly number[], sigmas = 3): number | null {
  let excess = 0;
  let usual = 0;
  const minutes = Math.min(excessNegative.length, usualNegativeMean.length);
  for (let i = 0; i < minutes; i++) {
    excess += excessNegative[i];
    usual += usualNegativeMean[i];
    if (excess > sigmas * Math.sqrt(usual)) return i + 1;
  }
  return null;
}
