// Operations: Prometheus metrics move as mentions flow, bull-board answers only with the token,
// and a config reload adds an entity and removes a source without a restart or losing queued jobs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../../../src/api/server.js';
import { applyConfig } from '../../../src/app/reload-config.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { upsertCollectSchedulers } from '../../../src/queue/schedulers.js';
import { importMentionFile } from '../../../src/stages/import-file.js';
import { writeCrisisFile } from '../../helpers/crisis-file.js';
import { startTestPipeline, type TestPipeline } from '../../helpers/pipeline.js';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.js';
import { waitUntil } from '../../helpers/wait.js';

const TOKEN = 'ops-test-token-0123456789';

const metricValue = (text: string, name: string, labels: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && labels.split(',').every((kv) => l.includes(kv)));
  return line ? Number(line.split(' ').at(-1)) : 0;
};

describe('operations', () => {
  let smtp: SmtpSink;
  let pipeline: TestPipeline;
  let api: { url: string; close(): Promise<void> };
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-ops-'));
    smtp = await startSmtpSink();
    const sources = `
sources:
  - { id: inbox-a, type: file, path: ${JSON.stringify(join(dir, 'a.jsonl'))}, everySeconds: 3600 }
  - { id: inbox-b, type: file, path: ${JSON.stringify(join(dir, 'b.jsonl'))}, everySeconds: 3600 }
`;
    pipeline = await startTestPipeline('sqlite', { smtpUrl: smtp.url, dataDir: dir, yaml: (base) => base.replace('api: { publicUrl: "http://vigie.test" }', `api: { publicUrl: "http://vigie.test", token: "${TOKEN}", port: 0 }`) + sources });
    const { ctx } = pipeline;
    api = await startApi({ config: ctx.config, store: ctx.store, logger: ctx.logger, redis: ctx.redis, queues: ctx.queues });
  });
  afterAll(async () => {
    await api?.close();
    await pipeline?.stop();
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exposes Prometheus metrics that move when mentions flow, behind the token', async () => {
    const scrape = async () => (await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect((await fetch(`${api.url}/metrics`)).status).toBe(401);
    const before = await scrape();
    expect(before).toContain('vigie_queue_jobs{stage="score",state="waiting"}');
    expect(before).toContain('vigie_process_resident_memory_bytes');
    expect(before).toContain('vigie_nodejs_eventloop_lag_seconds');

    const file = writeCrisisFile(join(dir, 'm.jsonl'), { end: Date.parse('2026-11-20T15:00:00Z'), days: 1, angry: 30 });
    await importMentionFile(pipeline.ctx, file.path, 'metrics-test');
    const total = file.calmCount + file.angryCount;
    await waitUntil(async () => metricValue(await scrape(), 'vigie_mentions_stored_total', 'entity="acme"') === total, `${total} stored mentions in /metrics`);
    const after = await scrape();
    expect(metricValue(after, 'vigie_mentions_collected_total', 'source="metrics-test"')).toBe(total);
    expect(metricValue(after, 'vigie_mentions_scored_total', 'lang="fr"')).toBeGreaterThan(0);
    // One process runs every stage here, so the imported batches are scored within their collect jobs.
    expect(after).toMatch(/vigie_job_wait_seconds_count\{stage="collect"\} [1-9]/);
    await waitUntil(async () => metricValue(await scrape(), 'vigie_alerts_total', 'event="opened"') >= 1, 'an alert counted');
  });

  it('shows the queues in bull-board only to the token holder', async () => {
    expect((await fetch(`${api.url}/admin/queues`)).status).toBe(401);
    expect((await fetch(`${api.url}/admin/queues`, { headers: { authorization: `Basic ${Buffer.from('ops:wrong').toString('base64')}` } })).status).toBe(401);
    const page = await fetch(`${api.url}/admin/queues`, { headers: { authorization: `Basic ${Buffer.from(`ops:${TOKEN}`).toString('base64')}` } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('__UI_CONFIG__');
    const queues = await fetch(`${api.url}/admin/queues/api/queues`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(queues.status).toBe(200);
    expect(JSON.stringify(await queues.json())).toContain('"name":"score"');
  });

  it('reloads config: a new entity is watched, a removed source loses its schedule, queued jobs stay', async () => {
    const { ctx } = pipeline;
    await upsertCollectSchedulers(ctx);
    const schedulerKeys = async () => (await ctx.queues.collect.getJobSchedulers(0, -1)).map((s) => s.key).sort();
    expect(await schedulerKeys()).toEqual(['collect-inbox-a', 'collect-inbox-b']);
    await ctx.queues.maintain.pause();
    await ctx.queues.maintain.add('author-graph', { task: 'author-graph' });
    const queuedBefore = await ctx.queues.maintain.getWaitingCount();

    const next = parseConfig(
      `
dataDir: ${JSON.stringify(dir)}
database: ${JSON.stringify(ctx.config.database)}
redis: ${JSON.stringify(ctx.config.redis)}
smtp: { url: ${JSON.stringify(smtp.url)} }
api: ${JSON.stringify(ctx.config.api)}
entities:
  - { id: acme, name: Acme, kind: brand, terms: [Acme] }
  - { id: brandy, name: Brandy, kind: competitor, parent: acme, terms: [Brandy] }
  - { id: initech, name: Initech, kind: competitor, parent: acme, terms: [Initech] }
sources:
  - { id: inbox-a, type: file, path: ${JSON.stringify(join(dir, 'a.jsonl'))}, everySeconds: 3600 }
channels:
  - { id: cm, type: email, to: [cm@acme.test] }
`,
      'reloaded.yaml',
      {},
    );
    const result = await applyConfig(ctx, next, true);
    expect(result).toEqual({ entities: ['acme', 'brandy', 'initech'], sources: ['inbox-a'], needsRestart: [] });
    expect(await schedulerKeys()).toEqual(['collect-inbox-a']);
    expect(ctx.matcher.match('Initech beats Acme')).toEqual(['acme', 'initech']);
    expect(await ctx.store.db.selectFrom('entities').select('id').where('id', '=', 'initech').executeTakeFirst()).toEqual({ id: 'initech' });
    expect(await ctx.queues.maintain.getWaitingCount()).toBe(queuedBefore);
    await ctx.queues.maintain.resume();
  });
});
