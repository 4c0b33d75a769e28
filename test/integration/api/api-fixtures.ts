// A small hand-written world for API and end-to-end tests: a brand, a competitor, mentions over two weeks, an alert, business metrics.
import { pino } from 'pino';
import { parseConfig, type VigieConfig } from '../../../src/config/load-config.js';
import type { Alert } from '../../../src/domain/alert.js';
import type { SentimentLabel } from '../../../src/domain/mention.js';
import type { Store } from '../../../src/store/database.js';
import { insertAlert } from '../../../src/store/alert-repository.js';
import { storeMentions, type StoredMention } from '../../../src/store/mention-repository.js';
import { syncEntities } from '../../../src/store/entity-repository.js';
import { upsertMetrics } from '../../../src/store/metrics-repository.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** The data's last day starts here; the current week is the 7 days before END. */
export const END = Date.UTC(2026, 2, 20);
export const XSS_TEXT = '<img src=x onerror=alert(1)>';
export const FORMULA_TEXT = '=HYPERLINK("http://evil.example","click")';

export function testConfig(api: { token?: string; host?: string; port?: number } = {}, dataDir = '/tmp/vigie-api-test'): VigieConfig {
  return parseConfig(
    `
dataDir: ${dataDir}
api:
  host: ${api.host ?? '127.0.0.1'}
  port: ${api.port ?? 0}
  token: "${api.token ?? ''}"
  linkSecret: test-link-secret
entities:
  - id: acme
    name: Acme
    kind: brand
    terms: [acme]
    ownHandles: { x: ["@acme"] }
    employeeHandles: { x: ["jane_acme"] }
    norms: { negativeShare: 0.18 }
  - id: globex
    name: Globex
    kind: competitor
    parent: acme
    terms: [globex]
    locale: fr
`,
    'test.yaml',
    {},
  );
}

export const silentLogger = () => pino({ level: 'silent' });

interface MentionSpec {
  id: string;
  at: number;
  text: string;
  tone: SentimentLabel;
  entity?: string;
  author?: string;
  followers?: number;
  likes?: number;
  reach?: number;
  lang?: string;
  platform?: string;
}

export function mention(s: MentionSpec): StoredMention {
  const platform = s.platform ?? 'x';
  const author = s.author ?? `user_${s.id}`;
  return {
    platform,
    externalId: s.id,
    url: `https://x.example/${author}/status/${s.id}`,
    text: s.text,
    publishedAt: new Date(s.at).toISOString(),
    author: { platform, externalId: `a-${author}`, handle: author, followers: s.followers ?? 100 },
    engagement: { likes: s.likes ?? 0, reshares: 0, replies: 0, quotes: 0 },
    lang: s.lang ?? 'en',
    sentiment: { label: s.tone, score: s.tone === 'positive' ? 0.5 : s.tone === 'negative' ? -0.5 : 0, confidence: 0.8, drivers: [] },
    influence: 10,
    reach: s.reach ?? 10,
    riskFlags: [],
    entityIds: [s.entity ?? 'acme'],
    sourceId: 'test',
    collectedAt: s.at,
  };
}

/**
 * Current week (END - 7 days .. END) for acme: 6 mentions, 2 negative, 1 neutral, 3 positive, engagement 100, reach 1000;
 * without the brand's own post (id 4), which the rollups leave out: 5 mentions, 2 positive, engagement 70, reach 700.
 * Previous week: 2 acme mentions, both negative. Globex: 2 mentions this week, reach 3000.
 */
export const MENTIONS: StoredMention[] = [
  mention({ id: '1', at: END - 6 * DAY, text: 'Acme support never answered my refund request', tone: 'negative', likes: 40, reach: 300 }),
  mention({ id: '2', at: END - 5 * DAY, text: XSS_TEXT, tone: 'negative', reach: 100 }),
  mention({ id: '3', at: END - 4 * DAY, text: 'Acme store opens at nine', tone: 'neutral', reach: 100, lang: 'fr' }),
  mention({ id: '4', at: END - 3 * DAY, text: 'Love the new Acme phone', tone: 'positive', author: 'acme', followers: 5000, likes: 30, reach: 300 }),
  mention({ id: '5', at: END - 2 * DAY, text: 'Proud of our Acme launch team', tone: 'positive', author: 'jane_acme', likes: 20, reach: 100 }),
  mention({ id: '6', at: END - DAY, text: FORMULA_TEXT, tone: 'positive', likes: 10, reach: 100 }),
  mention({ id: '7', at: END - 10 * DAY, text: 'Acme delivery late again', tone: 'negative', reach: 50 }),
  mention({ id: '8', at: END - 9 * DAY, text: 'Acme lost my parcel', tone: 'negative', reach: 50 }),
  mention({ id: '9', at: END - 3 * DAY, text: 'Globex is fine', tone: 'neutral', entity: 'globex', reach: 1500 }),
  mention({ id: '10', at: END - 2 * DAY, text: 'Globex rocks', tone: 'positive', entity: 'globex', reach: 1500 }),
];

export function openAlert(overrides: Partial<Alert> = {}): Alert {
  const detected = END - 5 * DAY + HOUR;
  return {
    id: 'alert-1',
    dedupKey: 'acme:volume:1',
    entityId: 'acme',
    detectors: ['volume'],
    severity: 'high',
    status: 'open',
    why: 'Negative mentions of Acme tripled in an hour',
    numbers: { negative: 12, baseline: 4 },
    evidence: ['x:1', 'x:2'],
    phrases: ['refund'],
    onsetAt: END - 5 * DAY,
    detectedAt: detected,
    notifiedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    firstResponseAt: null,
    updatedAt: detected,
    lastFiredAt: detected,
    lastSeenAt: detected,
    quietSince: null,
    ...overrides,
  };
}

/** Daily sessions for the 30 days before END that follow acme's volume. */
export function sessionMetrics() {
  return Array.from({ length: 30 }, (_, i) => {
    const day = new Date(END - (30 - i) * DAY).toISOString().slice(0, 10);
    return { entityId: 'acme', day, name: 'web sessions', value: 1000 + 37 * ((i * 7) % 11) };
  });
}

export async function seed(store: Store, config: VigieConfig): Promise<void> {
  await syncEntities(store.db, config.entities, END);
  await storeMentions(store, MENTIONS.map((m) => (m.author.handle === 'acme' ? { ...m, authorIsOwn: true } : m)));
  await insertAlert(store.db, openAlert());
  await upsertMetrics(store.db, sessionMetrics());
}
