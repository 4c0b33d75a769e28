// The slots that bound how many collected batches a process scores and stores at once.
import { describe, expect, it } from 'vitest';
import { createSlots } from '../../../src/queue/slots.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('createSlots', () => {
  it('runs at most `size` tasks at once, the others in arrival order, and passes results and errors through', async () => {
    const slots = createSlots(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (k: number) => async () => {
      started.push(k);
      running += 1;
      most = Math.max(most, running);
      await tick();
      running -= 1;
      if (k === 3) throw new Error('task 3 failed');
      return k * 10;
    };
    const results = await Promise.allSettled([1, 2, 3, 4, 5, 6].map((k) => slots(task(k))));
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5, 6]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([10, 20, 'task 3 failed', 40, 50, 60]);
    // A failed task gave its slot back: two run at once again.
    running = 0;
    most = 0;
    await Promise.all([7, 8].map((k) => slots(task(k))));
    expect(most).toBe(2);
  });

  it('refuses a size below one', () => {
    expect(() => createSlots(0)).toThrow(/at least 1/);
  });
});
