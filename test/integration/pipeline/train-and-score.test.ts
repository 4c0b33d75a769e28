// Labels -> vigie train -> a versioned model in the database -> the score worker scores with it; rollback, the maintain
// job's retraining threshold, and custom tags learnt from a few tagged mentions, on SQLite and PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshModels } from '../../../src/app/active-models.js';
import { createAppContext, type AppContext } from '../../../src/app/context.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { createLogger } from '../../../src/logger.js';
import { retrainIfDue } from '../../../src/stages/maintain.js';
import { runScore } from '../../../src/stages/score.js';
import { trainFromLabels } from '../../../src/stages/train.js';
import { applyLabels } from '../../../src/store/label-repository.js';
import { activateModel, listModels } from '../../../src/store/model-repository.js';
import { setMentionTag } from '../../../src/store/tag-repository.js';
import { createTestDatabase, DIALECTS, REDIS_URL, requireRedis, testRedisPrefix, type TestDatabase } from '../../helpers/services.js';

const T0 = Date.UTC(2026, 10, 20, 10);
/** Invented words the lexicon cannot know: only the team's labels can teach them. */
const NEGATIVE = ['my acme parcel is glorped again', 'glorped box from acme, third time', 'acme glorped the order', 'still glorped, acme'];
const NEUTRAL = ['acme opens a shop in lyon', 'acme store hours on sunday', 'acme ships from lyon', 'acme catalogue for winter'];
const POSITIVE = ['love my acme kettle', 'acme support was great', 'great acme service, thanks', 'love acme, great value'];

const post = (i: number, text: string) => ({
  platform: 'x',
  externalId: `p${i}`,
  text,
  publishedAt: new Date(T0 + i * 1000).toISOString(),
  author: { platform: 'x', externalId: `a${i}`, handle: `user${i}`, followers: 10 },
  engagement: { likes: 0, reshares: 0, replies: 0, quotes: 0 },
  entityIds: ['acme'],
});

describe.each(DIALECTS)('training and scoring with the team\'s model on %s', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let dir: string;
  let next = 0;
  const score = async (texts: string[]) => {
    const mentions = texts.map((t) => post(next++, t));
    await runScore(ctx, { sourceId: 'test', collectedAt: T0, mentions });
    return mentions.map((m) => `x:${m.externalId}`);
  };
  const stored = (id: string) => ctx.store.db.selectFrom('mentions').select(['sentiment_label', 'sentiment_drivers']).where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    await requireRedis();
    db = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'vigie-train-'));
    const config = parseConfig(
      `
dataDir: ${JSON.stringify(dir)}
database: { url: ${JSON.stringify(db.url)} }
redis: { url: ${JSON.stringify(REDIS_URL)}, prefix: ${JSON.stringify(testRedisPrefix())} }
entities: [{ id: acme, name: Acme, kind: brand, terms: [acme] }]
learning: { retrainAfterLabels: 6, folds: 3, modelCheckSeconds: 3600 }
tags: [{ id: delivery, name: Delivery }]
`,
      'train-test.yaml',
      {},
    );
    ctx = await createAppContext(config, { logger: createLogger({ level: 'silent' }), dbSchema: db.schema, redisTarget: { url: REDIS_URL } });
  });
  afterAll(async () => {
    if (ctx) {
      await Promise.all(Object.values(ctx.queues).map((q) => q.obliterate({ force: true }).catch(() => {})));
      await ctx.close();
    }
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('trains on the labels, stores a version that beats the lexicon, and the score stage uses it', async () => {
    const groups = [NEGATIVE, NEUTRAL, POSITIVE];
    const ids: string[][] = [];
    for (const texts of groups) ids.push(await score(Array.from({ length: 12 }, (_, i) => `${texts[i % 4]} #${i}`)));
    // The lexicon reads the invented complaint as neutral: the team corrects it.
    expect((await stored(ids[0][0])).sentiment_label).toBe('neutral');
    const labels = (['negative', 'neutral', 'positive'] as const).flatMap((label, g) => ids[g].map((mentionId) => ({ mentionId, label, by: 'ana', source: 'api' as const, at: T0 })));
    await applyLabels(ctx.store, labels);

    const outcome = await trainFromLabels(ctx.store, { by: 'test', now: T0 + 1, maskText: ctx.maskText, folds: 3 });
    const en = outcome.sentiment.find((s) => s.lang === 'en')!;
    expect(en.model).toMatchObject({ id: 'sentiment-en-v1', adopted: true, active: true, labels: 36 });
    expect(en.model!.cvMacroF1).toBeGreaterThan(en.model!.lexiconMacroF1);
    expect(en.reason).toMatch(/^adopted on 36 labelled mentions: lexicon \d+\.\d, trained \d+\.\d macro-F1 \(3-fold\)$/);

    // The worker notices the new active model (at its next check) and scores new mentions with it.
    expect(ctx.models.sentiment).toBeNull();
    expect(await refreshModels(ctx, true)).toBe(true);
    const [fresh] = await score(['acme glorped my order again']);
    const row = await stored(fresh);
    expect(row.sentiment_label).toBe('negative');
    expect(row.sentiment_drivers).toContain('trained model: negative');
  });

  it('rolls back to the lexicon and to a version, and the worker follows', async () => {
    await activateModel(ctx.store.db, { kind: 'sentiment', lang: 'en', lexicon: true });
    expect(await refreshModels(ctx)).toBe(false); // not yet time to check
    ctx.modelsCheckedAt = 0;
    expect(await refreshModels(ctx)).toBe(true);
    expect(ctx.models.sentiment).toBeNull();
    expect((await stored((await score(['acme glorped it']))[0])).sentiment_label).toBe('neutral');

    await activateModel(ctx.store.db, { id: 'sentiment-en-v1' });
    ctx.modelsCheckedAt = 0;
    await refreshModels(ctx);
    expect((await stored((await score(['acme glorped it twice']))[0])).sentiment_label).toBe('negative');
  });

  it('the maintain job retrains only once enough new labels arrived', async () => {
    expect(await retrainIfDue(ctx)).toEqual({ newLabels: 0, trained: [] });
    const ids = await score(Array.from({ length: 6 }, (_, i) => `${POSITIVE[i % 4]} again ${i}`));
    await applyLabels(ctx.store, ids.map((mentionId) => ({ mentionId, label: 'positive' as const, by: 'bob', source: 'dashboard' as const, at: T0 + 10 })));
    const result = await retrainIfDue(ctx);
    expect(result.newLabels).toBe(6);
    expect(result.trained).toContain('sentiment-en-v2');
    const versions = (await listModels(ctx.store.db, 'sentiment')).map((m) => [m.id, m.active]);
    expect(versions).toEqual([['sentiment-en-v2', true], ['sentiment-en-v1', false]]);
  });

  it('learns a custom tag from a few tagged mentions and tags new ones at scoring time', async () => {
    const ids = await score(['acme parcel lost in transit', 'acme courier never came', 'acme parcel late by a week', 'acme delivery van missed me', 'acme courier left the parcel outside', 'acme kettle is lovely', 'acme shop opens sunday', 'acme price went up']);
    for (const [i, id] of ids.entries()) await setMentionTag(ctx.store.db, { mentionId: id, tagId: 'delivery', applies: i < 5, by: 'ana', at: T0 });
    const outcome = await trainFromLabels(ctx.store, { by: 'test', now: T0 + 20, maskText: ctx.maskText, folds: 3 });
    expect(outcome.tags.model).toMatchObject({ kind: 'tags', active: true });
    ctx.modelsCheckedAt = 0;
    await refreshModels(ctx);
    const [tagged, untagged] = await score(['acme parcel courier lost again', 'acme kettle is lovely indeed']);
    const tags = await ctx.store.db.selectFrom('mention_tags').select(['mention_id', 'tag_id', 'source']).where('mention_id', 'in', [tagged, untagged]).execute();
    expect(tags).toEqual([{ mention_id: tagged, tag_id: 'delivery', source: 'model' }]);
  });
});
