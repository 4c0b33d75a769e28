// The ingest bench's stream through the collect and score stages, delivered twice in part: each mention, link and
// rollup count lands once, and the bench's own exactly-once expectation agrees with what the pipeline stored. Both
// ways a process running both stages can work: scoring within the collect job, or through the score queue.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { demoEntities } from '../../../bench/lib/bench-config.js';
import { demoMentions } from '../../../bench/lib/demo-texts.js';
import { expectedIngest, isExact, verifyIngest } from '../../../bench/lib/ingest-check.js';
import { streamSlice, type StreamOptions } from '../../../bench/lib/mention-stream.js';
import { waitForDrain } from '../../../bench/lib/queue-drain.js';
import { createAppContext, isOwnHandle, type AppContext } from '../../../src/app/context.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { entitiesOfMention } from '../../../src/domain/entity-matcher.js';
import { createLogger } from '../../../src/logger.js';
import type { CollectJob } from '../../../src/queue/names.js';
import { startWorkers, type RunningWorkers } from '../../../src/queue/worker-runtime.js';
import { runScore } from '../../../src/stages/score.js';
import { handlers } from '../../../workers/index.js';
import { createTestDatabase, DIALECTS, REDIS_URL, requireRedis, testRedisPrefix, type TestDatabase } from '../../helpers/services.js';

const JOB_SIZE = 1000;

const MODES = DIALECTS.flatMap((dialect) => [true, false].map((scoreInCollect) => ({ dialect, scoreInCollect })));

describe.each(MODES)('the ingest bench stream on $dialect (scoreInCollect: $scoreInCollect), with duplicate deliveries', ({ dialect, scoreInCollect }) => {
  let database: TestDatabase;
  let ctx: AppContext;
  let workers: RunningWorkers;
  let dir: string;

  beforeAll(async () => {
    await requireRedis();
    dir = mkdtempSync(join(tmpdir(), 'vigie-bench-stream-'));
    database = await createTestDatabase(dialect);
    const yaml = stringify({
      dataDir: dir,
      database: { url: database.url },
      redis: { url: REDIS_URL, prefix: testRedisPrefix() },
      api: { publicUrl: 'http://vigie.test' },
      entities: demoEntities().map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined))),
      workers: { scoreInCollect },
    });
    ctx = await createAppContext(parseConfig(yaml, 'bench-stream.yaml', {}), { logger: createLogger({ level: 'silent' }), dbSchema: database.schema, redisTarget: { url: REDIS_URL } });
    workers = startWorkers(ctx, handlers, ['collect', 'score']);
  }, 60_000);
  afterAll(async () => {
    await workers?.close();
    await Promise.all(Object.values(ctx?.queues ?? {}).map((q) => q.obliterate({ force: true }).catch(() => {})));
    await ctx?.close();
    await database?.destroy();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('stores the stream once, rolls up all but the brand’s own posts, and the bench expects exactly that', async () => {
    const posts = demoMentions();
    const total = posts.length + 1500;
    const stream: StreamOptions = { runTag: 'dup', start: Date.now() - total, perSecond: 5000 };

    // The stream keeps posts of handles that are the brand's on their original platform only (mastodon, bluesky):
    // on the stream's platform they are someone else's and count in the rollups. The bench once judged them by the
    // demo post's platform and expected 813 links of 50,000 mentions fewer than the pipeline rightly rolled up.
    const sample = streamSlice(stream, 0, posts.length);
    const ownElsewhere = sample.filter((m, k) => isOwnHandle(ctx.ownHandles, posts[k].platform, posts[k].author.handle) && !isOwnHandle(ctx.ownHandles, m.platform, m.author.handle) && entitiesOfMention(ctx.matcher, m, undefined).length > 0);
    expect(ownElsewhere.length).toBeGreaterThan(0);

    const job = (from: number, suffix = ''): { name: string; data: CollectJob; opts: { jobId: string } } => ({
      name: 'ingest',
      data: { kind: 'ingest', sourceId: 'bench', platform: 'replay', mentions: streamSlice(stream, from, Math.min(JOB_SIZE, total - from)) },
      opts: { jobId: `stream-${from}${suffix}` },
    });
    const jobs = [];
    for (let from = 0; from < total; from += JOB_SIZE) jobs.push(job(from));
    // A poll page fetched twice (a retried poll after a lost acknowledgement): same mentions, another collect job.
    jobs.push(job(0, '-again'), job(3000, '-again'));
    await ctx.queues.collect.addBulk(jobs);
    await waitForDrain([ctx.queues.collect, ctx.queues.score], 120_000);

    // A score job run again after its transaction committed (a worker that died before acknowledging it).
    const retried = streamSlice(stream, 1000, JOB_SIZE).map((m) => ({ ...m, entityIds: entitiesOfMention(ctx.matcher, m, undefined) })).filter((m) => m.entityIds.length > 0);
    expect((await runScore(ctx, { sourceId: 'bench', collectedAt: Date.now(), mentions: retried })).inserted).toBe(0);

    const check = await verifyIngest(ctx, [ctx.queues.collect, ctx.queues.score], stream, total);
    const want = expectedIngest(ctx, stream, total);
    expect(check.rollupTotals).toEqual({ hourly: want.rolledUp, minute: want.rolledUp, expected: want.rolledUp });
    // The brand's own accounts (kelio on every platform) post in the stream and stay out of the rollups.
    expect(want.rolledUp).toBeLessThan(want.linkCount);
    expect(check).toMatchObject({ storedMentions: want.mentions, idChecksumOk: true, likesChecksumOk: true, linksOk: true, rollupsOk: true, failedJobs: 0 });
    expect(isExact(check)).toBe(true);
    // Scored where configured: within the collect jobs (no score job at all), or by score jobs.
    const scoreJobs = await ctx.queues.score.getCompletedCount();
    if (scoreInCollect) expect(scoreJobs).toBe(0);
    else expect(scoreJobs).toBeGreaterThanOrEqual(Math.ceil(total / JOB_SIZE));
  }, 180_000);
});
