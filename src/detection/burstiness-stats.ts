// How bursty a count series is, in figures that can be compared between real series and the simulator (calibration).
import { HOUR_MS } from './series.js';

export interface BurstinessStats {
  meanPerHour: number;
  /** Share of steps with no mention. */
  zeroShare: number;
  /** Variance / mean of the step counts within each hour, pooled (1 for Poisson, whatever the daily rhythm). */
  dispersionStep: number;
  /** Median over the hours of the within-hour variance / mean: the usual hour, not its few wild ones. */
  dispersionStepMedian: number;
  /** Variance / mean of the hourly counts within each 6-hour block, pooled. */
  dispersionHour: number;
  /** Spike episodes a week: a step at least SPIKE_RATIO times the mean of the previous 24 h (and SPIKE_MIN_COUNT), an hour apart. */
  spikesPerWeek: number;
  /** Median, 90th percentile and largest spike ratio (peak step / mean step of the previous 24 h). */
  spikeRatio: [number, number, number];
}

const SPIKE_RATIO = 5;
const SPIKE_MIN_COUNT = 10;

/**
 * `counts[i]` is the count of step i (`stepMs` long, from `start`, no gap: a missing step is a zero).
 * Dispersion is read within short blocks so the daily rhythm does not count as noise.
 */
export function burstinessStats(counts: ArrayLike<number>, start: number, stepMs: number): BurstinessStats {
  const n = counts.length;
  const stepsPerHour = Math.max(1, Math.round(HOUR_MS / stepMs));
  let total = 0;
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    total += counts[i];
    if (counts[i] === 0) zeros++;
  }
  const firstWhole = (Math.ceil(start / HOUR_MS) * HOUR_MS - start) / stepMs;
  const offset = Math.max(0, Math.round(firstWhole));
  const hourly: number[] = [];
  for (let i = offset; i + stepsPerHour <= n; i += stepsPerHour) {
    let sum = 0;
    for (let k = 0; k < stepsPerHour; k++) sum += counts[i + k];
    hourly.push(sum);
  }
  const perBlock: number[] = [];
  const pooled = (values: ArrayLike<number>, from: number, block: number, count: number) => {
    let variance = 0;
    let mean = 0;
    perBlock.length = 0;
    for (let b = 0; b < count; b++) {
      let s = 0;
      for (let k = 0; k < block; k++) s += values[from + b * block + k];
      const m = s / block;
      if (m === 0) continue;
      let v = 0;
      for (let k = 0; k < block; k++) v += (values[from + b * block + k] - m) ** 2;
      variance += v / (block - 1);
      mean += m;
      perBlock.push(v / (block - 1) / m);
    }
    return mean > 0 ? variance / mean : 1;
  };
  const dispersionStep = stepsPerHour > 1 ? pooled(counts, offset, stepsPerHour, Math.floor((n - offset) / stepsPerHour)) : 1;
  const dispersionStepMedian = perBlock.length ? perBlock.sort((a, b) => a - b)[perBlock.length >> 1] : 1;
  const dispersionHour = pooled(hourly, 0, 6, Math.floor(hourly.length / 6));

  const day = Math.round((24 * HOUR_MS) / stepMs);
  const ratios: number[] = [];
  let trailing = 0;
  let lastSpike = -Infinity;
  let peak = 0;
  for (let i = 0; i < n; i++) {
    if (i >= day) {
      const mean = trailing / day;
      const ratio = counts[i] / Math.max(mean, 1e-9);
      if (counts[i] >= SPIKE_MIN_COUNT && ratio >= SPIKE_RATIO) {
        if (i - lastSpike > stepsPerHour) {
          if (peak > 0) ratios.push(peak);
          peak = ratio;
        } else peak = Math.max(peak, ratio);
        lastSpike = i;
      }
    }
    trailing += counts[i];
    if (i >= day) trailing -= counts[i - day];
  }
  if (peak > 0) ratios.push(peak);
  ratios.sort((a, b) => a - b);
  const q = (p: number) => (ratios.length ? ratios[Math.min(ratios.length - 1, Math.floor(p * ratios.length))] : 0);
  const weeks = Math.max(1e-9, ((n - day) * stepMs) / (7 * 24 * HOUR_MS));
  return {
    meanPerHour: (total / Math.max(1, n)) * stepsPerHour,
    zeroShare: zeros / Math.max(1, n),
    dispersionStep,
    dispersionStepMedian,
    dispersionHour,
    spikesPerWeek: ratios.length / weeks,
    spikeRatio: [q(0.5), q(0.9), ratios.length ? ratios[ratios.length - 1] : 0],
  };
}
