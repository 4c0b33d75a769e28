// The weekly digest of the demo scenario's crisis week, on real services: SQLite or PostgreSQL, Redis, an SMTP server.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { UnrecoverableError, type Job } from 'bullmq';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../../src/api/server.js';
import { runDigestPreview } from '../../../src/commands/digest.js';
import { createAppContext, type AppContext } from '../../../src/app/context.js';
import { buildDigest } from '../../../src/digest/build-digest.js';
import type { DigestContent } from '../../../src/digest/digest-content.js';
import { renderDigest } from '../../../src/digest/render-digest.js';
import { entityLocale } from '../../../src/config/entity-locale.js';
import { DAY_MS, floorTo } from '../../../src/domain/time-buckets.js';
import { createMailer } from '../../../src/notify/mailer.js';
import { runDigest } from '../../../src/stages/digest.js';
import { findSentDigest } from '../../../src/store/digest-repository.js';
import { createTestDatabase, DIALECTS, REDIS_URL, requireRedis, type TestDatabase } from '../../helpers/services.js';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.js';
import { CRISIS_WEEK, demoConfig, seedDemoWeeks, SIGNUPS, type SeededDemo } from './demo-weeks.js';
import { renderInChromium } from './render-in-chromium.js';
import { digest } from '../../../workers/digest.js';

/** Monday 23 November 2026, 08:00 in Paris: when Kelio's digest of week 47 is due. */
const MONDAY_MORNING = Date.UTC(2026, 10, 23, 7);
const silent = pino({ level: 'silent' });

describe.each(DIALECTS)('weekly digest on %s', (dialect) => {
  let sink: SmtpSink;
  let database: TestDatabase;
  let ctx: AppContext;
  let api: FastifyInstance;
  let seeded: SeededDemo;
  let content: DigestContent;
  let dir: string;

  beforeAll(async () => {
    await requireRedis();
    dir = mkdtempSync(join(tmpdir(), 'vigie-digest-'));
    sink = await startSmtpSink();
    database = await createTestDatabase(dialect);
    const config = demoConfig(database.url, sink.url);
    ctx = await createAppContext({ ...config, dataDir: dir }, { logger: silent, dbSchema: database.schema, redisTarget: { url: REDIS_URL }, now: () => MONDAY_MORNING });
    seeded = await seedDemoWeeks(ctx);
    api = await buildApi({ config: ctx.config, store: ctx.store, logger: silent, now: () => MONDAY_MORNING });
    content = await buildDigest(ctx.store.db, ctx.config, 'kelio', CRISIS_WEEK);
  }, 240_000);

  afterAll(async () => {
    await api?.close();
    await ctx?.close();
    await database?.destroy();
    await sink?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const get = async (url: string) => {
    const res = await api.inject(url);
    expect(res.statusCode, url).toBe(200);
    return res.json();
  };

  it('has the numbers of the dashboard for the same week', async () => {
    const week = `entity=kelio&from=${content.period.from}&to=${content.period.to}`;
    const kpis = await get(`/api/kpis?${week}`);
    expect(content.kpis).toEqual(kpis.kpis);
    expect(content.comparison).toEqual(kpis.comparison);
    const pick = (s: { entityId: string; volume: number; volumeShare: number; reachShare: number }) => [s.entityId, s.volume, s.volumeShare, s.reachShare];
    expect(content.shareOfVoice.map(pick)).toEqual(kpis.shareOfVoice.map(pick));
    expect(content.days.reduce((n, d) => n + d.total, 0)).toBe(kpis.kpis.volume);

    for (const point of content.trend) {
      const past = await get(`/api/kpis?entity=kelio&from=${point.period.from}&to=${point.period.to}`);
      expect(point.volume, point.week).toBe(past.kpis.volume);
      expect(point.netSentiment, point.week).toBe(past.kpis.netSentiment);
    }
    const previousVoice = await get(`/api/kpis?entity=kelio&from=${content.previousPeriod.from}&to=${content.previousPeriod.to}`);
    expect(content.shareOfVoice.map((s) => s.previousVolumeShare)).toEqual(previousVoice.shareOfVoice.map((s: { volumeShare: number }) => s.volumeShare));

    const ranked = await get(`/api/influencers?${week}&limit=50`);
    const top = ranked.authors.filter((a: { own: boolean }) => !a.own).slice(0, 5);
    expect(content.influencers.map((a) => [a.handle, a.score, a.mentions, a.negativeMentions])).toEqual(
      top.map((a: { handle: string; score: number; mentions: number; negativeMentions: number }) => [a.handle, a.score, a.mentions, a.negativeMentions]),
    );

    const to = floorTo(content.period.to + DAY_MS - 1, DAY_MS);
    const business = await get(`/api/business?entity=kelio&from=${to - 90 * DAY_MS}&to=${to}`);
    const link = content.business.link!;
    expect(link).toMatchObject({ business: SIGNUPS, correlation: { lag: 1 } });
    const pair = business.correlations.find((c: { social: string; business: string }) => c.social === link.social && c.business === link.business);
    expect(pair.lags.find((l: { lag: number }) => l.lag === link.correlation.lag)).toEqual(link.correlation);
  });

  it('reports the crisis with its time to detection and to first response, and an upbeat best moment', () => {
    expect(content.crises).toHaveLength(1);
    const crisis = content.crises[0];
    expect(crisis).toMatchObject({ alertId: seeded.alert.id, entityName: 'Kelio Aura', severity: 'high', timeToDetectionMs: 7 * 60_000 });
    expect(crisis.firstResponseAt).toBeGreaterThan(crisis.onsetAt);
    expect(content.verdict).toMatchObject({ direction: 'worse', crisis: { alertId: seeded.alert.id } });
    expect(content.bestMoment?.text).toBeTruthy();
    expect(content.bestMoment!.publishedAt).toBeGreaterThanOrEqual(content.period.from);
  });

  it('heads the crisis with the alert\'s stable headline, the one its email and the dashboard give, not the detector\'s sentence', async () => {
    // The alert page's story is built by the same alertStory() as every alert message (email, Slack, Teams, webhook).
    const { story } = await get(`/api/alerts/${seeded.alert.id}`);
    expect(story.headline).toMatch(/^Kelio Aura/);
    expect(content.crises[0].headline).toBe(story.headline);
    const { alerts } = await get(`/api/alerts?entity=kelio-aura&status=resolved`);
    expect(alerts.find((a: { id: string }) => a.id === seeded.alert.id).headline).toBe(story.headline);
    const rendered = renderDigest(content, entityLocale(ctx.config, 'kelio'));
    expect(rendered.text).toContain(`· ${story.headline}`);
    for (const part of [rendered.text, rendered.html]) expect(part).not.toContain('jumped');
  });

  it('is never recorded as sent when the SMTP server did not accept it', async () => {
    const unreachable = { ...ctx, mailer: createMailer({ smtpUrl: 'smtp://127.0.0.1:9', outboxDir: dir }) };
    await expect(runDigest(unreachable, { entityId: 'kelio', week: CRISIS_WEEK })).rejects.toThrow();
    expect(await findSentDigest(ctx.store.db, 'kelio', CRISIS_WEEK)).toBeUndefined();
  });

  it('sends the crisis week once to the recipients, with its charts as cid: images, even when run twice at once', async () => {
    // The job carries no week: the week that ended before Monday morning in Paris is week 47.
    const outcomes = await Promise.all([runDigest(ctx, { entityId: 'kelio' }), runDigest(ctx, { entityId: 'kelio' })]);
    expect(outcomes.map((o) => o.sent).sort()).toEqual([false, true]);
    expect(outcomes.every((o) => o.week === CRISIS_WEEK)).toBe(true);
    const again = await runDigest(ctx, { entityId: 'kelio', week: CRISIS_WEEK });
    expect(again.sent).toBe(false);
    expect(again.reason).toMatch(/already sent/);

    const digests = sink.messages.filter((m) => m.subject?.startsWith('Kelio – semaine 47'));
    expect(digests).toHaveLength(1);
    const mail = digests[0];
    expect(mail.subject).toMatch(/réputation en baisse \(indice \d+, −\d+\)/);
    expect(mail.to && 'value' in mail.to ? mail.to.value.map((a) => a.address) : []).toEqual(['direction@kelio.example']);
    expect(mail.messageId).toBe('<digest.kelio.2026-W47@localhost>');
    const images = mail.attachments.filter((a) => a.contentType === 'image/png');
    expect(images.map((a) => a.filename)).toEqual(['reputation-trend.png', 'tone-by-day.png', 'share-of-voice.png', 'business-link.png']);
    // mailparser resolves each cid: reference to its attachment (as a data: URL): every image is referenced and found.
    for (const image of images) {
      expect(image.cid).toMatch(/@vigie$/);
      expect(mail.html).toContain(`src="data:image/png;base64,${image.content.toString('base64')}"`);
    }
    // The French digest, with the dashboard's figures.
    const volume = new Intl.NumberFormat('fr-FR').format(content.kpis.volume);
    expect(mail.text).toContain(`Mentions\u00a0: ${volume}`);
    expect(mail.text).toContain('détectée en 7 min');
    expect(mail.html).not.toContain('<b>jumped</b>');

    const recorded = await findSentDigest(ctx.store.db, 'kelio', CRISIS_WEEK);
    expect(recorded).toMatchObject({ recipients: ['direction@kelio.example'], messageId: '<digest.kelio.2026-W47@localhost>', sentAt: MONDAY_MORNING });
  });

  it.runIf(dialect === 'sqlite')('renders in Chromium with every chart drawn', async () => {
    const mail = sink.messages.find((m) => m.subject?.startsWith('Kelio – semaine 47'))!;
    const screenshot = join(dir, 'digest.png');
    const charts = await renderInChromium(mail, screenshot);
    expect(charts).toHaveLength(4);
    for (const chart of charts) {
      expect(chart.naturalWidth, chart.alt).toBe(960);
      expect(chart.shownWidth, chart.alt).toBeGreaterThan(500);
      // A drawn chart, not a blank or broken image: lines, bars and text cover part of it, in the chart colours.
      expect(chart.inkShare, chart.alt).toBeGreaterThan(0.02);
      expect(chart.colours, chart.alt).toContain('brand-or-tone');
    }
  }, 60_000);

  it.runIf(dialect === 'sqlite')('previews any week from the command line, as a web page or as the email', async () => {
    const saved = process.env.DEMO_DATABASE_URL;
    process.env.DEMO_DATABASE_URL = database.url;
    try {
      const html = readFileSync(await runDigestPreview('config/demo.yaml', { entity: 'kelio', week: CRISIS_WEEK, out: join(dir, 'digest.html') }), 'utf8');
      expect(html).not.toContain('cid:');
      expect(html.match(/src="data:image\/png;base64,/g)).toHaveLength(4);
      const eml = await simpleParser(readFileSync(await runDigestPreview('config/demo.yaml', { entity: 'kelio', week: '2026-W46', out: join(dir, 'digest.eml') })));
      // The week before the crisis: calm, no alert, and the same charts.
      expect(eml.subject).toMatch(/^Kelio – semaine 46 : réputation/);
      expect(eml.text).toContain('Aucune crise détectée cette semaine.');
      expect(eml.attachments.filter((a) => a.contentType === 'image/png')).toHaveLength(4);
      await expect(runDigestPreview('config/demo.yaml', { entity: 'kelio', week: '2026-W47', out: join(dir, 'digest.pdf') })).rejects.toThrow(/\.html or \.eml/);
      await expect(runDigestPreview('config/demo.yaml', { entity: 'nobody', week: '2026-W47', out: join(dir, 'x.html') })).rejects.toThrow(/kelio, kelio-aura/);
    } finally {
      if (saved === undefined) delete process.env.DEMO_DATABASE_URL;
      else process.env.DEMO_DATABASE_URL = saved;
    }
  });

  it('has a worker that reports the week before the scheduled time, even when the job runs days late', async () => {
    // Scheduled for Monday 16 November 08:00 in Paris, run on Wednesday: the digest of week 46, not 47.
    const scheduled = Date.UTC(2026, 10, 16, 7);
    const job = { data: { entityId: 'kelio' }, opts: { prevMillis: scheduled }, timestamp: scheduled - 7 * DAY_MS, delay: 7 * DAY_MS } as unknown as Job;
    const late = { ...ctx, now: () => scheduled + 2 * DAY_MS };
    expect(await digest(job as never, undefined, late)).toEqual({ sent: true, week: '2026-W46' });
    expect(sink.messages.filter((m) => m.subject?.startsWith('Kelio – semaine 46'))).toHaveLength(1);
    const unknown = { ...job, data: { entityId: 'gone' } } as unknown as Job;
    await expect(digest(unknown as never, undefined, late)).rejects.toBeInstanceOf(UnrecoverableError);
  });
});
