// The bursty side of a simulated mention stream: reshare cascades, benign spikes, news days, outages (seeded, pure).
import type { Random } from './sim-random.js';

/**
 * What makes real mention counts harder than Poisson minutes, calibrated against real brand series (nab_dev; see
 * `npm run eval:detection -- --calibration`): counts come in cascades, some days are news days, spikes that are not
 * crises happen every week, nights are empty, collectors go down.
 */
export interface BurstModel {
  /** Mean reshares a mention triggers (Hawkes branching ratio, below 1). */
  branching: number;
  /** Mean delay of a reshare, minutes (exponential kernel). */
  delayMinutes: number;
  /** Log-normal sigma of a mention's share of the cascade: most mentions are never reshared, a few make the cascade. */
  cascadeSigma: number;
  /** Benign spikes a day (a celebrity mention, a match, a namesake in the news). */
  benignPerDay: number;
  /** Pareto shape and minimum of a benign spike's peak, as a multiple of the hour's usual rate. */
  benignShape: number;
  benignMinSize: number;
  /** Log-normal sigma of the day-to-day level; a news day (this chance a day) multiplies it by 1.5 to 4. */
  daySigma: number;
  newsDayChance: number;
  /** Chance a day that the collector goes down for 1 to 6 hours (counts are zero). */
  outagePerDay: number;
}

export const REALISTIC_BURSTS: BurstModel = {
  branching: 0.5,
  delayMinutes: 3,
  cascadeSigma: 1.6,
  benignPerDay: 1,
  benignShape: 1.3,
  benignMinSize: 3,
  daySigma: 0.3,
  newsDayChance: 0.08,
  outagePerDay: 0.04,
};

interface BenignSpike {
  at: number;
  /** Extra mentions per minute at the peak, relative to the usual rate per minute. */
  size: number;
  decayMinutes: number;
  negativeShare: number;
}

/**
 * Minute by minute: `step(usualPerMinute, minuteIndex)` returns how many ordinary mentions the minute holds (immigrants
 * at (1 - branching) x the usual rate, so the mean stays the usual rate, plus the reshares the earlier mentions
 * triggered), and the benign-spike mentions with their own negative share. Reshares are spread over the following
 * minutes with an exponential kernel; each mention's expected reshares are branching x a log-normal mark of mean 1,
 * capped so the cascade stays subcritical.
 */
export class BurstProcess {
  private excitation = 0;
  private readonly decay: number;
  private readonly spikes: BenignSpike[] = [];
  private dayFactor = 1;
  private outageUntil = -1;

  constructor(
    private readonly rng: Random,
    private readonly model: BurstModel,
  ) {
    this.decay = Math.exp(-1 / Math.max(0.1, model.delayMinutes));
  }

  /** Called at the first minute of each day: the day's level, a possible news day, a possible outage. */
  startDay(minuteIndex: number): number {
    const m = this.model;
    this.dayFactor = Math.exp(m.daySigma * this.rng.normal() - (m.daySigma * m.daySigma) / 2);
    if (this.rng.chance(m.newsDayChance)) this.dayFactor *= this.rng.uniform(1.5, 4);
    if (this.rng.chance(m.outagePerDay)) {
      const from = minuteIndex + this.rng.int(0, 23 * 60);
      this.outageFrom = from;
      this.outageUntil = from + this.rng.int(60, 6 * 60);
    }
    const count = this.rng.poisson(m.benignPerDay);
    for (let k = 0; k < count; k++) {
      this.spikes.push({
        at: minuteIndex + this.rng.int(0, 24 * 60 - 1),
        size: Math.min(100, m.benignMinSize * (1 - this.rng.next()) ** (-1 / m.benignShape)),
        decayMinutes: this.rng.uniform(5, 90),
        negativeShare: this.rng.uniform(0.02, 0.25),
      });
    }
    return this.dayFactor;
  }

  private outageFrom = -1;

  /** Whether the collector is down this minute (nothing is counted, events included). */
  isOutage(minuteIndex: number): boolean {
    return minuteIndex >= this.outageFrom && minuteIndex < this.outageUntil;
  }

  /** The day's level factor (mean 1 over days). */
  get day(): number {
    return this.dayFactor;
  }

  /** Ordinary mentions this minute (immigrants + reshares) for a usual rate of `usualPerMinute`. */
  ordinary(usualPerMinute: number): number {
    const m = this.model;
    const n = this.rng.poisson(usualPerMinute * (1 - m.branching) + this.excitation);
    // Expected reshares these mentions trigger: a heavy-tailed mark each (sampled up to 40, then scaled).
    const sampled = Math.min(n, 40);
    let marks = 0;
    for (let k = 0; k < sampled; k++) marks += Math.min(30, this.rng.logNormal(1, m.cascadeSigma) * Math.exp(-(m.cascadeSigma ** 2) / 2));
    const offspring = sampled > 0 ? m.branching * marks * (n / sampled) : 0;
    this.excitation = this.excitation * this.decay + offspring * (1 - this.decay);
    return n;
  }

  /** Benign-spike mentions this minute and how many of them are negative. */
  benign(minuteIndex: number, usualPerMinute: number): { count: number; negative: number } {
    let count = 0;
    let negative = 0;
    for (let i = this.spikes.length - 1; i >= 0; i--) {
      const s = this.spikes[i];
      if (minuteIndex < s.at) continue;
      const since = minuteIndex - s.at;
      if (since > 8 * s.decayMinutes) {
        this.spikes.splice(i, 1);
        continue;
      }
      const extra = this.rng.poisson(usualPerMinute * s.size * Math.exp(-since / s.decayMinutes));
      count += extra;
      negative += this.rng.binomial(extra, s.negativeShare);
    }
    return { count, negative };
  }
}
