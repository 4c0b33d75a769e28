// When the Kelio Aura crisis happens and how loud it gets minute by minute: a slow start, a reshare cascade, the amplifier's post, a peak, a day-long decay.
import { activityAt } from './rhythm.js';
import type { Rng } from './random.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface CrisisPlan {
  /** First angry customer's post (the photo of a melted unit). */
  startsAt: number;
  /** When other owners and their friends start piling in: replies, reshares, "mine too". */
  cascadeAt: number;
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

/** Posts per hour in the first minutes, when only the first owner's friends have seen it. */
export const SLOW_START_RATE = 8;
/** Posts per hour once the cascade has spread among owners, before any big account picks it up. */
export const SIMMER_RATE = 240;
/** The cascade is self-exciting: each wave of reshares reaches the next; its rate doubles this often. */
const CASCADE_DOUBLING_MINUTES = 1;
const RISE_HOURS = 1.5;

/**
 * The crisis starts in the morning (UTC) three days before the scenario's end, so that weeks of
 * ordinary activity precede it as a baseline and more than a day of calm follows it.
 */
export function planCrisis(scenarioStart: number, days: number, rng: Rng): CrisisPlan {
  const crisisDay = crisisDayOf(scenarioStart, days);
  const startsAt = wholeSecond(crisisDay + rng.between(7, 9) * HOUR);
  const cascadeAt = wholeSecond(startsAt + rng.between(2.5, 4) * MINUTE);
  const amplifiedAt = wholeSecond(startsAt + rng.between(1.3, 1.7) * HOUR);
  const peakAt = amplifiedAt + RISE_HOURS * HOUR;
  const peakRate = rng.between(400, 480);
  const halfLifeHours = rng.between(2.6, 3.2);
  const hoursToOnePerHour = halfLifeHours * Math.log2(peakRate);
  return { startsAt, cascadeAt, amplifiedAt, peakAt, endsAt: wholeSecond(peakAt + hoursToOnePerHour * HOUR), peakRate, halfLifeHours };
}

/** Midnight (UTC) of the crisis day: known from the scenario's bounds alone, without drawing the scenario. */
export function crisisDayOf(scenarioStart: number, days: number): number {
  return Math.ceil((scenarioStart + (days - 3) * DAY) / DAY) * DAY;
}

// Posts carry whole-second timestamps; the plan's instants match them.
function wholeSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** Expected crisis posts per hour at `ms`, the time-of-day rhythm included. */
export function crisisRate(plan: CrisisPlan, ms: number): number {
  if (ms < plan.startsAt || ms >= plan.endsAt) return 0;
  if (ms < plan.cascadeAt) return SLOW_START_RATE;
  if (ms < plan.amplifiedAt) return Math.min(SIMMER_RATE, SLOW_START_RATE * Math.pow(2, (ms - plan.cascadeAt) / (CASCADE_DOUBLING_MINUTES * MINUTE)));
  // Night still slows a viral story, but less than it slows ordinary chatter.
  const rhythm = Math.sqrt(activityAt(ms));
  if (ms < plan.peakAt) return SIMMER_RATE + (plan.peakRate - SIMMER_RATE) * rhythm * ((ms - plan.amplifiedAt) / (plan.peakAt - plan.amplifiedAt));
  return Math.max(1, plan.peakRate * rhythm * Math.pow(2, -(ms - plan.peakAt) / (plan.halfLifeHours * HOUR)));
}
