// The demo's Kelio Aura crisis seen from the competitors: posts that praise Veltra at Kelio's expense ("glad i went
// with #Veltra … at least it does not melt") or gloat ("@veltra must be enjoying this Kelio Aura mess") are Kelio's
// bad news, so the crisis alerts Kelio and its Aura, and raises no negative or crisis alert for Veltra (issue #16, 6).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type AppContext } from '../../../src/app/context.js';
import { generateScenario, type Scenario } from '../../../src/demo/scenario.js';
import { HOUR_MS, MINUTE_MS } from '../../../src/domain/time-buckets.js';
import { runDetect } from '../../../src/stages/detect.js';
import { listAlerts } from '../../../src/store/alert-repository.js';
import { storeMentions } from '../../../src/store/mention-repository.js';
import { createTestDatabase, REDIS_URL, requireRedis, type TestDatabase } from '../../helpers/services.js';
import { demoConfig, scoreDemoMentions } from '../digest/demo-weeks.js';

const silent = pino({ level: 'silent' });
const END = Date.UTC(2026, 10, 24, 18);
/** Detection runs every few scenario minutes, from half an hour before the onset to well past the peak. */
const STEP_MINUTES = Number(process.env.VIGIE_STANCE_STEP ?? 5);
const WATCH_HOURS = Number(process.env.VIGIE_STANCE_WATCH_HOURS ?? 8);
const ENTITIES = ['kelio-aura', 'kelio', 'veltra', 'homely'];

describe('the demo crisis and the competitors', () => {
  let database: TestDatabase;
  let ctx: AppContext;
  let scenario: Scenario;
  let dir: string;

  beforeAll(async () => {
    await requireRedis();
    dir = mkdtempSync(join(tmpdir(), 'vigie-demo-stance-'));
    database = await createTestDatabase('sqlite');
    ctx = await createAppContext({ ...demoConfig(database.url, ''), dataDir: dir }, { logger: silent, dbSchema: database.schema, redisTarget: { url: REDIS_URL }, now: () => END });
    // VIGIE_STANCE_BASELINE=1: one tone per post for every entity, as before per-entity tone, to see what it changes.
    if (process.env.VIGIE_STANCE_BASELINE) ctx.stance = { targets: (i) => i.entityIds.map((entityId) => ({ entityId, role: 'direct', label: i.tone })) };
    scenario = generateScenario({ seed: 42, end: new Date(END) });
  }, 120_000);

  afterAll(async () => {
    await ctx?.close();
    await database?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('alerts Kelio and its Aura, and raises no negative or crisis alert for Veltra', { timeout: 300_000 }, async () => {
    const onset = Date.parse(scenario.crisis.startsAt);
    const from = onset - 30 * MINUTE_MS;
    const at = (m: { publishedAt: string }) => Date.parse(m.publishedAt);
    await storeMentions(ctx.store, scoreDemoMentions(ctx, scenario.mentions.filter((m) => at(m) < from)));
    for (let t = from; t < onset + WATCH_HOURS * HOUR_MS; t += STEP_MINUTES * MINUTE_MS) {
      const next = t + STEP_MINUTES * MINUTE_MS;
      await storeMentions(ctx.store, scoreDemoMentions(ctx, scenario.mentions.filter((m) => at(m) >= t && at(m) < next)));
      for (const entityId of ENTITIES) await runDetect(ctx, { entityId, asOf: next });
    }
    const alerts = await listAlerts(ctx.store.db, {});
    const summary = alerts.map((a) => `${a.entityId} ${a.severity} [${a.detectors.join(',')}] ${a.why}`);
    console.log(summary.join('\n'));
    const of = (entityId: string) => alerts.filter((a) => a.entityId === entityId);
    expect(of('kelio-aura').length, summary.join('\n')).toBeGreaterThan(0);
    expect(of('kelio').length, summary.join('\n')).toBeGreaterThan(0);
    // The flagship crisis is still alerted early.
    const first = Math.min(...[...of('kelio-aura'), ...of('kelio')].map((a) => a.detectedAt));
    expect((first - onset) / MINUTE_MS).toBeLessThanOrEqual(15);
    for (const competitor of ['veltra', 'homely']) {
      const bad = of(competitor).filter((a) => a.detectors.some((d) => /negative|risk/.test(d)) || a.severity === 'high' || a.severity === 'critical');
      expect(bad.map((a) => `${a.severity} [${a.detectors.join(',')}] ${a.why}`), competitor).toEqual([]);
    }

    // The posts themselves: negative for the Aura, never for Veltra.
    const links = await ctx.store.db
      .selectFrom('mention_entities as me')
      .innerJoin('mentions as m', 'm.id', 'me.mention_id')
      .select(['m.text', 'me.entity_id', 'me.sentiment_label', 'me.stance'])
      .where('me.published_at', '>=', onset)
      .where((eb) => eb.or([eb('m.text', 'like', '%enjoying this%mess%'), eb('m.text', 'like', '%glad i went with%')]))
      .execute();
    expect(links.filter((l) => l.entity_id === 'veltra').length).toBeGreaterThan(0);
    expect(links.filter((l) => l.entity_id === 'veltra' && l.sentiment_label === 'negative').map((l) => l.text)).toEqual([]);
  });
});
