// Case 3: the same ingest with two worker processes against one, in the same run; exactly once in both.
import { runIngest } from '../lib/ingest-run.js';
import { fmtRate, type BenchRow } from '../lib/result-table.js';
import { exactlyOnceRow } from './ingest.js';
import type { TestRedisCluster } from '../../test/helpers/redis-cluster.js';

const TARGET_SPEED_UP = 1.6;

export async function scaleOutCase(o: { mentions: number; cpuProf: boolean; redisCluster?: TestRedisCluster }): Promise<BenchRow[]> {
  const on = o.redisCluster ? ' (Redis Cluster, 3 masters)' : '';
  const one = await runIngest({ label: 'scale-1', dialect: 'postgres', mentions: o.mentions, workerProcesses: 1, cpuProf: false, redisCluster: o.redisCluster });
  console.log(`  one worker process: ${fmtRate(one.perSecond)}`);
  const two = await runIngest({ label: 'scale-2', dialect: 'postgres', mentions: o.mentions, workerProcesses: 2, cpuProf: o.cpuProf, redisCluster: o.redisCluster });
  const speedUp = two.perSecond / one.perSecond;
  const ceiling = cpuCeiling(one.cpuBusy, two.cpuBusy);
  return [
    {
      case: `3 scale-out${on}`,
      figure: `mentions/s with two worker processes (${o.mentions.toLocaleString('en')} mentions)`,
      value: fmtRate(two.perSecond),
      baseline: `${fmtRate(one.perSecond)} (one process)`,
      ratio: speedUp,
      target: `ratio >= ${TARGET_SPEED_UP}`,
      pass: speedUp >= TARGET_SPEED_UP,
      raw: {
        twoPerSecond: two.perSecond,
        onePerSecond: one.perSecond,
        mentions: o.mentions,
        peakRssMb: Math.max(...two.peakRssMb),
        cpuBusyOne: one.cpuBusy ?? Number.NaN,
        cpuBusyTwo: two.cpuBusy ?? Number.NaN,
      },
      ...(ceiling ? { notes: ceiling } : {}),
    },
    { ...exactlyOnceRow(`3 scale-out${on}`, two), figure: 'two processes: stored exactly once (count, checksums, links, rollups)' },
  ];
}

/**
 * The machine's cores are shared by the workers, PostgreSQL, Redis and the bench itself: a second worker process
 * can only use what the first left idle, so 1 / (busy share with one process) bounds the speed-up.
 */
function cpuCeiling(one: number | null, two: number | null): string | null {
  if (one === null || two === null) return null;
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  return `all cores busy ${pct(one)} with one process, ${pct(two)} with two: CPU allows at most x${(1 / one).toFixed(2)}`;
}
