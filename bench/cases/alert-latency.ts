// Case 4: time from a crisis entering the collect stage to its alert email being accepted by SMTP, under background traffic.
import { randomBytes } from 'node:crypto';
import { createAppContext } from '../../src/app/context.js';
import { entitySchema } from '../../src/config/schema.js';
import { createLogger } from '../../src/logger.js';
import type { CollectJob } from '../../src/queue/names.js';
import { demoEntities, writeBenchConfig } from '../lib/bench-config.js';
import { crisisEntityId, crisisEntityName, crisisOfMail, crisisPosts } from '../lib/crisis-posts.js';
import { streamSlice } from '../lib/mention-stream.js';
import { fmtMs, fmtRate, type BenchRow } from '../lib/result-table.js';
import { benchRedisPrefix, dropPostgresDatabase, freshPostgresDatabase, REDIS_URL } from '../lib/services.js';
import { startSmtpClock } from '../lib/smtp-clock.js';
import { percentile } from '../lib/stats.js';
import { startWorkerProcess, type WorkerProcess } from '../lib/worker-process.js';

const BACKGROUND_PER_SEC = 1000;
/** Background mentions go in as one collect job every TICK_MS. */
const TICK_MS = 100;
const WARM_UP_MS = 5000;
const CRISIS_EVERY_MS = 1000;
/** After the last crisis, how long its email may take before it counts as lost. */
const GRACE_MS = 30_000;
const TARGET_P99_MS = 2000;
const DATABASE = 'vigie_bench_alerts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function alertLatencyCase(o: { crises: number; cpuProf: boolean }): Promise<BenchRow[]> {
  const sink = await startSmtpClock();
  const databaseUrl = await freshPostgresDatabase(DATABASE);
  const crisisEntities = Array.from({ length: o.crises }, (_, i) =>
    entitySchema.parse({ id: crisisEntityId(i + 1), name: crisisEntityName(i + 1), kind: 'product', parent: 'kelio', terms: [crisisEntityName(i + 1)] }),
  );
  const { path, config } = writeBenchConfig({
    name: 'alert-latency',
    databaseUrl,
    redisPrefix: benchRedisPrefix('alerts'),
    entities: [...demoEntities(), ...crisisEntities],
    smtpUrl: sink.url,
    alertEmail: 'community@bench.test',
  });
  const ctx = await createAppContext(config, { logger: createLogger({ level: 'warn' }), redisTarget: { url: REDIS_URL } });
  let worker: WorkerProcess | undefined;
  try {
    worker = await startWorkerProcess({ configPath: path, stages: ['collect', 'score', 'detect', 'notify'], label: 'alert-latency-worker', cpuProf: o.cpuProf });
    const runTag = randomBytes(4).toString('hex');
    const started = Date.now();
    const background = { runTag, start: started, perSecond: BACKGROUND_PER_SEC };
    const injectedAt = new Map<number, number>();
    let sent = 0;
    let nextCrisis = 1;
    const perTick = (BACKGROUND_PER_SEC * TICK_MS) / 1000;
    const lastCrisisAt = started + WARM_UP_MS + (o.crises - 1) * CRISIS_EVERY_MS;
    for (let tick = 0; started + tick * TICK_MS <= lastCrisisAt + TICK_MS; tick++) {
      await sleep(Math.max(0, started + tick * TICK_MS - Date.now()));
      const data: CollectJob = { kind: 'ingest', sourceId: 'bench-background', platform: 'replay', mentions: streamSlice(background, sent, perTick) };
      sent += perTick;
      await ctx.queues.collect.add('ingest', data, { jobId: `bg-${runTag}-${tick}`, removeOnComplete: true });
      if (nextCrisis <= o.crises && Date.now() >= started + WARM_UP_MS + (nextCrisis - 1) * CRISIS_EVERY_MS) {
        const k = nextCrisis++;
        const at = Date.now();
        injectedAt.set(k, at);
        const crisis: CollectJob = { kind: 'ingest', sourceId: 'bench-crisis', platform: 'replay', mentions: crisisPosts(k, runTag, at) };
        await ctx.queues.collect.add('ingest', crisis, { jobId: `crisis-${runTag}-${k}`, removeOnComplete: true });
      }
    }
    const backgroundRate = (sent * 1000) / (Date.now() - started);
    const deadline = Date.now() + GRACE_MS;
    const firstMail = () => {
      const first = new Map<number, number>();
      for (const mail of sink.mails) {
        const k = crisisOfMail(mail.subject, mail.text);
        if (k !== undefined && !first.has(k)) first.set(k, mail.acceptedAt);
      }
      return first;
    };
    while (firstMail().size < injectedAt.size && Date.now() < deadline) await sleep(100);
    const received = firstMail();
    const latencies = [...injectedAt].filter(([k]) => received.has(k)).map(([k, at]) => received.get(k)! - at);
    const lost = injectedAt.size - latencies.length;
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    // A lost alert is an infinitely late one: the p99 cannot pass with any lost beyond 1 %.
    const pass = latencies.length > 0 && p99 < TARGET_P99_MS && lost <= Math.floor(injectedAt.size / 100);
    return [
      {
        case: '4 alert latency',
        figure: `p99 collect -> email accepted, ${injectedAt.size} crises under ${fmtRate(backgroundRate)} background`,
        value: fmtMs(p99),
        baseline: `p50 ${fmtMs(p50)}`,
        ratio: null,
        target: `p99 < ${fmtMs(TARGET_P99_MS)}`,
        pass,
        raw: { p50, p99, max: Math.max(...latencies), crises: injectedAt.size, lost, backgroundPerSecond: backgroundRate, peakRssMb: worker.peakRssMb() },
        ...(lost > 0 ? { notes: `${lost} crises had no email within ${GRACE_MS / 1000} s of the last injection` } : {}),
      },
    ];
  } finally {
    await worker?.stop();
    await Promise.all(Object.values(ctx.queues).map((q) => q.obliterate({ force: true }).catch(() => {})));
    await ctx.close();
    await sink.close();
    await dropPostgresDatabase(DATABASE);
  }
}
