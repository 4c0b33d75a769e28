// Cases 2 and 6: ingest end to end (collect queue -> scoring -> store with authors and rollups) against a plain insert loop.
import { createTargetStance } from '../../src/scoring/target-stance.js';
import { demoEntities } from '../lib/bench-config.js';
import type { TestRedisCluster } from '../../test/helpers/redis-cluster.js';
import { createScorer } from '../../src/scoring/scorer.js';
import { runIngest, type IngestOutcome } from '../lib/ingest-run.js';
import { WORKER_NODE_FLAGS } from '../lib/worker-process.js';
import { plainInsertRate, scoredRows, scoredStream, storageCeilingRate, type BaselineOutcome } from '../lib/plain-insert-baseline.js';
import type { StoredMention } from '../../src/store/mention-repository.js';
import { createEntityMatcher } from '../../src/domain/entity-matcher.js';
import { fmtMb, fmtRate, type BenchRow } from '../lib/result-table.js';
import { dropPostgresDatabase, freshPostgresDatabase, freshSqliteUrl } from '../lib/services.js';

export interface IngestCaseOptions {
  dialect: 'postgres' | 'sqlite';
  mentions: number;
  cpuProf: boolean;
  redisCluster?: TestRedisCluster;
}

const TARGETS = { postgres: 10_000, sqlite: 2000 } as const;
/** End to end against the storage ceiling of the same run (PostgreSQL). */
const TARGET_CEILING_SHARE = 0.5;
/** The ceiling writes 1,000-mention transactions for this long (the stream's first mentions, scored beforehand). */
const CEILING_MENTIONS = 60_000;
const CEILING_BUDGET_MS = 20_000;
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

/** Scored once: the ceiling is measured before and after the pipeline run, with the same rows each time. */
let ceilingRows: StoredMention[] | undefined;

async function storageCeiling(): Promise<BaselineOutcome> {
  const url = await freshPostgresDatabase('vigie_bench_ceiling');
  try {
    const entities = demoEntities();
    const scorer = createScorer({ maskTerms: entities.flatMap((e) => [e.name, ...e.terms]) });
    ceilingRows ??= scoredStream(scorer, createEntityMatcher(entities), createTargetStance(entities), CEILING_MENTIONS);
    return await storageCeilingRate(url, ceilingRows, CEILING_BUDGET_MS);
  } finally {
    await dropPostgresDatabase('vigie_bench_ceiling');
  }
}

/** Before and after the pipeline run, so that a machine whose load drifts during the run biases neither side. */
function meanCeiling(before: BaselineOutcome, after: BaselineOutcome): BaselineOutcome & { before: number; after: number } {
  const rows = before.rows + after.rows;
  const cpu = (k: 'writerCpuSeconds' | 'databaseCpuSeconds') => (before[k] ?? 0) + (after[k] ?? 0);
  return { rows, perSecond: (before.perSecond + after.perSecond) / 2, writerCpuSeconds: cpu('writerCpuSeconds'), databaseCpuSeconds: cpu('databaseCpuSeconds'), before: before.perSecond, after: after.perSecond };
}

const msPer1000 = (seconds: number | null | undefined, mentions: number) => (seconds == null ? Number.NaN : (seconds * 1e6) / mentions);

export function exactlyOnceRow(caseName: string, run: IngestOutcome): BenchRow {
  const c = run.check;
  const problems = [
    c.storedMentions !== c.expectedMentions && `${c.storedMentions} stored of ${c.expectedMentions}`,
    !c.idChecksumOk && 'id checksum differs',
    !c.likesChecksumOk && 'likes checksum differs',
    !c.linksOk && 'entity links differ',
    !c.rollupsOk && `rollup totals differ (hourly ${c.rollupTotals.hourly}, minute ${c.rollupTotals.minute}, expected ${c.rollupTotals.expected})`,
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
    raw: { ...c, rollupTotals: c.rollupTotals.hourly, minuteRollupTotal: c.rollupTotals.minute, expectedRollupTotal: c.rollupTotals.expected, idChecksumOk: Number(c.idChecksumOk), likesChecksumOk: Number(c.likesChecksumOk), linksOk: Number(c.linksOk), rollupsOk: Number(c.rollupsOk) },
    ...(problems.length ? { notes: problems.join(', ') } : {}),
  };
}

export async function ingestCase(o: IngestCaseOptions): Promise<BenchRow[]> {
  const caseName = (o.dialect === 'postgres' ? '2 ingest (PostgreSQL)' : '6 ingest (SQLite WAL)') + (o.redisCluster ? ' on Redis Cluster' : '');
  const baseline = await baselineRate(o.dialect);
  console.log(`  plain INSERT ... ON CONFLICT loop: ${fmtRate(baseline.perSecond)} over ${baseline.rows.toLocaleString('en')} rows`);
  const ceilingBefore = o.dialect === 'postgres' ? await storageCeiling() : undefined;
  if (ceilingBefore) console.log(`  storage ceiling (1,000-mention INSERT ... ON CONFLICT transactions, no queue, no scoring): ${fmtRate(ceilingBefore.perSecond)} over ${ceilingBefore.rows.toLocaleString('en')} mentions`);
  const run = await runIngest({ label: o.dialect === 'postgres' ? 'ingest' : 'sqlite', dialect: o.dialect, mentions: o.mentions, workerProcesses: 1, cpuProf: o.cpuProf, redisCluster: o.redisCluster });
  const ceilingAfter = ceilingBefore ? await storageCeiling() : undefined;
  if (ceilingAfter) console.log(`  storage ceiling again after the pipeline run: ${fmtRate(ceilingAfter.perSecond)}`);
  const ceiling = ceilingBefore && ceilingAfter ? meanCeiling(ceilingBefore, ceilingAfter) : undefined;
  const workerMs = msPer1000(run.workerCpuSeconds, run.mentions);
  const databaseMs = msPer1000(run.databaseCpuSeconds, run.mentions);
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
    ...(ceiling
      ? [{
          case: caseName,
          figure: 'the same mentions/s against the storage ceiling (mentions, links, authors, rollups in 1,000-row batches)',
          value: fmtRate(run.perSecond),
          baseline: `${fmtRate(ceiling.perSecond)} (storage ceiling, mean of ${fmtRate(ceiling.before)} before and ${fmtRate(ceiling.after)} after)`,
          ratio: run.perSecond / ceiling.perSecond,
          target: `ratio >= ${TARGET_CEILING_SHARE}`,
          pass: run.perSecond / ceiling.perSecond >= TARGET_CEILING_SHARE,
          raw: { perSecond: run.perSecond, ceilingPerSecond: ceiling.perSecond, ceilingRows: ceiling.rows, cpuBusy: run.cpuBusy ?? Number.NaN },
        }]
      : []),
    {
      case: caseName,
      figure: 'CPU per 1,000 mentions: the worker process / the PostgreSQL backends (load-independent; the basis of README "Sizing")',
      value: `${workerMs.toFixed(0)} ms / ${Number.isNaN(databaseMs) ? '-' : `${databaseMs.toFixed(0)} ms`}`,
      baseline: ceiling ? `storage ceiling: writer ${msPer1000(ceiling.writerCpuSeconds, ceiling.rows).toFixed(0)} ms / database ${msPer1000(ceiling.databaseCpuSeconds, ceiling.rows).toFixed(0)} ms` : '',
      ratio: null,
      target: 'none (measured)',
      pass: null,
      raw: {
        workerCpuMsPer1000: workerMs,
        databaseCpuMsPer1000: databaseMs,
        ceilingWriterCpuMsPer1000: ceiling ? msPer1000(ceiling.writerCpuSeconds, ceiling.rows) : Number.NaN,
        ceilingDatabaseCpuMsPer1000: ceiling ? msPer1000(ceiling.databaseCpuSeconds, ceiling.rows) : Number.NaN,
        cpuBusy: run.cpuBusy ?? Number.NaN,
      },
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
