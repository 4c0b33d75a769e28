// X's monthly post-read cap spread over the month: how often X may be polled, and what is left (for doctor).
import { DAY_MS } from '../domain/time-buckets.js';

export interface XBudgetInput {
  /** Posts the plan lets the app read per calendar month (UTC). */
  monthlyReadBudget: number;
  /** Posts read so far this month; unknown means "on pace" (usage proportional to time elapsed). */
  postsReadThisMonth?: number;
  /** Posts one poll of one query is expected to read. */
  postsPerPoll: number;
  /** X queries sharing the budget. */
  queries: number;
  crisisOpen: boolean;
  now: number;
  /** Share of the fair rate spent while calm; the rest is kept for crises. @defaultValue 0.8 */
  calmPace?: number;
  /** Multiple of the fair rate spent while a crisis alert is open. @defaultValue 3 */
  crisisPace?: number;
}

export interface XBudgetStatus {
  budget: number;
  used: number;
  remaining: number;
  /** Start of the next month (UTC), when X resets the cap; ISO-8601. */
  resetsAt: string;
  daysLeft: number;
  /** Posts that can be read per remaining day if the rest is spread evenly. */
  dailyAllowance: number;
  exhausted: boolean;
}

/** The calendar month (UTC) containing `now`, as [start, end) epoch ms. */
export function monthWindow(now: number): { start: number; end: number } {
  const date = new Date(now);
  const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const end = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  return { start, end };
}


export function budgetStatus(input: { monthlyReadBudget: number; postsReadThisMonth: number; now: number }): XBudgetStatus {
  const { end } = monthWindow(input.now);
  const remaining = Math.max(0, input.monthlyReadBudget - input.postsReadThisMonth);
  const daysLeft = (end - input.now) / DAY_MS;
  return {
    budget: input.monthlyReadBudget,
    used: input.postsReadThisMonth,
    remaining,
    resetsAt: new Date(end).toISOString(),
    daysLeft,
    dailyAllowance: daysLeft > 0 ? remaining / daysLeft : remaining,
    exhausted: remaining === 0,
  };
}

/**
 * Interval between polls of each X query so the budget lasts until the month ends. The fair
 * interval spends the remaining posts evenly over the remaining time across all queries; calm
 * polling goes slower than fair (keeping headroom), crisis polling faster. With the budget spent,
 * the answer is the time left until the cap resets.
 */
export function budgetPollIntervalMs(input: XBudgetInput): number {
  const { start, end } = monthWindow(input.now);
  const msLeft = end - input.now;
  const used = input.postsReadThisMonth ?? (input.monthlyReadBudget * (input.now - start)) / (end - start);
  const remaining = input.monthlyReadBudget - used;
  if (remaining <= 0) return msLeft;
  const fairInterval = (Math.max(1, input.queries) * input.postsPerPoll * msLeft) / remaining;
  const pace = input.crisisOpen ? (input.crisisPace ?? 3) : (input.calmPace ?? 0.8);
  return Math.ceil(fairInterval / pace);
}
