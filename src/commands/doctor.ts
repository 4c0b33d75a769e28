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
import { openDatabase } from '../store/database.js';
import { maskCredentials } from '../store/database-url.js';
import { failingSources, type FailingSource } from '../store/cursor-repository.js';
import { pendingMigrations } from '../store/migrate.js';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

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
  let autovacuum: string | undefined;
  await attempt('database', async () => {
    const store = await openDatabase(config.database.url, config.dataDir);
    try {
      failing = await failingSources(store.db).catch(() => []);
      if (store.dialect === 'postgres') autovacuum = await autovacuumSetting(store.db);
      const pending = await pendingMigrations(store);
      return pending.length ? `${store.description}: ${pending.length} migration(s) pending (${pending.join(', ')}): run "vigie migrate"` : `${store.description}: up to date`;
    } finally {
      await store.close();
    }
  });
  if (autovacuum !== undefined) {
    const setting = autovacuum;
    await attempt('database statistics', async () => autovacuumVerdict(setting));
  }
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

const autovacuumSetting = async (db: Kysely<Database>): Promise<string> =>
  (await sql<{ setting: string }>`select current_setting('autovacuum') as setting`.execute(db)).rows[0]?.setting ?? 'unknown';

/**
 * Without autovacuum nothing vacuums the rows that upserts and updates leave behind (rollups, replies), and each week's
 * partition of mentions gets planner statistics only from the nightly maintain job: until then the planner guesses,
 * and a lookup of a few rows by key can become a scan of the whole week (bench case 2 lost half its PostgreSQL time to
 * one such plan).
 */
function autovacuumVerdict(setting: string): string {
  if (setting !== 'on') throw new Error('autovacuum is off: nothing vacuums the tables, and new weeks of mentions get statistics only from the nightly ANALYZE of the maintain job, so the planner guesses their size until then; turn it on (autovacuum = on)');
  return 'autovacuum is on';
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
