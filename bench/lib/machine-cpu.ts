// How busy the whole machine's CPUs were over an interval, from /proc/stat (Linux): every process counts,
// PostgreSQL and Redis included, which is what bounds what another worker process can add.
import { readFileSync } from 'node:fs';

export interface CpuTimes {
  busy: number;
  total: number;
}

/** The aggregate "cpu" line of /proc/stat, or null where there is none. */
export function readCpuTimes(): CpuTimes | null {
  let stat: string;
  try {
    stat = readFileSync('/proc/stat', 'utf8');
  } catch {
    return null;
  }
  const line = stat.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return null;
  // user nice system idle iowait irq softirq steal ...: idle and iowait are the time nothing could run.
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: total - idle, total };
}

/** Share of all cores busy between two readings (0..1), or null when either is missing. */
export function busyShare(from: CpuTimes | null, to: CpuTimes | null): number | null {
  if (!from || !to || to.total <= from.total) return null;
  return (to.busy - from.busy) / (to.total - from.total);
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; null once it is gone or off Linux. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, hence the last ')'): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on every Linux we run on. */
const CLOCK_TICKS = 100;

/**
 * CPU seconds the PostgreSQL backends of one database use over a run. Backends come and go with the pools, so they
 * are looked up every second and each one's use counted from its first sighting to its last. Unlike a rate, this
 * figure hardly moves when other programs share the machine: it is what the sizing of the database is based on.
 */
export function watchBackendCpu(listPids: () => Promise<number[]>): { stop(): Promise<number> } {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const look = async () => {
    for (const pid of await listPids().catch(() => [])) {
      const cpu = processCpuSeconds(pid);
      if (cpu === null) continue;
      if (!first.has(pid)) first.set(pid, cpu);
      last.set(pid, cpu);
    }
  };
  let running = look();
  const timer = setInterval(() => void (running = running.then(look)), 1000);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await look();
      let total = 0;
      for (const [pid, end] of last) total += end - (first.get(pid) ?? end);
      return total;
    },
  };
}
