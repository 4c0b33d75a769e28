// `vigie doctor`: checks each part of an install and says, in a sentence, what is wrong and how to fix it.
import { loadConfigFile, type VigieConfig } from '../config/load-config.js';
import { createLogger } from '../logger.js';
import { createMailer } from '../notify/mailer.js';
import { describeRedis, evictionProblems, isCluster, pingRedis } from '../queue/redis-connection.js';
import { configuredRedis } from '../queue/resolve-redis.js';
import { xReadsThisMonth } from '../queue/x-read-counter.js';
import { withRedis } from './with-redis.js';
import { budgetStatus } from '../sources/x-budget.js';
import { redisServerInstalled } from '../queue/embedded-redis.js';
import { buildSources } from '../sources/registry.js';
import { isPostgresUrl, openDatabase } from '../store/database.js';
import { maskCredentials } from '../store/database-url.js';
import { failingSources, type FailingSource } from '../store/cursor-repository.js';
import { pendingMigrations } from '../store/migrate.js';
import { join } from 'node:path';
import { sql } from 'kysely';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export async function diagnose(config: VigieConfig): Promise<Check[]> {
  const checks: Check[] = [];
  const attempt = async (name: string, run: () => Promise<string>) => {
    try {
      checks.push({ name, ok: true, detail: await run() });
    } catch (error) {
      checks.push({ name, ok: false, detail: (error as Error).message });
    }
  };
  let failing: FailingSource[] = [];
  await attempt('database', async () => {
    const store = await openDatabase(config.database.url, config.dataDir);
    try {
      failing = await failingSources(store.db).catch(() => []);
      const pending = await pendingMigrations(store);
      return pending.length ? `${store.description}: ${pending.length} migration(s) pending (${pending.join(', ')}): run "vigie migrate"` : `${store.description}: up to date`;
    } finally {
      await store.close();
    }
  });
  if (isPostgresUrl(config.database.url) && checks.at(-1)?.ok) await attempt('database statistics', () => autovacuumStatus(config.database.url));
  await attempt('redis', async () => {
    const configured = configuredRedis(config.redis);
    if (configured) {
      await pingRedis(configured);
      return `${describeRedis(configured)} answers`;
    }
    try {
      await pingRedis({});
      return '127.0.0.1:6379 answers';
    } catch (error) {
      if (redisServerInstalled()) return 'nothing on 127.0.0.1:6379; Vigie will start a private redis-server under the data folder';
      throw error;
    }
  });
  if (checks.at(-1)?.ok && !checks.at(-1)?.detail.startsWith('nothing on')) {
    await attempt('redis eviction policy', () => withRedis(config, async (redis) => {
      const problems = await evictionProblems(redis);
      if (problems.length) throw new Error(`${problems.join('; ')}: BullMQ loses queued jobs when Redis evicts keys; set maxmemory-policy noeviction`);
      return `noeviction${isCluster(redis) ? ' on every master' : ''}`;
    }));
  }
  await attempt('smtp', async () => {
    const mailer = createMailer({ smtpUrl: config.smtp.url, outboxDir: config.smtp.outboxDir || join(config.dataDir, 'outbox') });
    try {
      return await mailer.verify();
    } finally {
      mailer.close();
    }
  });
  const sources = buildSources(config.sources, { env: process.env, now: Date.now, logger: createLogger({ level: 'silent' }) });
  for (const [id, { source, config: sourceConfig }] of sources) {
    await attempt(`source ${id}`, async () => (source.check ? source.check() : 'no check available for this source'));
    const lastPoll = failing.find((f) => f.sourceId === id);
    if (lastPoll) checks.push({ name: `source ${id} last poll`, ok: false, detail: `failing since ${new Date(lastPoll.since).toISOString()}: ${lastPoll.error}` });
    const budget = (sourceConfig as { monthlyReadBudget?: number }).monthlyReadBudget;
    if (sourceConfig.type === 'x' && budget) await attempt(`source ${id} monthly reads`, () => describeXBudget(config, budget));
  }
  return checks;
}

/**
 * Each week's partition of mentions needs statistics once it fills: without them the planner guesses, and a lookup of a
 * few rows by key can become a scan of the whole week (bench case 2 lost half its PostgreSQL time to one such plan).
 * Autovacuum gathers them; with it off, nothing does.
 */
async function autovacuumStatus(url: string): Promise<string> {
  const store = await openDatabase(url);
  try {
    const { rows } = await sql<{ setting: string }>`select current_setting('autovacuum') as setting`.execute(store.db);
    if (rows[0]?.setting !== 'on') throw new Error('autovacuum is off: new weeks of mentions are never analysed and the planner guesses their size; turn it on (autovacuum = on), or run ANALYZE mentions, mention_entities after each busy hour');
    return 'autovacuum is on';
  } finally {
    await store.close();
  }
}

async function describeXBudget(config: VigieConfig, monthlyReadBudget: number): Promise<string> {
  return withRedis(config, async (redis) => {
    const now = Date.now();
    const s = budgetStatus({ monthlyReadBudget, postsReadThisMonth: await xReadsThisMonth(redis, config.redis.prefix, now), now });
    const line = `${s.used} of ${s.budget} posts read this month, ${s.remaining} left (${Math.floor(s.dailyAllowance)} a day until ${s.resetsAt.slice(0, 10)})`;
    if (s.exhausted) throw new Error(`${line}: budget exhausted, X polling waits for the reset`);
    return line;
  });
}

export async function runDoctor(configPath: string): Promise<boolean> {
  const config = loadConfigFile(configPath);
  console.log(`config ${configPath}: valid`);
  const checks = await diagnose(config);
  // A driver's error may quote the URL it was given: never print a password.
  for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${maskCredentials(c.detail)}`);
  return checks.every((c) => c.ok);
}
