// `vigie demo`: a fresh replay of the bundled scenario on the embedded defaults, with the dashboard address printed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { AppContext } from '../app/context.js';
import { loadConfigFile, type VigieConfig } from '../config/load-config.js';
import { demoBusinessMetricsCsv } from '../demo/business-metrics.js';
import { DEMO_DAYS } from '../demo/scenario.js';
import { sqlitePath, isPostgresUrl } from '../store/database.js';
import { importMetricsCsv } from '../store/metrics-repository.js';
import { createLogger } from '../logger.js';
import { STAGES, queueName } from '../queue/names.js';
import { createRedis } from '../queue/redis-connection.js';
import { runVigie, stopOnSignals } from '../app/run-vigie.js';

export const DEMO_CONFIG = 'config/demo.yaml';
/** Real time between influence recomputations while the demo runs: two minutes are half a scenario day at 360x. */
const INFLUENCE_EVERY_MS = 120_000;

export async function runDemo(configPath = DEMO_CONFIG): Promise<void> {
  const config = loadConfigFile(configPath);
  const logger = createLogger();
  // The replay is a show that starts from the beginning each time: forget the previous run.
  if (!isPostgresUrl(config.database.url)) {
    const db = sqlitePath(config.database.url, config.dataDir);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  }
  const running = await runVigie(config, {
    stages: STAGES,
    api: true,
    schedulers: true,
    logger,
    prepare: async (ctx) => {
      await forgetPreviousQueues(ctx.redisTarget, config.redis.prefix);
      await importBusinessMetrics(ctx, config, logger);
    },
  });
  const stopInfluence = refreshInfluenceAfterHistory(running.ctx, logger);
  const stop = running.stop;
  running.stop = () => {
    stopInfluence();
    return stop();
  };
  stopOnSignals(running, logger);
  const outbox = resolve(config.smtp.outboxDir || `${config.dataDir}/outbox`);
  console.log(
    [
      '',
      '  Vigie demo is running.',
      `  Dashboard:  ${running.apiUrl}`,
      `  Emails:     ${config.smtp.url ? 'sent through SMTP' : outbox}`,
      '  The scenario replays five weeks of mentions of Kelio and its competitors on X, Reddit, Mastodon,',
      '  Bluesky, YouTube and news sites; a crisis starts within the first minute and the first alert follows it.',
      '  Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

/**
 * Writes the scenario's business figures as the CSV a team would bring and imports it, as
 * `vigie import-metrics` does: the Business page and the digest then have sign-ups to cross with mentions.
 */
async function importBusinessMetrics(ctx: AppContext, config: VigieConfig, logger: Logger): Promise<void> {
  const replay = config.sources.find((s) => s.type === 'replay') as { seed?: number } | undefined;
  if (!replay) return;
  const file = join(config.dataDir, 'demo-business-metrics.csv');
  mkdirSync(config.dataDir, { recursive: true });
  // The replay's scenario ends when it starts, a moment from now: the same days, the same crisis day.
  writeFileSync(file, demoBusinessMetricsCsv({ seed: replay.seed ?? 42, end: new Date(ctx.now()), days: DEMO_DAYS }));
  const result = await importMetricsCsv(ctx.store.db, file);
  logger.info({ file, imported: result.imported, rejected: result.rejected.length }, 'demo business metrics imported');
}

/**
 * Influence (engagement, amplification, graph rank) is computed by the hourly author-graph job, whose first
 * run meets an empty database: once the replay's history is scored, and then every few minutes, run it again.
 */
function refreshInfluenceAfterHistory(ctx: AppContext, logger: Logger): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const queueRun = async (reason: string) => {
    await ctx.queues.maintain.add('author-graph', { task: 'author-graph' }, { jobId: `demo-author-graph-${Math.floor(Date.now() / 1000)}` });
    logger.info({ reason }, 'demo: influence recomputation queued');
  };
  const waitForHistory = async () => {
    if (stopped) return;
    const [mentions, pending] = await Promise.all([
      ctx.store.db.selectFrom('mentions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
      ctx.queues.score.getJobCounts('waiting', 'active', 'delayed'),
    ]);
    const scoring = (pending.waiting ?? 0) + (pending.active ?? 0) + (pending.delayed ?? 0);
    if (Number(mentions?.n ?? 0) > 0 && scoring === 0) {
      await queueRun('history scored');
      timer = setInterval(() => void queueRun('periodic').catch(() => undefined), INFLUENCE_EVERY_MS);
      timer.unref();
      return;
    }
    timer = setTimeout(() => void waitForHistory().catch((error) => logger.warn({ err: (error as Error).message }, 'demo: influence wait failed')), 2_000);
    timer.unref();
  };
  void waitForHistory().catch((error) => logger.warn({ err: (error as Error).message }, 'demo: influence wait failed'));
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

async function forgetPreviousQueues(target: Parameters<typeof createRedis>[0], prefix: string): Promise<void> {
  const connection = createRedis(target);
  try {
    for (const stage of STAGES) {
      const queue = new Queue(queueName(stage), { connection, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  } finally {
    connection.disconnect();
  }
}
