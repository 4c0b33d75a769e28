// Waits for pipeline queues to empty: nothing waiting, running, delayed (a retry) or prioritised.
import type { Queue } from 'bullmq';

const PENDING = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

export async function pendingJobs(queues: readonly Queue[]): Promise<number> {
  const counts = await Promise.all(queues.map((q) => q.getJobCounts(...PENDING)));
  return counts.reduce((sum, c) => sum + PENDING.reduce((s, k) => s + (c[k] ?? 0), 0), 0);
}

export async function failedJobs(queues: readonly Queue[]): Promise<number> {
  const counts = await Promise.all(queues.map((q) => q.getJobCounts('failed')));
  return counts.reduce((sum, c) => sum + (c.failed ?? 0), 0);
}

/** Resolves with the time (performance.now()) the queues were first seen empty; polls every `pollMs`. */
export async function waitForDrain(queues: readonly Queue[], timeoutMs: number, pollMs = 100): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if ((await pendingJobs(queues)) === 0) return performance.now();
    if (performance.now() > deadline) throw new Error(`queues not drained within ${Math.round(timeoutMs / 1000)} s (${await pendingJobs(queues)} jobs left)`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
