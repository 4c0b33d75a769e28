// `npm run bench`: runs the performance cases against this machine's services and prints (and saves) one table.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { alertLatencyCase } from './cases/alert-latency.js';
import { dashboardCase } from './cases/dashboard.js';
import { ingestCase } from './cases/ingest.js';
import { scaleOutCase } from './cases/scale-out.js';
import { scoringCase } from './cases/scoring.js';
import { parseBenchArgs, type BenchArgs, type CaseId } from './lib/args.js';
import { formatHotSpots, hotSpots } from './lib/cpu-profile-summary.js';
import { formatTable, machineDescription, writeResults, type BenchRow } from './lib/result-table.js';
import { RESULTS_DIR } from './lib/services.js';
import { startRedisCluster, type TestRedisCluster } from '../test/helpers/redis-cluster.js';

/** Sizes of the full run (the issue's) and of --quick (a smoke run; its figures are not the reference). */
const SIZES = {
  full: { ingest: 1_000_000, scaleOut: 200_000, sqlite: 200_000, crises: 50, dashboardMentions: 10_000_000, requests: 200 },
  quick: { ingest: 50_000, scaleOut: 30_000, sqlite: 30_000, crises: 50, dashboardMentions: 10_000_000, requests: 50 },
};

function runners(args: BenchArgs, redisCluster?: TestRedisCluster): Record<CaseId, () => Promise<BenchRow[]>> {
  const size = args.quick ? SIZES.quick : SIZES.full;
  return {
    scoring: () => scoringCase(),
    ingest: () => ingestCase({ dialect: 'postgres', mentions: size.ingest, cpuProf: args.cpuProf, redisCluster }),
    'scale-out': () => scaleOutCase({ mentions: size.scaleOut, cpuProf: args.cpuProf, redisCluster }),
    'alert-latency': () => alertLatencyCase({ crises: size.crises, cpuProf: args.cpuProf }),
    dashboard: () => dashboardCase({ mentions: size.dashboardMentions, requests: size.requests }),
    sqlite: () => ingestCase({ dialect: 'sqlite', mentions: size.sqlite, cpuProf: args.cpuProf }),
  };
}

function errorRow(id: CaseId, error: unknown): BenchRow {
  const message = error instanceof Error ? error.message : String(error);
  return { case: id, figure: 'did not complete', value: 'error', baseline: '', ratio: null, target: '', pass: false, raw: {}, notes: message.split('\n')[0] };
}

/** The main thread's profile of each worker process (the biggest file of its folder, should it hold several). */
function printProfiles(): void {
  const root = join(RESULTS_DIR, 'profiles');
  if (!existsSync(root)) return;
  for (const label of readdirSync(root)) {
    const files = readdirSync(join(root, label)).map((f) => join(root, label, f));
    if (files.length === 0) continue;
    const main = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
    console.log(`\nCPU profile of ${label} (${main}), top self time:\n${formatHotSpots(hotSpots(main, 20))}`);
  }
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const machine = machineDescription();
  console.log(`Vigie bench on ${machine.cores} x ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}${args.quick ? ' (--quick)' : ''}`);
  // One private cluster for the whole run, stopped however the run ends.
  const redisCluster = args.redisCluster ? await startRedisCluster() : undefined;
  if (redisCluster) console.log(`Redis Cluster of 3 masters on ${redisCluster.addresses.join(', ')}`);
  const all = runners(args, redisCluster);
  const rows: BenchRow[] = [];
  const startedAt = new Date();
  for (const id of args.cases) {
    console.log(`\n== ${id}`);
    const t0 = performance.now();
    try {
      rows.push(...(await all[id]()));
    } catch (error) {
      console.error(`  ${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      rows.push(errorRow(id, error));
    }
    console.log(`  (${Math.round((performance.now() - t0) / 1000)} s)`);
  }
  await redisCluster?.stop();
  const table = formatTable(rows);
  console.log(`\n${table}`);
  if (args.cpuProf) printProfiles();
  const path = join(RESULTS_DIR, 'latest.json');
  writeResults(path, rows, { startedAt: startedAt.toISOString(), seconds: Math.round((Date.now() - startedAt.getTime()) / 1000), quick: args.quick, cases: args.cases });
  console.log(`\nwritten to ${path}`);
  // Absolute times are never asserted: a missed target is printed, the exit code stays 0 unless a case broke.
  process.exitCode = rows.some((r) => r.value === 'error') ? 1 : 0;
}

await main();
