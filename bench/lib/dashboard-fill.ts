// Fills the persistent `vigie_bench` database with ~10 M mentions whose per-minute counts follow the detection simulator's rhythms.
import { sql, type Kysely } from 'kysely';
import { simulateTimeline, type ScenarioKind } from '../../src/detection/simulator.js';
import { DAY_MS, HOUR_MS, type Bucket } from '../../src/detection/series.js';
import type { EntityConfig } from '../../src/config/schema.js';
import { createScorer } from '../../src/scoring/scorer.js';
import { syncEntities } from '../../src/store/entity-repository.js';
import type { Store } from '../../src/store/database.js';
import type { Database } from '../../src/store/tables.js';
import { demoMentions } from './demo-texts.js';
import { ensureWeekPartitions, forgetKnownWeeks, listPartitions } from '../../src/store/mention-partitions.js';

export const FILL_DAYS = 90;
/** The data ends here; the dashboard's default period is the last 7 days of it. */
export const FILL_END = Date.UTC(2026, 0, 12);
/** 2: mentions in weekly partitions (migration 0009). */
const FILL_VERSION = 2;
const SEED = 20260112;
/** Share of the volume each demo entity gets (the brand and its rivals talk most). */
const VOLUME_SHARE: Record<string, number> = { kelio: 0.38, 'kelio-aura': 0.2, 'margaux-delorme': 0.05, veltra: 0.22, homely: 0.15 };
const PLATFORMS = ['x', 'reddit', 'mastodon', 'bluesky', 'youtube'];
const AUTHORS_PER_PLATFORM = 40_000;
/** Minute buckets per INSERT ... SELECT statement (about 30,000 mentions). */
const BUCKETS_PER_STATEMENT = 600;
const EVENTS: ScenarioKind[] = ['viral_post', 'product_launch', 'slow_burn', 'news_day', 'influencer'];

export interface FillSpec {
  version: number;
  mentions: number;
  days: number;
  end: number;
  seed: number;
}

interface Timeline {
  entityId: string;
  minutes: Bucket[];
  events: { kind: string; onsetAt: number; endAt: number }[];
}

function simulateAll(entities: readonly EntityConfig[], mentions: number): Timeline[] {
  const start = FILL_END - FILL_DAYS * DAY_MS;
  const run = (scale: number) =>
    entities.map((e, i) => {
      const events = EVENTS.map((kind, j) => ({ kind, at: start + (10 + ((i * 7 + j * 17) % 75)) * DAY_MS + ((i + j) % 24) * HOUR_MS }));
      const tl = simulateTimeline({ seed: SEED + i, meanPerHour: scale * (VOLUME_SHARE[e.id] ?? 0.05), start, days: FILL_DAYS, events, notableFrom: FILL_END, entityId: e.id });
      return { entityId: e.id, minutes: tl.minutes, events: tl.events };
    });
  const mean = mentions / (FILL_DAYS * 24);
  const first = run(mean);
  const total = first.reduce((s, t) => s + t.minutes.reduce((a, b) => a + b.total, 0), 0);
  // The simulator adds trend and events on top of the mean: one rescale lands within a few percent of the target.
  return run((mean * mentions) / total);
}

/** Texts of the demo scenario by the label our scorer gives them, so a stored label matches its text. */
function textsByLabel(entities: readonly EntityConfig[]): Record<'negative' | 'neutral' | 'positive', { texts: string[]; langs: string[] }> {
  const scorer = createScorer({ maskTerms: entities.flatMap((e) => [e.name, ...e.terms]) });
  const out = { negative: { texts: [] as string[], langs: [] as string[] }, neutral: { texts: [] as string[], langs: [] as string[] }, positive: { texts: [] as string[], langs: [] as string[] } };
  for (const m of demoMentions()) {
    const s = scorer.score(m);
    out[s.sentiment.label].texts.push(m.text);
    out[s.sentiment.label].langs.push(s.lang);
  }
  return out;
}

async function currentFill(db: Kysely<Database>): Promise<FillSpec | null> {
  await sql`CREATE TABLE IF NOT EXISTS bench_fill (spec text NOT NULL, filled_at bigint NOT NULL)`.execute(db);
  const rows = await sql<{ spec: string }>`SELECT spec FROM bench_fill`.execute(db);
  return rows.rows[0] ? (JSON.parse(rows.rows[0].spec) as FillSpec) : null;
}

/** Reuses the database when it holds the same fill; otherwise empties it and generates. Returns the mentions stored. */
export async function ensureDashboardData(store: Store, entities: readonly EntityConfig[], mentions: number, log: (line: string) => void): Promise<number> {
  const { db } = store;
  const spec: FillSpec = { version: FILL_VERSION, mentions, days: FILL_DAYS, end: FILL_END, seed: SEED };
  const found = await currentFill(db);
  if (found && JSON.stringify(found) === JSON.stringify(spec)) {
    const n = await sql<{ n: number }>`SELECT count(*) AS n FROM mentions`.execute(db);
    log(`  reusing vigie_bench (${Number(n.rows[0].n).toLocaleString('en')} mentions)`);
    return Number(n.rows[0].n);
  }
  log(`  generating ${mentions.toLocaleString('en')} mentions over ${FILL_DAYS} days in vigie_bench (first run only; several minutes)`);
  await sql`TRUNCATE bench_fill, mentions, mention_entities, rollups_hourly, rollups_minute, authors, alerts, alert_deliveries, business_metrics`.execute(db);
  // Weekly partitions over the filled period (an older fill's legacy partition would hold it all in one).
  for (const part of await listPartitions(db)) await sql`DROP TABLE IF EXISTS ${sql.id(part.name)}`.execute(db);
  forgetKnownWeeks(db);
  await ensureWeekPartitions(db, Array.from({ length: FILL_DAYS + 8 }, (_, d) => FILL_END - (FILL_DAYS + 1) * DAY_MS + d * DAY_MS));
  await syncEntities(db, entities, FILL_END);
  await fillAuthors(db);
  const timelines = simulateAll(entities, mentions);
  const texts = textsByLabel(entities);
  const started = performance.now();
  let done = 0;
  for (const tl of timelines) {
    for (let i = 0; i < tl.minutes.length; i += BUCKETS_PER_STATEMENT) {
      const chunk = tl.minutes.slice(i, i + BUCKETS_PER_STATEMENT).filter((b) => b.total > 0);
      done += await fillMinutes(db, tl.entityId, chunk, texts);
      if (i % (BUCKETS_PER_STATEMENT * 40) === 0) {
        const rate = done / ((performance.now() - started) / 1000);
        log(`  ${done.toLocaleString('en')} mentions (${tl.entityId}), ${Math.round(rate).toLocaleString('en')}/s`);
      }
    }
  }
  log('  hourly rollups from the stored mentions');
  await fillRollups(db);
  await fillAlerts(db, timelines);
  await fillBusiness(db, timelines);
  log('  ANALYZE');
  await sql`ANALYZE`.execute(db);
  await sql`INSERT INTO bench_fill (spec, filled_at) VALUES (${JSON.stringify(spec)}, ${Date.now()})`.execute(db);
  return done;
}

async function fillAuthors(db: Kysely<Database>): Promise<void> {
  // Heavy-tailed audiences: most accounts have tens of followers, a few have hundreds of thousands.
  await sql`
    INSERT INTO authors (id, platform, external_id, handle, display_name, description, followers, following, verified, is_own,
                         posts, engagement_earned, amplified_count, influence, graph_rank, first_seen_at, last_seen_at)
    SELECT p || ':a' || n, p, 'a' || n, 'user' || n || '_' || p, 'User ' || n, CASE WHEN n % 97 = 0 THEN 'journalist' ELSE NULL END,
           floor(exp((n * 7919 % 1000) / 1000.0 * 12))::bigint, n % 500, CASE WHEN n % 211 = 0 THEN 1 ELSE 0 END, 0,
           1 + n % 40, (n * 31) % 5000, (n * 13) % 300, ((n * 7919) % 10000) / 100.0, ((n * 104729) % 10000) / 10000.0,
           ${FILL_END - FILL_DAYS * DAY_MS}, ${FILL_END}
    FROM unnest(${PLATFORMS}::text[]) AS p CROSS JOIN generate_series(0::bigint, ${AUTHORS_PER_PLATFORM - 1}::bigint) AS n`.execute(db);
}

/** One INSERT ... SELECT per chunk of minute buckets: PostgreSQL expands each bucket into its mentions. */
async function fillMinutes(db: Kysely<Database>, entityId: string, buckets: readonly Bucket[], texts: ReturnType<typeof textsByLabel>): Promise<number> {
  if (buckets.length === 0) return 0;
  const total = buckets.reduce((s, b) => s + b.total, 0);
  const starts = buckets.map((b) => b.start);
  const negative = buckets.map((b) => b.negative);
  const neutral = buckets.map((b) => b.neutral);
  const positive = buckets.map((b) => b.positive);
  const risky = buckets.map((b) => b.riskFlagged);
  const reach = buckets.map((b) => Math.round(b.reach / Math.max(1, b.total)));
  await sql`
    WITH b AS (
      SELECT * FROM unnest(${starts}::bigint[], ${negative}::int[], ${neutral}::int[], ${positive}::int[], ${risky}::int[], ${reach}::bigint[])
        AS b(bucket_start, negative, neutral, positive, risky, reach)
    ), g AS (
      SELECT b.*, k, ${PLATFORMS}::text[] AS platforms,
             CASE WHEN k <= b.negative THEN 'negative' WHEN k <= b.negative + b.neutral THEN 'neutral' ELSE 'positive' END AS label,
             (b.bucket_start / 60000 * 31 + k * 7) AS h
      FROM b CROSS JOIN LATERAL generate_series(1, b.negative + b.neutral + b.positive) AS k
    ), m AS (
      SELECT g.*, platforms[1 + h % 5] AS platform, ${entityId} || '~' || bucket_start || '~' || k AS external_id,
             CASE label WHEN 'negative' THEN ${texts.negative.texts}::text[] WHEN 'neutral' THEN ${texts.neutral.texts}::text[] ELSE ${texts.positive.texts}::text[] END AS texts,
             CASE label WHEN 'negative' THEN ${texts.negative.langs}::text[] WHEN 'neutral' THEN ${texts.neutral.langs}::text[] ELSE ${texts.positive.langs}::text[] END AS langs
      FROM g
    ), ins AS (
      INSERT INTO mentions (id, platform, external_id, source_id, url, text, lang, published_at, collected_at, author_id, reply_to, quote_of, reshare_of,
                            likes, reshares, replies, quotes, views, sentiment_label, sentiment_score, sentiment_confidence, sentiment_drivers,
                            influence, reach, risk_flags, topics, is_own, first_response_at)
      SELECT platform || ':' || external_id, platform, external_id, 'bench-fill', NULL, texts[1 + h % array_length(texts, 1)], langs[1 + h % array_length(langs, 1)],
             bucket_start + (k * 997) % 60000, bucket_start + 60000 + (k * 997) % 60000, platform || ':a' || (h % ${AUTHORS_PER_PLATFORM}), NULL, NULL, NULL,
             h % 23, h % 7, h % 5, h % 3, NULL, label,
             CASE label WHEN 'negative' THEN -0.2 - (h % 60) / 100.0 WHEN 'positive' THEN 0.2 + (h % 60) / 100.0 ELSE 0 END, 0.6 + (h % 40) / 100.0, '[]',
             (h % 1000) / 10.0, reach, CASE WHEN label = 'negative' AND k <= risky THEN '["safety"]' ELSE '[]' END, '[]', 0, NULL
      FROM m
      RETURNING id, published_at, sentiment_label, influence
    )
    INSERT INTO mention_entities (mention_id, entity_id, published_at, sentiment_label, influence)
    SELECT id, ${entityId}, published_at, sentiment_label, influence FROM ins`.execute(db);
  return total;
}

async function fillRollups(db: Kysely<Database>): Promise<void> {
  await sql`
    INSERT INTO rollups_hourly (entity_id, platform, bucket_start, total, negative, neutral, positive, engagement, reach, negative_reach, risk_flagged, sentiment_sum)
    SELECT split_part(external_id, '~', 1), platform, published_at / 3600000 * 3600000, count(*),
           count(*) FILTER (WHERE sentiment_label = 'negative'), count(*) FILTER (WHERE sentiment_label = 'neutral'), count(*) FILTER (WHERE sentiment_label = 'positive'),
           sum(likes + reshares + replies + quotes), sum(reach), coalesce(sum(reach) FILTER (WHERE sentiment_label = 'negative'), 0),
           count(*) FILTER (WHERE risk_flags <> '[]'), sum(sentiment_score)
    FROM mentions WHERE source_id = 'bench-fill'
    GROUP BY 1, 2, 3`.execute(db);
}

/** One resolved alert per simulated crisis or trap, so the alert list and page have something to show. */
async function fillAlerts(db: Kysely<Database>, timelines: readonly Timeline[]): Promise<void> {
  const rows = timelines.flatMap((tl) =>
    tl.events.map((ev, i) => ({
      id: `bench-${tl.entityId}-${i}`,
      dedup_key: `bench-${tl.entityId}-${i}`,
      entity_id: tl.entityId,
      detectors: JSON.stringify(['volume']),
      severity: 'high',
      status: 'resolved',
      why: `simulated ${ev.kind.replace(/_/g, ' ')}`,
      numbers: JSON.stringify({ observed: 100, expected: 20 }),
      evidence: '[]',
      phrases: '[]',
      onset_at: ev.onsetAt,
      detected_at: ev.onsetAt + 10 * 60_000,
      notified_at: ev.onsetAt + 11 * 60_000,
      acknowledged_at: null,
      acknowledged_by: null,
      resolved_at: ev.endAt,
      first_response_at: null,
      updated_at: ev.endAt,
      last_fired_at: ev.onsetAt + 60 * 60_000,
      last_seen_at: ev.onsetAt + 60 * 60_000,
      quiet_since: ev.endAt - 60 * 60_000,
    })),
  );
  if (rows.length > 0) await db.insertInto('alerts').values(rows).execute();
}

/** Daily revenue and web visits of the brand, loosely following its mention volume, for the correlation page. */
async function fillBusiness(db: Kysely<Database>, timelines: readonly Timeline[]): Promise<void> {
  const brand = timelines[0];
  const perDay = new Map<string, number>();
  for (const b of brand.minutes) {
    const day = new Date(b.start).toISOString().slice(0, 10);
    perDay.set(day, (perDay.get(day) ?? 0) + b.positive - b.negative);
  }
  const rows = [...perDay].flatMap(([day, net], i) => [
    { entity_id: brand.entityId, day, name: 'revenue', value: 50_000 + 20 * net + (i % 7) * 1000 },
    { entity_id: brand.entityId, day, name: 'web_visits', value: 12_000 + 5 * net + (i % 5) * 300 },
  ]);
  await db.insertInto('business_metrics').values(rows).execute();
}
