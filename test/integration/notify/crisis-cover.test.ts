// One crisis touching a brand, its product and its CEO tells each channel once; a channel that only follows the
// product still hears of it; an unrelated alert, a worse severity and each successive escalation are still told.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type AppContext } from '../../../src/app/context.js';
import { parseConfig } from '../../../src/config/load-config.js';
import type { Alert, AlertSeverity } from '../../../src/domain/alert.js';
import { createLogger } from '../../../src/logger.js';
import type { AlertEvent } from '../../../src/queue/names.js';
import { acquireLock } from '../../../src/queue/redis-lock.js';
import { runNotify } from '../../../src/stages/notify.js';
import { getAlert, insertAlert, listDeliveries, updateAlertState } from '../../../src/store/alert-repository.js';
import { storeMentions } from '../../../src/store/mention-repository.js';
import { END, mention, openAlert } from '../api/api-fixtures.js';
import { createTestDatabase, DIALECTS, REDIS_URL, requireRedis, testRedisPrefix, type TestDatabase } from '../../helpers/services.js';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.js';

const config = (databaseUrl: string, smtpUrl: string, dataDir: string) => `
dataDir: ${JSON.stringify(dataDir)}
database: { url: ${JSON.stringify(databaseUrl)} }
redis: { prefix: ${JSON.stringify(testRedisPrefix())} }
smtp: { url: ${JSON.stringify(smtpUrl)} }
entities:
  - { id: acme, name: Acme, kind: brand, terms: [Acme] }
  - { id: rocket, name: Acme Rocket, kind: product, parent: acme, terms: [Acme Rocket] }
  - { id: wile, name: Wile Coyote, kind: person, parent: acme, terms: [Wile Coyote] }
  - { id: brandy, name: Brandy, kind: product, parent: acme, terms: [Brandy] }
  - { id: veltra, name: Veltra, kind: competitor, parent: acme, terms: [Veltra] }
  - { id: globex, name: Globex, kind: brand, terms: [Globex] }
  - { id: initech, name: Initech, kind: brand, terms: [Initech] }
  - { id: tps, name: Initech TPS, kind: product, parent: initech, terms: [Initech TPS] }
  - { id: hooli, name: Hooli, kind: brand, terms: [Hooli] }
  - { id: nucleus, name: Hooli Nucleus, kind: product, parent: hooli, terms: [Hooli Nucleus] }
channels:
  - { id: cm, type: email, to: [cm@acme.test], from: "Vigie <vigie@acme.test>" }
  - { id: product-team, type: email, to: [rocket@acme.test], from: "Vigie <vigie@acme.test>" }
  - { id: intel, type: email, to: [intel@acme.test], from: "Vigie <vigie@acme.test>" }
alerts:
  routes:
    - { channels: [cm], minSeverity: medium }
    - { channels: [product-team], entities: [rocket], minSeverity: medium }
    - { channels: [intel], competitors: true }
`;

/** Four posts about the Rocket, which name Acme too; two about Brandy alone; two about Initech's TPS; two about Wile and the Rocket. */
const MENTIONS = [
  ...['r1', 'r2', 'r3', 'r4'].map((id, i) => ({ ...mention({ id, at: END - (10 - i) * 60_000, text: `Acme Rocket exploded ${id}`, tone: 'negative' }), entityIds: ['acme', 'rocket'] })),
  ...['b1', 'b2'].map((id, i) => ({ ...mention({ id, at: END - (5 - i) * 60_000, text: `Brandy lost my order ${id}`, tone: 'negative' }), entityIds: ['brandy'] })),
  ...['i1', 'i2'].map((id, i) => ({ ...mention({ id, at: END - (7 - i) * 60_000, text: `Initech TPS leaked ${id}`, tone: 'negative' }), entityIds: ['initech', 'tps'] })),
  ...['h1', 'h2', 'h3'].map((id, i) => ({ ...mention({ id, at: END - (8 - i) * 60_000, text: `Hooli Nucleus overheats ${id}`, tone: 'negative' }), entityIds: ['hooli', 'nucleus'] })),
  ...['w1', 'w2'].map((id, i) => ({ ...mention({ id, at: END - (3 - i) * 60_000, text: `Wile Coyote, recall the Acme Rocket ${id}`, tone: 'negative' }), entityIds: ['wile', 'rocket', 'acme'] })),
];

describe.each(DIALECTS)('one crisis, one message per channel, on %s', (dialect) => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let ctx: AppContext;
  let dir: string;

  beforeAll(async () => {
    await requireRedis();
    dir = mkdtempSync(join(tmpdir(), 'vigie-cover-'));
    database = await createTestDatabase(dialect);
    smtp = await startSmtpSink();
    ctx = await createAppContext(parseConfig(config(database.url, smtp.url, dir), 'test.yaml', {}), {
      logger: createLogger({ level: 'silent' }),
      dbSchema: database.schema,
      redisTarget: { url: REDIS_URL },
    });
    await storeMentions(ctx.store, MENTIONS);
  });
  afterAll(async () => {
    await ctx?.close();
    await database?.destroy();
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const alert = (id: string, entityId: string, severity: AlertSeverity, evidence: string[]): Alert =>
    openAlert({ id, entityId, severity, evidence, dedupKey: `${entityId}:${id}`, why: `${id} fired` });
  const notify = (a: Alert, event: AlertEvent, severity: AlertSeverity = a.severity) => runNotify(ctx, { alertId: a.id, event, severity });
  const mailsTo = (address: string) => smtp.messages.filter((m) => (m.to && 'text' in m.to ? m.to.text : '').includes(address)).map((m) => m.subject ?? '');
  const deliveries = async (id: string) => (await listDeliveries(ctx.store.db, id)).map((d) => [d.channel_id, d.event, d.status]);

  it('tells the brand channel once, the product team of its product, and names the covering alert', async () => {
    const brand = alert('brand', 'acme', 'high', ['x:r1', 'x:r2', 'x:r3', 'x:r4']);
    const product = alert('product', 'rocket', 'high', ['x:r2', 'x:r3', 'x:r4', 'x:w1']);
    const ceo = alert('ceo', 'wile', 'medium', ['x:w1', 'x:w2']);
    for (const a of [brand, product, ceo]) await insertAlert(ctx.store.db, a);

    expect(await notify(brand, 'opened')).toEqual({ delivered: ['cm'], skipped: [], covered: [] });
    expect(await notify(product, 'opened')).toEqual({ delivered: ['product-team'], skipped: [], covered: ['cm'] });
    // The CEO's posts are the Rocket's and Acme's: covered on cm by the brand's alert.
    expect(await notify(ceo, 'opened')).toEqual({ delivered: [], skipped: [], covered: ['cm'] });
    expect(mailsTo('cm@acme.test')).toEqual(['[Vigie] High alert · Acme: surge of mentions']);
    expect(mailsTo('rocket@acme.test')).toEqual(['[Vigie] High alert · Acme Rocket: surge of mentions']);
    const [coveredRow] = (await listDeliveries(ctx.store.db, 'product')).filter((d) => d.channel_id === 'cm');
    expect(coveredRow).toMatchObject({ status: 'covered', attempts: 0, last_error: 'part of the crisis of alert brand (Acme, high), already told on this channel' });
    // A retried job changes nothing.
    expect(await notify(product, 'opened')).toEqual({ delivered: [], skipped: ['cm', 'product-team'], covered: [] });

    // Worse on the product than the brand has told: news for cm.
    const worse = { ...product, severity: 'critical' as const };
    await updateAlertState(ctx.store.db, worse);
    expect(await notify(worse, 'escalated')).toEqual({ delivered: ['cm', 'product-team'], skipped: [], covered: [] });
    expect(mailsTo('cm@acme.test')).toHaveLength(2);

    // cm never heard of the CEO's alert: it is not told that it is resolved either; the product's resolution it is.
    expect(await notify(ceo, 'resolved')).toEqual({ delivered: [], skipped: [], covered: ['cm'] });
    expect(await deliveries('ceo')).toEqual([['cm', 'opened', 'covered'], ['cm', 'resolved', 'covered']]);
    expect(await notify(worse, 'resolved')).toEqual({ delivered: ['cm', 'product-team'], skipped: [], covered: [] });
  });

  it('still tells of an alert whose posts are not the told crisis', async () => {
    // Brandy is in Acme's family, but its posts are its own.
    const other = alert('other-product', 'brandy', 'high', ['x:b1', 'x:b2']);
    await insertAlert(ctx.store.db, other);
    expect(await notify(other, 'opened')).toEqual({ delivered: ['cm'], skipped: [], covered: [] });
  });

  it("tells a competitor's alert to the competitive-intelligence route only, never to the brand's crisis channel", async () => {
    const competitor = alert('competitor', 'veltra', 'critical', ['x:b1']);
    await insertAlert(ctx.store.db, competitor);
    expect(await notify(competitor, 'opened')).toEqual({ delivered: ['intel'], skipped: [], covered: [] });
    expect(mailsTo('intel@acme.test')).toEqual(['[Vigie] Critical alert · Veltra: surge of mentions']);
    expect(mailsTo('cm@acme.test').filter((s) => s.includes('Veltra'))).toEqual([]);
  });

  it('tells each escalation once, and drops one that a later escalation overtook', async () => {
    const globex = alert('globex', 'globex', 'medium', []);
    await insertAlert(ctx.store.db, globex);
    await notify(globex, 'opened');
    for (const severity of ['high', 'critical'] as const) {
      await updateAlertState(ctx.store.db, { ...globex, severity });
      expect(await notify(globex, 'escalated', severity)).toEqual({ delivered: ['cm'], skipped: [], covered: [] });
    }
    expect((await getAlert(ctx.store.db, 'globex'))?.severity).toBe('critical');
    // The high escalation's job, retried late: the critical one has told it.
    expect(await notify(globex, 'escalated', 'high')).toEqual({ delivered: [], skipped: [], covered: [] });
    expect(mailsTo('cm@acme.test').filter((s) => s.includes('Globex'))).toEqual([
      '[Vigie] Medium alert · Globex: surge of mentions',
      '[Vigie] Alert now high · Globex: surge of mentions',
      '[Vigie] Alert now critical · Globex: surge of mentions',
    ]);
    expect(await deliveries('globex')).toEqual([['cm', 'opened', 'delivered'], ['cm', 'escalated', 'delivered'], ['cm', 'escalated', 'delivered']]);
  });

  it('tells two alerts of one family raised together one at a time, so the second sees the first', async () => {
    const brand = alert('initech', 'initech', 'high', ['x:i1', 'x:i2']);
    const product = alert('tps', 'tps', 'high', ['x:i1', 'x:i2']);
    for (const a of [brand, product]) await insertAlert(ctx.store.db, a);
    // One holds the family's lock and tells cm; the other waits for it, then finds cm told.
    const outcomes = await Promise.all([notify(brand, 'opened'), notify(product, 'opened')]);
    expect(outcomes.filter((o) => 'delivered' in o && o.delivered.includes('cm'))).toHaveLength(1);
    expect(outcomes.filter((o) => 'covered' in o && o.covered.includes('cm'))).toHaveLength(1);
    expect(mailsTo('cm@acme.test').filter((s) => s.includes('Initech'))).toHaveLength(1);

    // A family whose lock stays held (a slow channel) puts the job back for a moment, without using an attempt.
    const lock = await acquireLock(ctx.redis, `${ctx.config.redis.prefix}:notify-lock:initech`, 10_000);
    try {
      const outcome = await notify(product, 'resolved');
      expect(outcome).toEqual({ deferUntil: expect.any(Number) });
    } finally {
      await lock?.release();
    }
  });

  it('tells the escalation of a product and its brand that escalate at the same moment once, at the new severity', async () => {
    const brand = alert('hooli', 'hooli', 'medium', ['x:h1', 'x:h2', 'x:h3']);
    const product = alert('nucleus', 'nucleus', 'medium', ['x:h1', 'x:h2', 'x:h3']);
    for (const a of [brand, product]) await insertAlert(ctx.store.db, a);
    await Promise.all([notify(brand, 'opened'), notify(product, 'opened')]);
    expect(mailsTo('cm@acme.test').filter((s) => s.includes('Hooli'))).toHaveLength(1);

    // One detection pass escalates both to critical before either notification job runs: each alert's stored
    // severity is critical, though cm was told of neither at critical. Before the fix, each escalation counted the
    // other as told and both were 'covered': cm heard 'medium', then 'resolved'.
    for (const a of [brand, product]) await updateAlertState(ctx.store.db, { ...a, severity: 'critical' });
    const outcomes = await Promise.all([notify(brand, 'escalated', 'critical'), notify(product, 'escalated', 'critical')]);
    expect(outcomes.filter((o) => 'delivered' in o && o.delivered.includes('cm'))).toHaveLength(1);
    expect(outcomes.filter((o) => 'covered' in o && o.covered.includes('cm'))).toHaveLength(1);
    const hooliMails = mailsTo('cm@acme.test').filter((s) => s.includes('Hooli'));
    expect(hooliMails).toHaveLength(2);
    expect(hooliMails[1]).toMatch(/critical/i);
    // What each delivery told is kept: the covered escalation names the one told at critical.
    const rows = [...(await listDeliveries(ctx.store.db, 'hooli')), ...(await listDeliveries(ctx.store.db, 'nucleus'))].filter((d) => d.event === 'escalated');
    expect(rows.map((d) => [d.status, d.severity]).sort()).toEqual([['covered', 'critical'], ['delivered', 'critical']]);
  });
});
