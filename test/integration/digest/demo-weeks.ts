// Seeds a test database with the demo scenario: four quiet weeks, then the crisis week 2026-W47, an alert and daily sign-ups.
import { readFileSync } from 'node:fs';
import type { AppContext } from '../../../src/app/context.js';
import { scoreMention } from '../../../src/stages/score.js';
import { parseConfig, type VigieConfig } from '../../../src/config/load-config.js';
import type { Alert } from '../../../src/domain/alert.js';
import { DAY_MS } from '../../../src/domain/time-buckets.js';
import { generateScenario, type ScenarioCrisis } from '../../../src/demo/scenario.js';
import { insertAlert } from '../../../src/store/alert-repository.js';
import { storeMentions, type StoredMention } from '../../../src/store/mention-repository.js';
import { upsertMetrics } from '../../../src/store/metrics-repository.js';
import { rollupSeries } from '../../../src/store/rollup-queries.js';
import { REDIS_URL, testRedisPrefix } from '../../helpers/services.js';

export const CRISIS_WEEK = '2026-W47';
/** Sunday 22 November 2026, 21:00 in Paris: the crisis week's scenario ends here. */
export const SCENARIO_END = Date.UTC(2026, 10, 22, 20);
export const SIGNUPS = 'sign-ups';
// Six-day scenarios, a few quiet days a week: days without mentions make the sign-ups' link to negative days plain.
const SCENARIO_DAYS = 6;

/** config/demo.yaml itself, pointed at the test's database, SMTP server and a Redis prefix of its own. */
export function demoConfig(databaseUrl: string, smtpUrl: string): VigieConfig {
  const config = parseConfig(readFileSync('config/demo.yaml', 'utf8'), 'config/demo.yaml', {
    DEMO_DATABASE_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    REDIS_URL,
    VIGIE_PORT: '0',
  });
  return { ...config, redis: { ...config.redis, prefix: testRedisPrefix() } };
}

/** The demo's mentions as the score stage stores them: matched, scored, with the brand's own posts recognised. */
export function scoreDemoMentions(ctx: AppContext, mentions: ReturnType<typeof generateScenario>['mentions']): StoredMention[] {
  return mentions.flatMap((m) => {
    const entityIds = ctx.matcher.match(m.text);
    if (entityIds.length === 0) return [];
    return [scoreMention(ctx, { ...m, entityIds }, 'demo', Date.parse(m.publishedAt) + 60_000)];
  });
}

export interface SeededDemo {
  crisis: ScenarioCrisis;
  alert: Alert;
}

export async function seedDemoWeeks(ctx: AppContext): Promise<SeededDemo> {
  const db = ctx.store.db;
  // The weeks before: the quiet first days of other seeds' scenarios (each stops where its own crisis would begin).
  for (let k = 1; k <= 4; k++) {
    const quiet = generateScenario({ seed: 42 + k, end: new Date(SCENARIO_END - k * 7 * DAY_MS), days: SCENARIO_DAYS });
    const before = quiet.mentions.filter((m) => m.publishedAt < quiet.crisis.startsAt);
    await storeMentions(ctx.store, scoreDemoMentions(ctx, before));
  }
  const scenario = generateScenario({ seed: 42, end: new Date(SCENARIO_END), days: SCENARIO_DAYS });
  await storeMentions(ctx.store, scoreDemoMentions(ctx, scenario.mentions));

  const onset = Date.parse(scenario.crisis.startsAt);
  const evidence = await db
    .selectFrom('mention_entities')
    .select('mention_id')
    .where('entity_id', '=', 'kelio-aura')
    .where('sentiment_label', '=', 'negative')
    .where('published_at', '>=', onset)
    .orderBy('published_at')
    .limit(20)
    .execute();
  const alert: Alert = {
    id: 'alert-demo-crisis',
    dedupKey: 'kelio-aura-volume-demo',
    entityId: 'kelio-aura',
    detectors: ['volume', 'negative-share'],
    severity: 'high',
    status: 'resolved',
    why: 'Negative mentions of Kelio Aura <b>jumped</b> & spread after an influential post',
    numbers: { mentionsPerHour: 42 },
    evidence: evidence.map((r) => r.mention_id),
    phrases: [],
    onsetAt: onset,
    detectedAt: onset + 7 * 60_000,
    notifiedAt: onset + 8 * 60_000,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: Date.parse(scenario.crisis.endsAt),
    // Left empty: the digest finds the brand's first public answer itself.
    firstResponseAt: null,
    updatedAt: onset,
    lastFiredAt: onset,
    lastSeenAt: onset,
    quietSince: null,
  };
  await insertAlert(db, alert);

  // Sign-ups that fall the day after negative mentions rise: a link the digest should find and tell.
  const from = SCENARIO_END - 120 * DAY_MS;
  const daily = await rollupSeries(db, 'rollups_hourly', { entityId: 'kelio', from, to: SCENARIO_END + DAY_MS });
  const negativeByDay = new Map<string, number>();
  for (const b of daily) {
    const key = new Date(b.start).toISOString().slice(0, 10);
    negativeByDay.set(key, (negativeByDay.get(key) ?? 0) + b.negative);
  }
  const rows = [];
  for (let t = from; t <= SCENARIO_END; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    const yesterday = new Date(t - DAY_MS).toISOString().slice(0, 10);
    const wobble = ((t / DAY_MS) % 7) * 3;
    rows.push({ entityId: 'kelio', day, name: SIGNUPS, value: Math.round(400 + wobble - 0.8 * (negativeByDay.get(yesterday) ?? 0)) });
  }
  await upsertMetrics(db, rows);
  return { crisis: scenario.crisis, alert };
}
