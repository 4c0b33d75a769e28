// The ingest benchmark: N mentions pushed to the collect queue, worker processes score and store them; timed, then checked.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createAppContext, isOwnHandle, type AppContext } from '../../src/app/context.js';
import { createLogger } from '../../src/logger.js';
import type { CollectJob } from '../../src/queue/names.js';
import { SCORE_BATCH } from '../../src/stages/collect.js';
import { writeBenchConfig } from './bench-config.js';
import { demoMentions } from './demo-texts.js';
import { streamSlice, type StreamOptions } from './mention-stream.js';
import { failedJobs, waitForDrain } from './queue-drain.js';
import { benchRedisPrefix, dropPostgresDatabase, freshPostgresDatabase, freshSqliteUrl, REDIS_URL } from './services.js';
import { startWorkerProcess, type WorkerProcess } from './worker-process.js';
import { busyShare, processCpuSeconds, readCpuTimes, watchBackendCpu } from './machine-cpu.js';
import type { TestRedisCluster } from '../../test/helpers/redis-cluster.js';

export interface IngestOptions {
  /** Names the database, the log files and the Redis prefix. */
  label: string;
  dialect: 'postgres' | 'sqlite';
  mentions: number;
  workerProcesses: number;
  cpuProf: boolean;
  /** Queues on this Redis Cluster instead of REDIS_URL. */
  redisCluster?: TestRedisCluster;
}

export interface IngestCheck {
  expectedMentions: number;
  storedMentions: number;
  /** Sum of the stream indexes of the stored mentions equals the expected one: none lost, none twice. */
  idChecksumOk: boolean;
  likesChecksumOk: boolean;
  /** Entity links, and the hourly and minute rollup totals, all equal to the expected number of links. */
  linksOk: boolean;
  rollupsOk: boolean;
  /** The hourly and minute rollup totals, and what they should be. */
  rollupTotals: { hourly: number; minute: number; expected: number };
  failedJobs: number;
}

export interface IngestOutcome {
  mentions: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number[];
  /** Share of the machine's cores busy (all processes) from the first push to empty queues; null off Linux. */
  cpuBusy: number | null;
  /** CPU seconds of the worker processes, and of the PostgreSQL backends of the bench database (null for SQLite). */
  workerCpuSeconds: number;
  databaseCpuSeconds: number | null;
  check: IngestCheck;
  /** Exactly once: every check holds and no job failed for good. */
  exact: boolean;
}

/** Mentions per collect job (a busy source's poll page) and collect jobs per addBulk call. */
const COLLECT_JOB_SIZE = 1000;
const JOBS_PER_ADD = 10;
/** The producer stays at most this many mentions ahead of the workers, as a live source would. */
const MAX_BACKLOG = 60_000;
/** Data time of the stream: as if mentions arrived live at this rate (all workers then share the current rollup rows). */
const STREAM_RATE = 5000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runIngest(o: IngestOptions): Promise<IngestOutcome> {
  const name = `vigie_bench_${o.label.replace(/-/g, '_')}`;
  const sqlite = o.dialect === 'sqlite' ? freshSqliteUrl(o.label) : undefined;
  const databaseUrl = sqlite ? sqlite.url : await freshPostgresDatabase(name);
  const { path, config } = writeBenchConfig({ name: o.label, databaseUrl, redisPrefix: benchRedisPrefix(o.label), redisCluster: o.redisCluster?.addresses });
  const redisTarget = o.redisCluster ? { cluster: o.redisCluster.seeds } : { url: REDIS_URL };
  const ctx = await createAppContext(config, { logger: createLogger({ level: 'warn' }), redisTarget });
  const workers: WorkerProcess[] = [];
  try {
    for (let k = 0; k < o.workerProcesses; k++) {
      workers.push(await startWorkerProcess({ configPath: path, stages: ['collect', 'score'], label: `${o.label}-worker${k + 1}`, cpuProf: o.cpuProf }));
    }
    const runTag = randomBytes(4).toString('hex');
    const stream: StreamOptions = { runTag, start: Date.now() - Math.ceil((o.mentions * 1000) / STREAM_RATE), perSecond: STREAM_RATE };
    const backends = sqlite ? null : watchBackendCpu(() => backendPids(ctx, name));
    const workerCpu = () => workers.reduce((sum, w) => sum + (processCpuSeconds(w.pid) ?? 0), 0);
    const workerCpuAtStart = workerCpu();
    const started = performance.now();
    const cpuAtStart = readCpuTimes();
    await produce(ctx, stream, o.mentions, o.label);
    const drained = await waitForDrain([ctx.queues.collect, ctx.queues.score], 30 * 60_000);
    const cpuBusy = busyShare(cpuAtStart, readCpuTimes());
    const workerCpuSeconds = workerCpu() - workerCpuAtStart;
    const databaseCpuSeconds = backends ? await backends.stop() : null;
    const seconds = (drained - started) / 1000;
    const peakRssMb = await Promise.all(workers.splice(0).map(async (w) => (await w.stop(), w.peakRssMb())));
    const check = await verify(ctx, stream, o.mentions);
    const exact = check.storedMentions === check.expectedMentions && check.idChecksumOk && check.likesChecksumOk && check.linksOk && check.rollupsOk && check.failedJobs === 0;
    return { mentions: o.mentions, seconds, perSecond: o.mentions / seconds, peakRssMb, cpuBusy, workerCpuSeconds, databaseCpuSeconds, check, exact };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await Promise.all(Object.values(ctx.queues).map((q) => q.obliterate({ force: true }).catch(() => {})));
    await ctx.close();
    if (sqlite) sqlite.remove();
    else await dropPostgresDatabase(name);
  }
}

/** The backends serving the bench database, but the bench's own connections (its checks are not ingest). */
export async function backendPids(ctx: AppContext, database: string): Promise<number[]> {
  const r = await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE datname = ${database} AND pid <> pg_backend_pid()`.execute(ctx.store.db);
  return r.rows.map((row) => Number(row.pid));
}

async function produce(ctx: AppContext, stream: StreamOptions, total: number, label: string): Promise<void> {
  const backlog = async () => (await ctx.queues.collect.getWaitingCount()) * COLLECT_JOB_SIZE + (await ctx.queues.score.getWaitingCount()) * SCORE_BATCH;
  let lastReport = performance.now();
  for (let from = 0; from < total; from += COLLECT_JOB_SIZE * JOBS_PER_ADD) {
    while ((await backlog()) > MAX_BACKLOG) await sleep(20);
    const jobs = [];
    for (let k = from; k < Math.min(total, from + COLLECT_JOB_SIZE * JOBS_PER_ADD); k += COLLECT_JOB_SIZE) {
      const data: CollectJob = { kind: 'ingest', sourceId: 'bench', platform: 'replay', mentions: streamSlice(stream, k, Math.min(COLLECT_JOB_SIZE, total - k)) };
      jobs.push({ name: 'ingest', data, opts: { jobId: `bench-${stream.runTag}-${k}`, removeOnComplete: true } });
    }
    await ctx.queues.collect.addBulk(jobs);
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      console.log(`  ${label}: ${from.toLocaleString('en')} / ${total.toLocaleString('en')} mentions queued`);
    }
  }
}

/** What the database must hold, from the demo posts the stream repeats (entity matching is the collect stage's). */
function expected(ctx: AppContext, stream: StreamOptions, total: number) {
  const posts = demoMentions();
  // As the score stage links them: a post choosing a competitor over the brand may also be linked to the brand.
  const links = posts.map((p) => {
    const entityIds = ctx.matcher.match(p.text);
    if (entityIds.length === 0) return 0;
    const scores = ctx.scorer.score(p);
    return ctx.stance.targets({ text: p.text, lang: scores.lang, tone: scores.sentiment.label, entityIds }).length;
  });
  // The brand's own posts are stored and linked but stay out of the rollups (what others say about it).
  const own = posts.map((p) => isOwnHandle(ctx.ownHandles, p.platform, p.author.handle));
  let mentions = 0;
  let idSum = 0;
  let likes = 0;
  let linkCount = 0;
  let rolledUp = 0;
  for (let i = 0; i < total; i++) {
    const post = i % posts.length;
    if (links[post] === 0) continue; // names no entity: the collect stage drops it
    mentions += 1;
    idSum += i;
    likes += posts[post].engagement.likes;
    linkCount += links[post];
    if (!own[post]) rolledUp += links[post];
  }
  return { mentions, idSum, likes, linkCount, rolledUp, tagLength: stream.runTag.length };
}

async function verify(ctx: AppContext, stream: StreamOptions, total: number): Promise<IngestCheck> {
  const want = expected(ctx, stream, total);
  const { db } = ctx.store;
  const first = want.tagLength + 2; // external ids are "<runTag>-<index>"
  const mentions = await sql<{ n: number; ids: number; likes: number }>`
    SELECT count(*) AS n, sum(CAST(substr(external_id, ${sql.lit(first)}) AS bigint)) AS ids, sum(likes) AS likes FROM mentions`.execute(db);
  const links = await sql<{ n: number }>`SELECT count(*) AS n FROM mention_entities`.execute(db);
  const hourly = await sql<{ n: number }>`SELECT sum(total) AS n FROM rollups_hourly`.execute(db);
  const minute = await sql<{ n: number }>`SELECT sum(total) AS n FROM rollups_minute`.execute(db);
  const m = mentions.rows[0];
  const linkCount = Number(links.rows[0].n);
  return {
    expectedMentions: want.mentions,
    storedMentions: Number(m.n),
    idChecksumOk: Number(m.ids) === want.idSum,
    likesChecksumOk: Number(m.likes) === want.likes,
    linksOk: linkCount === want.linkCount,
    rollupsOk: Number(hourly.rows[0].n) === want.rolledUp && Number(minute.rows[0].n) === want.rolledUp,
    rollupTotals: { hourly: Number(hourly.rows[0].n), minute: Number(minute.rows[0].n), expected: want.rolledUp },
    failedJobs: await failedJobs([ctx.queues.collect, ctx.queues.score]),
  };
}
