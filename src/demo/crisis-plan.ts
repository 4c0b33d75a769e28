// When the Kelio Aura crisis happens and how loud it gets hour by hour: a smoulder, the amplifier's post, a peak, a day-long decay.
import { activityAt } from './rhythm.js';
import type { Rng } from './random.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface CrisisPlan {
  /** First angry customer's post. */
  startsAt: number;
  /** The influential account's post that makes it go viral. */
  amplifiedAt: number;
  peakAt: number;
  /** When the crisis' own volume has fallen back to about one post an hour. */
  endsAt: number;
  /** Crisis posts per hour at the peak, before the time-of-day rhythm. */
  peakRate: number;
  /** Hours for the viral volume to halve after the peak. */
  halfLifeHours: number;
}

/** Customers posting before the amplifier (per hour). */
export const SMOULDER_RATE = 6;
const RISE_HOURS = 1.5;

/**
 * The crisis starts in the morning (UTC) of the scenario's fourth day, so that three full days of
 * ordinary activity precede it as a baseline and more than a day of calm follows it.
 */
export function planCrisis(scenarioStart: number, rng: Rng): CrisisPlan {
  const fourthDay = Math.ceil((scenarioStart + 3 * DAY) / DAY) * DAY;
  const startsAt = wholeSecond(fourthDay + rng.between(7, 9) * HOUR);
  const amplifiedAt = wholeSecond(startsAt + rng.between(2.2, 2.8) * HOUR);
  const peakAt = amplifiedAt + RISE_HOURS * HOUR;
  const peakRate = rng.between(190, 230);
  const halfLifeHours = rng.between(2.6, 3.2);
  const hoursToOnePerHour = halfLifeHours * Math.log2(peakRate);
  return { startsAt, amplifiedAt, peakAt, endsAt: wholeSecond(peakAt + hoursToOnePerHour * HOUR), peakRate, halfLifeHours };
}

// Posts carry whole-second timestamps; the plan's instants match them.
function wholeSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** Expected crisis posts per hour at `ms`, the time-of-day rhythm included. */
export function crisisRate(plan: CrisisPlan, ms: number): number {
  if (ms < plan.startsAt || ms >= plan.endsAt) return 0;
  if (ms < plan.amplifiedAt) return SMOULDER_RATE;
  const shape =
    ms < plan.peakAt
      ? (ms - plan.amplifiedAt) / (plan.peakAt - plan.amplifiedAt)
      : Math.pow(2, -(ms - plan.peakAt) / (plan.halfLifeHours * HOUR));
  // Night still slows a viral story, but less than it slows ordinary chatter.
  return Math.max(1, plan.peakRate * shape * Math.sqrt(activityAt(ms)));
}
