// Case 5: p95 of every dashboard endpoint over ~10 M stored mentions (kept between runs), with the query plan of the slowest.
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../src/api/server.js';
import { createLogger } from '../../src/logger.js';
import { openDatabase } from '../../src/store/database.js';
import { listPartitions, type PartitionInfo } from '../../src/store/mention-partitions.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { writeBenchConfig } from '../lib/bench-config.js';
import { ensureDashboardData, FILL_DAYS, FILL_END } from '../lib/dashboard-fill.js';
import { capturingStore, scansMentions } from '../lib/query-capture.js';
import { fmtMs, type BenchRow } from '../lib/result-table.js';
import { benchRedisPrefix, ensurePostgresDatabase, postgresUrl } from '../lib/services.js';
import { percentile } from '../lib/stats.js';

/** Kept between runs (the fill takes minutes); BENCH_DASHBOARD_DATABASE gives a session its own. */
const DATABASE = process.env.BENCH_DASHBOARD_DATABASE ?? 'vigie_bench';
const TARGET_P95_MS = 100;
const WARM_UP = 5;
const DAY = 86_400_000;

interface Endpoint {
  name: string;
  /** The request for the i-th call: entities rotate so no answer is served from a warm row cache alone. */
  url: (i: number, entity: string) => string;
  /** An export rather than a dashboard read: timed, but without the 100 ms target. */
  export?: boolean;
}

const ENDPOINTS: Endpoint[] = [
  { name: '/api/entities', url: () => '/api/entities' },
  { name: '/api/kpis (7 days, hourly)', url: (_i, e) => `/api/kpis?entity=${e}` },
  { name: `/api/kpis (${FILL_DAYS} days, daily)`, url: (_i, e) => `/api/kpis?entity=${e}&from=${FILL_END - FILL_DAYS * DAY}&to=${FILL_END}` },
  { name: '/api/audience', url: (_i, e) => `/api/audience?entity=${e}` },
  { name: '/api/influencers', url: (_i, e) => `/api/influencers?entity=${e}` },
  { name: '/api/mentions (entity)', url: (_i, e) => `/api/mentions?entity=${e}` },
  { name: '/api/mentions (entity, negative, page 2)', url: (i, e) => `/api/mentions?entity=${e}&sentiment=negative&before=${FILL_END - (i % 48) * 3_600_000}&beforeId=x%3A5` },
  { name: '/api/mentions (all entities)', url: () => '/api/mentions' },
  { name: '/api/alerts', url: () => '/api/alerts' },
  { name: '/api/alerts/:id', url: (i, e) => `/api/alerts/bench-${e}-${i % 5}` },
  { name: '/api/business', url: () => '/api/business?entity=kelio' },
  { name: '/api/mentions.csv (export)', url: (_i, e) => `/api/mentions.csv?entity=${e}`, export: true },
];

/** Requests for a given period: each of their statements must read only the partitions of that period. */
const PERIOD_CHECKS: { name: string; url: (from: number, to: number) => string }[] = [
  { name: '/api/kpis', url: (f, t) => `/api/kpis?entity=kelio&from=${f}&to=${t}` },
  { name: '/api/audience', url: (f, t) => `/api/audience?entity=kelio&from=${f}&to=${t}` },
  { name: '/api/influencers', url: (f, t) => `/api/influencers?entity=kelio&from=${f}&to=${t}` },
  { name: '/api/mentions (entity)', url: (f, t) => `/api/mentions?entity=kelio&from=${f}&to=${t}` },
  { name: '/api/mentions (all entities)', url: (f, t) => `/api/mentions?from=${f}&to=${t}` },
  { name: '/api/mentions.csv', url: (f, t) => `/api/mentions.csv?entity=kelio&from=${f}&to=${t}` },
];
/** The last week of the data, and a week in the middle of it. */
const CHECKED_PERIODS = [[FILL_END - 7 * DAY, FILL_END], [FILL_END - 40 * DAY, FILL_END - 33 * DAY]] as const;
const PARTITION_NAME = /^(mentions|mention_entities)_(p\d{8}|legacy)$/;

/** For every request of PERIOD_CHECKS and period: the partitions its statements read outside that period. */
export async function partitionPruning(capture: ReturnType<typeof capturingStore>, probe: FastifyInstance, partitions: PartitionInfo[]): Promise<{ statements: number; strays: string[] }> {
  const bounds = new Map(partitions.map((p) => [p.name, p]));
  const strays: string[] = [];
  let statements = 0;
  for (const [from, to] of CHECKED_PERIODS) {
    for (const check of PERIOD_CHECKS) {
      capture.queries.length = 0;
      const response = await probe.inject({ method: 'GET', url: check.url(from, to) });
      if (response.statusCode !== 200) throw new Error(`${check.url(from, to)} answered ${response.statusCode}`);
      for (const q of capture.queries) {
        const read = (await capture.relationsOf(q)).filter((name) => PARTITION_NAME.test(name));
        if (read.length > 0) statements += 1;
        const outside = read.filter((name) => {
          const p = bounds.get(name);
          return !p || p.upperBound <= from || p.lowerBound >= to;
        });
        if (outside.length) strays.push(`${check.name} [${new Date(from).toISOString().slice(0, 10)}, ${new Date(to).toISOString().slice(0, 10)}): ${outside.length} partition(s) outside, e.g. ${outside[0]} in ${q.sql.slice(0, 80)}`);
      }
    }
  }
  return { statements, strays };
}

async function timeRequests(base: string, endpoint: Endpoint, entities: string[], requests: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + requests; i++) {
    const url = `${base}${endpoint.url(i, entities[i % entities.length])}`;
    const t0 = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    const ms = performance.now() - t0;
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    if (i >= WARM_UP) times.push(ms);
  }
  return times;
}

async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

export async function dashboardCase(o: { mentions: number; requests: number }): Promise<BenchRow[]> {
  await ensurePostgresDatabase(DATABASE);
  const url = postgresUrl(DATABASE);
  const { config } = writeBenchConfig({ name: 'dashboard', databaseUrl: url, redisPrefix: benchRedisPrefix('dashboard') });
  const store = await openDatabase(url);
  const logger = createLogger({ level: 'silent' });
  const capture = capturingStore(url);
  try {
    await migrateToLatest(store);
    const stored = await ensureDashboardData(store, config.entities, o.mentions, (line) => console.log(line));
    const entities = config.entities.map((e) => e.id);
    const app = await buildApi({ config, store, logger, now: () => FILL_END });
    const base = await listen(app);
    const floor = await timeRequests(base, { name: '/health', url: () => '/health' }, entities, o.requests);
    const floorP95 = percentile(floor, 95);
    const measured: { endpoint: Endpoint; p50: number; p95: number }[] = [];
    for (const endpoint of ENDPOINTS) {
      const times = await timeRequests(base, endpoint, entities, o.requests);
      measured.push({ endpoint, p50: percentile(times, 50), p95: percentile(times, 95) });
      console.log(`  ${endpoint.name}: p50 ${fmtMs(percentile(times, 50))}, p95 ${fmtMs(percentile(times, 95))}`);
    }
    await app.close();

    // The same requests once more through a store that records SQL, to look at each statement's plan.
    const probe = await buildApi({ config, store: capture.store, logger, now: () => FILL_END });
    const scans: string[] = [];
    const queriesOf = new Map<string, typeof capture.queries>();
    for (const endpoint of ENDPOINTS) {
      capture.queries.length = 0;
      await probe.inject({ method: 'GET', url: endpoint.url(1, 'kelio') });
      queriesOf.set(endpoint.name, [...capture.queries]);
      for (const q of capture.queries) if (scansMentions(await capture.explain(q, false))) scans.push(endpoint.name);
    }
    const pruning = await partitionPruning(capture, probe, await listPartitions(store.db));
    await probe.close();
    for (const stray of pruning.strays) console.log(`  partition pruning: ${stray}`);
    const dashboard = measured.filter((m) => !m.endpoint.export);
    const slowest = dashboard.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    const slowQuery = [...(queriesOf.get(slowest.endpoint.name) ?? [])].sort((a, b) => b.ms - a.ms)[0];
    if (slowQuery) {
      console.log(`\n  slowest dashboard endpoint: ${slowest.endpoint.name} (p95 ${fmtMs(slowest.p95)}); its slowest statement:\n  ${slowQuery.sql}`);
      console.log(`  parameters: ${JSON.stringify(slowQuery.parameters)}\n`);
      console.log((await capture.explain(slowQuery, true)).replace(/^/gm, '    '));
    }
    const rows: BenchRow[] = measured.map(({ endpoint, p50, p95 }) => ({
      case: '5 dashboard API',
      figure: `p95 ${endpoint.name}, ${o.requests} requests`,
      value: fmtMs(p95),
      baseline: `${fmtMs(floorP95)} (/health)`,
      ratio: p95 / floorP95,
      target: endpoint.export ? 'none (export of up to 10,000 rows)' : `<= ${TARGET_P95_MS} ms`,
      pass: endpoint.export ? null : p95 <= TARGET_P95_MS,
      raw: { p50, p95, healthP95: floorP95, mentions: stored },
    }));
    const scanned = [...new Set(scans)];
    rows.push({
      case: '5 dashboard API',
      figure: `no sequential scan of mentions (EXPLAIN of every statement), ${stored.toLocaleString('en')} mentions`,
      value: scanned.length === 0 ? 'none' : `${scanned.length} endpoint(s)`,
      baseline: '',
      ratio: null,
      target: 'none',
      pass: scanned.length === 0,
      raw: { endpointsScanning: scanned.length },
      ...(scanned.length ? { notes: `Seq Scan on mentions / mention_entities in: ${scanned.join(', ')}` } : {}),
    });
    rows.push({
      case: '5 dashboard API',
      figure: `EXPLAIN of every statement of a period's request reads only that period's weekly partitions (${PERIOD_CHECKS.length} requests x ${CHECKED_PERIODS.length} periods)`,
      value: `${pruning.strays.length} stray of ${pruning.statements}`,
      baseline: '',
      ratio: null,
      target: 'none outside the period',
      pass: pruning.statements > 0 && pruning.strays.length === 0,
      raw: { statementsReadingPartitions: pruning.statements, strays: pruning.strays.length },
      ...(pruning.strays.length ? { notes: pruning.strays.slice(0, 3).join('; ') } : {}),
    });
    return rows;
  } finally {
    await capture.store.close();
    await store.close();
  }
}
