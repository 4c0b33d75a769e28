// A full run at debug level with an API token, an SMTP password and an X bearer token configured: collect from X,
// score, detect, email, API calls with right and wrong tokens. Not one secret may appear in the captured log.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../../src/api/server.js';
import { importMentionFile } from '../../src/stages/import-file.js';
import { FakePlatform } from '../helpers/fake-platform.js';
import { writeCrisisFile } from '../helpers/crisis-file.js';
import { requireRedis } from '../helpers/services.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { waitUntil } from '../helpers/wait.js';
import { newWorld } from '../integration/sources/emulators/world.js';
import { installX } from '../integration/sources/emulators/x.js';
import { startChaosPipeline, type ChaosPipeline } from './chaos-pipeline.js';

const API_TOKEN = 'api-token-Zq81xLm2Pw';
const SMTP_PASSWORD = 'smtp-pass-Hy7c3Rk9';
const X_BEARER = 'x-bearer-AAAAvT5sN0q';
const SECRETS = [API_TOKEN, SMTP_PASSWORD, X_BEARER, encodeURIComponent(SMTP_PASSWORD)];

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/platforms/x/${name}`, import.meta.url), 'utf8'));

let dir: string;
let smtp: SmtpSink;
let fake: FakePlatform;
let pipeline: ChaosPipeline;
const logs: string[] = [];

beforeAll(async () => {
  await requireRedis();
  dir = mkdtempSync(join(tmpdir(), 'vigie-chaos-logs-'));
  smtp = await startSmtpSink();
  fake = await FakePlatform.start();
  const world = newWorld(X_BEARER);
  world.items = fixture('tweets.json');
  installX(fake, world, fixture('users.json'));
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => logs.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const smtpWithPassword = smtp.url.replace('smtp://', `smtp://vigie:${SMTP_PASSWORD}@`);
  pipeline = await startChaosPipeline({
    dataDir: dir,
    databaseUrl: `sqlite:${join(dir, 'vigie.db')}`,
    smtpUrl: smtpWithPassword,
    env: { X_BEARER_TOKEN: X_BEARER },
    logDestination: logStream,
    yaml: (base) =>
      base.replace('api: { publicUrl: "http://vigie.test" }', `api: { publicUrl: "http://vigie.test", port: 0, token: "${API_TOKEN}" }`) +
      `sources:\n  - { id: x-acme, type: x, query: acme, baseUrl: "${fake.url}" }\n`,
  });
});

afterAll(async () => {
  await pipeline?.stop();
  await fake?.close();
  await smtp?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('secrets in logs', () => {
  it('never writes the API token, the SMTP password or the X bearer token', { timeout: 120_000 }, async () => {
    const { ctx } = pipeline;
    pipeline.startWorkers(['collect', 'score', 'detect', 'notify']);
    await ctx.queues.collect.add('poll', { kind: 'poll', sourceId: 'x-acme' }, { jobId: 'poll-x-acme-logs' });
    const file = writeCrisisFile(join(dir, 'crisis.jsonl'), { end: Date.UTC(2026, 2, 20, 12) });
    await importMentionFile(ctx, file.path);
    await waitUntil(async () => (await ctx.store.db.selectFrom('mentions').select('id').where('platform', '=', 'x').execute()).length > 0, 'X mentions collected', 60_000);
    // The alert email is attempted with the password (the sink refuses AUTH, so it is retried and logged).
    await waitUntil(async () => (await ctx.store.db.selectFrom('alert_deliveries').select('id').execute()).length > 0, 'an alert delivery attempt', 60_000);

    const api = await startApi({ config: ctx.config, store: ctx.store, logger: ctx.logger, redis: ctx.redis, redisPrefix: pipeline.prefix });
    try {
      await fetch(`${api.url}/api/mentions`, { headers: { authorization: `Bearer ${API_TOKEN}` } });
      await fetch(`${api.url}/api/mentions?token=${API_TOKEN}`);
      for (let i = 0; i < 3; i++) await fetch(`${api.url}/api/mentions`, { headers: { authorization: `Bearer ${API_TOKEN}x` } });
    } finally {
      await api.close();
    }

    expect(logs.length).toBeGreaterThan(10);
    const leaks = logs.filter((line) => SECRETS.some((secret) => line.includes(secret)));
    expect(leaks).toEqual([]);
  });
});
