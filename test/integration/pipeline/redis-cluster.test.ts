// The pipeline on a real 3-master Redis Cluster: exactly-once ingest, detection to email, SSE alert events,
// schedulers and config reload, locks and the X read counter, all through the hash-tagged prefix.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertEventHub } from '../../../src/api/alert-event-hub.js';
import { applyConfig } from '../../../src/app/reload-config.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { createLogger } from '../../../src/logger.js';
import type { AlertEventMessage } from '../../../src/queue/alert-events.js';
import { evictionProblems, isCluster } from '../../../src/queue/redis-connection.js';
import { acquireLock } from '../../../src/queue/redis-lock.js';
import { upsertCollectSchedulers, upsertMaintenanceSchedulers } from '../../../src/queue/schedulers.js';
import { addXReads, xReadsThisMonth } from '../../../src/queue/x-read-counter.js';
import { importMentionFile } from '../../../src/stages/import-file.js';
import { writeCrisisFile } from '../../helpers/crisis-file.js';
import { acmeConfigYaml, startTestPipeline, type TestPipeline } from '../../helpers/pipeline.js';
import { startRedisCluster, type TestRedisCluster } from '../../helpers/redis-cluster.js';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.js';
import { waitUntil } from '../../helpers/wait.js';

describe('pipeline on a 3-master Redis Cluster (PostgreSQL)', () => {
  let cluster: TestRedisCluster;
  let smtp: SmtpSink;
  let pipeline: TestPipeline;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-cluster-'));
    cluster = await startRedisCluster();
    smtp = await startSmtpSink();
    pipeline = await startTestPipeline('postgres', { smtpUrl: smtp.url, dataDir: dir, redisCluster: cluster });
  }, 180_000); // three redis-servers, a migrated schema and every worker: slow when the suite runs in parallel
  afterAll(async () => {
    // Stopping must end by itself on a cluster too (it once hung about one run in three, see worker-runtime's close).
    await pipeline?.stop();
    await smtp?.close();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000); // closing the workers waits for the jobs in flight, slow on a busy machine

  it('runs on the cluster, whose masters all refuse to evict', async () => {
    expect(isCluster(pipeline.ctx.redis)).toBe(true);
    expect(await evictionProblems(pipeline.ctx.redis)).toEqual([]);
    const master = (pipeline.ctx.redis as import('ioredis').Cluster).nodes('master')[0];
    await master.config('SET', 'maxmemory-policy', 'allkeys-lru');
    try {
      expect((await evictionProblems(pipeline.ctx.redis)).join()).toMatch(/maxmemory-policy allkeys-lru/);
    } finally {
      await master.config('SET', 'maxmemory-policy', 'noeviction');
    }
  });

  it('imports, stores each mention once, raises one alert, emails it and pushes the alert event', async () => {
    const { ctx } = pipeline;
    const { db } = ctx.store;
    const events: AlertEventMessage[] = [];
    const hub = createAlertEventHub(ctx.redis, ctx.config.redis.prefix, ctx.logger);
    const stopListening = hub.listen((m) => events.push(m));
    try {
      // The subscription is lazy: a message published through the hub itself proves it is in place.
      await waitUntil(async () => {
        await hub.publish({ alertId: 'probe', entityId: 'acme', event: 'updated', severity: 'low', at: 0 });
        return events.some((e) => e.alertId === 'probe');
      }, 'the alert-event subscription', 10_000);

      const file = writeCrisisFile(join(dir, 'mentions.jsonl'), { end: Date.parse('2026-11-20T15:00:00Z') });
      const total = file.calmCount + file.angryCount;
      expect((await importMentionFile(ctx, file.path, 'cluster-import')).queued).toBe(total);
      const count = async () => Number((await db.selectFrom('mentions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      await waitUntil(async () => (await count()) === total, `${total} stored mentions`, 60_000);

      const email = await smtp.waitFor((m) => /Acme/.test(m.subject ?? ''), 60_000);
      expect(email.to && 'text' in email.to ? email.to.text : '').toContain('cm@acme.test');
      const alerts = await waitUntil(async () => {
        const rows = await db.selectFrom('alerts').selectAll().where('entity_id', '=', 'acme').execute();
        return rows.length > 0 && rows.every((a) => a.notified_at !== null) && rows;
      }, 'the alert marked notified');
      expect(alerts).toHaveLength(1);
      await waitUntil(async () => events.some((e) => e.alertId === alerts[0].id && e.event === 'opened'), 'the opened event over pub/sub', 10_000);

      // The same file again (new job ids): nothing stored twice, no second alert.
      await importMentionFile(ctx, file.path, 'cluster-import-again');
      await waitUntil(async () => {
        const c = await ctx.queues.score.getJobCounts('waiting', 'active', 'delayed');
        return c.waiting + c.active + c.delayed === 0;
      }, 'score queue drained');
      expect(await count()).toBe(total);
      const rollup = await db.selectFrom('rollups_hourly').select((eb) => eb.fn.sum<number>('total').as('n')).where('entity_id', '=', 'acme').executeTakeFirstOrThrow();
      expect(Number(rollup.n)).toBe(total);
      expect(await db.selectFrom('alerts').selectAll().where('entity_id', '=', 'acme').execute()).toHaveLength(1);
    } finally {
      stopListening();
      await hub.close();
    }
  });

  it('keeps schedulers unique across restarts and follows a config reload', async () => {
    const { ctx } = pipeline;
    await upsertMaintenanceSchedulers(ctx);
    await upsertMaintenanceSchedulers(ctx);
    expect((await ctx.queues.maintain.getJobSchedulers(0, -1)).map((s) => s.key ?? s.id).sort()).toEqual(['maintain-author-graph', 'maintain-retention', 'maintain-retrain']);

    const withFeed = parseConfig(
      `${acmeConfigYaml({ databaseUrl: pipeline.database.url, smtpUrl: smtp.url, prefix: ctx.config.redis.prefix, dataDir: dir, redisCluster: cluster.addresses })}sources:
  - { id: rss-acme, type: rss, feeds: ["https://feeds.example.com/acme.xml"] }
`,
      'reload.yaml',
      {},
    );
    const reloaded = await applyConfig(ctx, withFeed, false);
    expect(reloaded.sources).toEqual(['rss-acme']);
    expect(await upsertCollectSchedulers(ctx)).toEqual(['collect-rss-acme']);
    expect((await ctx.queues.collect.getJobSchedulers(0, -1)).map((s) => s.key ?? s.id)).toEqual(['collect-rss-acme']);
    await applyConfig(ctx, { ...withFeed, sources: [] }, true);
    expect(await ctx.queues.collect.getJobSchedulers(0, -1)).toEqual([]);
  });

  it('takes locks and counts X reads in the prefix slot', async () => {
    const { ctx } = pipeline;
    const key = `${ctx.config.redis.prefix}:digest-lock:acme:2026-W47`;
    const first = await acquireLock(ctx.redis, key, 10_000);
    expect(first).not.toBeNull();
    expect(await acquireLock(ctx.redis, key, 10_000)).toBeNull();
    await first!.release();
    const again = await acquireLock(ctx.redis, key, 10_000);
    expect(again).not.toBeNull();
    await again!.release();

    const now = Date.parse('2026-11-20T12:00:00Z');
    await addXReads(ctx.redis, ctx.config.redis.prefix, 7, now);
    await addXReads(ctx.redis, ctx.config.redis.prefix, 5, now);
    expect(await xReadsThisMonth(ctx.redis, ctx.config.redis.prefix, now)).toBe(12);
  });
});

describe('the cluster in the config', () => {
  it('is parsed and checked', () => {
    const base = (redis: string) => `redis: ${redis}\nentities: [{ id: acme, name: Acme, kind: brand, terms: [Acme] }]\n`;
    expect(parseConfig(base('{ cluster: ["10.0.0.1:7000", "10.0.0.2:7000"] }'), 'c.yaml', {}).redis.cluster).toHaveLength(2);
    expect(parseConfig(base('{ cluster: "redis://:secret@10.0.0.1:7000,10.0.0.2:7000" }'), 'c.yaml', {}).redis.cluster).toContain('10.0.0.2');
    expect(() => parseConfig(base('{ cluster: ["10.0.0.1"] }'), 'c.yaml', {})).toThrow(/redis\.cluster.*not host:port/s);
    expect(() => parseConfig(base('{ cluster: ["10.0.0.1:7000"], prefix: "vigie" }'), 'c.yaml', {})).toThrow(/redis\.prefix.*hash-tagged/s);
    expect(() => parseConfig(base('{ cluster: ["10.0.0.1:7000"], url: "redis://10.0.0.1:6379" }'), 'c.yaml', {})).toThrow(/either redis\.url or redis\.cluster/);
  });
});
