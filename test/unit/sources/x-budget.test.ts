// The X monthly read budget: interval spread over the rest of the month, crisis pace, doctor status.
import { describe, expect, it } from 'vitest';
import { budgetPollIntervalMs, budgetStatus, monthWindow } from '../../../src/sources/x-budget.js';

// April 2025 has 30 days: 2,592,000,000 ms.
const APRIL_START = Date.UTC(2025, 3, 1);
const MID_APRIL = Date.UTC(2025, 3, 16);
const base = { monthlyReadBudget: 10_000, postsPerPoll: 10, queries: 2, now: MID_APRIL };

describe('X read budget', () => {
  it('finds the UTC calendar month', () => {
    expect(monthWindow(MID_APRIL)).toEqual({ start: APRIL_START, end: Date.UTC(2025, 4, 1) });
  });

  it('on pace, spreads the budget over the month: 2 queries x 10 posts x 30 days / 10,000 posts, slowed to 80 %', () => {
    // fair = 2 * 10 * 2,592,000,000 / 10,000 = 5,184,000 ms; calm = fair / 0.8 = 6,480,000 ms.
    expect(budgetPollIntervalMs({ ...base, crisisOpen: false })).toBe(6_480_000);
  });

  it('polls three times the fair rate while a crisis is open', () => {
    expect(budgetPollIntervalMs({ ...base, crisisOpen: true })).toBe(1_728_000);
  });

  it('uses the real consumption when known: 9,000 read with 15 days left leaves 1,000 posts', () => {
    // fair = 2 * 10 * 1,296,000,000 / 1,000 = 25,920,000 ms; calm = 32,400,000 ms.
    expect(budgetPollIntervalMs({ ...base, postsReadThisMonth: 9_000, crisisOpen: false })).toBe(32_400_000);
  });

  it('waits for the next month once the budget is spent', () => {
    expect(budgetPollIntervalMs({ ...base, postsReadThisMonth: 10_000, crisisOpen: true })).toBe(Date.UTC(2025, 4, 1) - MID_APRIL);
  });

  it('reports what is left for vigie doctor', () => {
    expect(budgetStatus({ monthlyReadBudget: 10_000, postsReadThisMonth: 9_000, now: MID_APRIL })).toEqual({
      budget: 10_000, used: 9_000, remaining: 1_000, resetsAt: '2025-05-01T00:00:00.000Z', daysLeft: 15, dailyAllowance: 1_000 / 15, exhausted: false,
    });
    expect(budgetStatus({ monthlyReadBudget: 100, postsReadThisMonth: 150, now: MID_APRIL })).toMatchObject({ remaining: 0, exhausted: true });
  });
});
