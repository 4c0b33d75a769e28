// A counting semaphore: at most `size` tasks run at once, the others wait their turn in arrival order.

export type Slots = <T>(task: () => Promise<T>) => Promise<T>;

export function createSlots(size: number): Slots {
  if (!(size >= 1)) throw new RangeError(`slots need a size of at least 1, got ${size}`);
  let busy = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // A finishing task hands its slot straight to the next in line, so `busy` only counts down when nobody waits.
    if (busy < size) busy += 1;
    else await new Promise<void>((resume) => waiting.push(resume));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else busy -= 1;
    }
  };
}
