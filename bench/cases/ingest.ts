// Cases 2 and 6: ingest end to end (collect queue -> scoring -> store with authors and rollups) against a plain insert loop.
import { demoEntities } from '../lib/bench-config.js';
import type { TestRedisCluster } from '../../test/helpers/redis-cluster.js';
import { createScorer } from '../../src/scoring/scorer.js';
import { runIngest, type IngestOutcome } from '../lib/ingest-run.js';
import { WORKER_NODE_FLAGS } from '../lib/worker-process.js';
import { plainInsertRate, scoredRows } from '../lib/plain-insert-baseline.js';
import { fmtMb, fmtRate, type BenchRow } from '../lib/result-table.js';
import { dropPostgresDatabase, freshPostgresDatabase, freshSqliteUrl } from '../lib/services.js';

export interface IngestCaseOptions {
  dialect: 'postgres' | 'sqlite';
  mentions: number;
  cpuProf: boolean;
  redisCluster?: TestRedisCluster;
}

const TARGETS = { postgres: 5000, sqlite: 2000 } as const;
const MAX_RSS_MB = 300;
/** The plain loop commits once per row: a few thousand rows tell its rate. */
const BASELINE_ROWS = 20_000;
const BASELINE_BUDGET_MS = 15_000;

async function baselineRate(dialect: 'postgres' | 'sqlite'): Promise<{ rows: number; perSecond: number }> {
  const scratch = dialect === 'sqlite' ? freshSqliteUrl('baseline') : undefined;
  const url = scratch ? scratch.url : await freshPostgresDatabase('vigie_bench_baseline');
  try {
    // Scored with the same scorer options the workers use, so the rows are the ones the pipeline writes.
    const maskTerms = demoEntities().flatMap((e) => [e.name, ...e.terms]);
    return await plainInsertRate(url, scoredRows(createScorer({ maskTerms }), BASELINE_ROWS), BASELINE_BUDGET_MS);
  } finally {
    if (scratch) scratch.remove();
    else await dropPostgresDatabase('vigie_bench_baseline');
  }
}

export function exactlyOnceRow(caseName: string, run: IngestOutcome): BenchRow {
  const c = run.check;
  const problems = [
    c.storedMentions !== c.expectedMentions && `${c.storedMentions} stored of ${c.expectedMentions}`,
    !c.idChecksumOk && 'id checksum differs',
    !c.likesChecksumOk && 'likes checksum differs',
    !c.linksOk && 'entity links differ',
    !c.rollupsOk && 'rollup totals differ',
    c.failedJobs > 0 && `${c.failedJobs} failed jobs`,
  ].filter(Boolean);
  return {
    case: caseName,
    figure: 'stored exactly once (count, id and likes checksums, links, rollups)',
    value: `${c.storedMentions.toLocaleString('en')} / ${c.expectedMentions.toLocaleString('en')}`,
    baseline: '',
    ratio: null,
    target: 'none lost, none twice',
    pass: run.exact,
    raw: { ...c, idChecksumOk: Number(c.idChecksumOk), likesChecksumOk: Number(c.likesChecksumOk), linksOk: Number(c.linksOk), rollupsOk: Number(c.rollupsOk) },
    ...(problems.length ? { notes: problems.join(', ') } : {}),
  };
}

export async function ingestCase(o: IngestCaseOptions): Promise<BenchRow[]> {
  const caseName = (o.dialect === 'postgres' ? '2 ingest (PostgreSQL)' : '6 ingest (SQLite WAL)') + (o.redisCluster ? ' on Redis Cluster' : '');
  const baseline = await baselineRate(o.dialect);
  console.log(`  plain INSERT ... ON CONFLICT loop: ${fmtRate(baseline.perSecond)} over ${baseline.rows.toLocaleString('en')} rows`);
  const run = await runIngest({ label: o.dialect === 'postgres' ? 'ingest' : 'sqlite', dialect: o.dialect, mentions: o.mentions, workerProcesses: 1, cpuProf: o.cpuProf, redisCluster: o.redisCluster });
  const target = TARGETS[o.dialect];
  const peak = Math.max(...run.peakRssMb);
  return [
    {
      case: caseName,
      figure: `mentions/s sustained over ${o.mentions.toLocaleString('en')}, one worker process`,
      value: fmtRate(run.perSecond),
      baseline: `${fmtRate(baseline.perSecond)} (plain insert loop)`,
      ratio: run.perSecond / baseline.perSecond,
      target: `>= ${fmtRate(target)}`,
      pass: run.perSecond >= target,
      raw: { perSecond: run.perSecond, seconds: run.seconds, mentions: run.mentions, baselinePerSecond: baseline.perSecond, baselineRows: baseline.rows },
    },
    {
      case: caseName,
      figure: `peak resident memory of the worker process (VmHWM; compiled, ${WORKER_NODE_FLAGS.join(' ')})`,
      value: fmtMb(peak),
      baseline: '',
      ratio: null,
      target: `<= ${MAX_RSS_MB} MB`,
      pass: peak <= MAX_RSS_MB,
      raw: { peakRssMb: peak },
    },
    exactlyOnceRow(caseName, run),
  ];
}
