// Every link of every alert message opens a page: the real notify stage sends an opened, an escalated and a resolved
// message to email (HTML and text), Slack, Teams and a webhook, and each Vigie link in them is followed against the
// real HTTP server. The messages carry no detector keys, speak the entity's language and time zone, and keep one
// headline while the alert grows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../../../src/api/server.js';
import { createAppContext, type AppContext } from '../../../src/app/context.js';
import { parseConfig, type VigieConfig } from '../../../src/config/load-config.js';
import { createLogger } from '../../../src/logger.js';
import { runNotify } from '../../../src/stages/notify.js';
import { insertAlert, resolveAlert, updateAlertState } from '../../../src/store/alert-repository.js';
import { attachToCrisis } from '../../../src/store/crisis-repository.js';
import { storeMentions } from '../../../src/store/mention-repository.js';
import { END, mention, openAlert } from '../api/api-fixtures.js';
import { FakePlatform } from '../../helpers/fake-platform.js';
import { createTestDatabase, REDIS_URL, requireRedis, testRedisPrefix, type TestDatabase } from '../../helpers/services.js';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.js';

const SECRET = 'message-links-shared-secret';
const INTERNAL_KEYS = /ratePerMinute|usualRatePerMinute|"observed"|\bobserved:|surprise|windowMinutes|Détectée par|Detected by|velocity\b/;

function configText(o: { databaseUrl: string; smtpUrl: string; receiver: string; publicUrl: string; dataDir: string }) {
  return `
dataDir: ${JSON.stringify(o.dataDir)}
database: { url: ${JSON.stringify(o.databaseUrl)} }
redis: { prefix: ${JSON.stringify(testRedisPrefix())} }
smtp: { url: ${JSON.stringify(o.smtpUrl)} }
api: { port: 0, publicUrl: ${JSON.stringify(o.publicUrl)}, linkSecret: ${SECRET} }
entities:
  - { id: kelio, name: Kelio, kind: brand, terms: [kelio], locale: fr, timezone: Europe/Paris }
  - { id: aura, name: Kelio Aura, kind: product, parent: kelio, terms: [kelio aura] }
channels:
  - { id: mail, type: email, to: [cm@kelio.test], from: "Vigie <vigie@kelio.test>" }
  - { id: slack, type: slack, url: "${o.receiver}/slack", allowPrivateNetwork: true }
  - { id: teams, type: teams, url: "${o.receiver}/teams", allowPrivateNetwork: true }
  - { id: hook, type: webhook, url: "${o.receiver}/hook", secret: ${SECRET}, allowPrivateNetwork: true }
`;
}

/** Every http(s) link a message offers, whatever the channel: hrefs, URLs in text, and url fields of JSON. */
function linksIn(content: string): string[] {
  const unescaped = content.replace(/&amp;/g, '&').replace(/\\u0026/g, '&');
  return [...new Set([...unescaped.matchAll(/https?:\/\/[^\s"'<>)\]]+/g)].map((m) => m[0]))];
}

describe('links in alert messages', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let receiver: FakePlatform;
  let api: { url: string; close(): Promise<void> };
  let ctx: AppContext;
  let config: VigieConfig;
  let dir: string;
  const messages: { channel: string; event: string; content: string }[] = [];

  beforeAll(async () => {
    await requireRedis();
    dir = mkdtempSync(join(tmpdir(), 'vigie-links-'));
    database = await createTestDatabase('sqlite');
    smtp = await startSmtpSink();
    receiver = await FakePlatform.start();
    for (const path of ['/slack', '/teams', '/hook']) receiver.route('POST', path, () => ({ body: 'ok' }));
    const base = { databaseUrl: database.url, smtpUrl: smtp.url, receiver: receiver.url, dataDir: dir };
    // The server first (its port is the public URL the messages link to), then the notify stage's context.
    const serverConfig = parseConfig(configText({ ...base, publicUrl: 'http://127.0.0.1' }), 'links.yaml', {});
    api = await startApi({ config: serverConfig, store: database.store, logger: createLogger({ level: 'silent' }) });
    config = parseConfig(configText({ ...base, publicUrl: api.url }), 'links.yaml', {});
    ctx = await createAppContext(config, { logger: createLogger({ level: 'silent' }), redisTarget: { url: REDIS_URL } });

    await storeMentions(ctx.store, [
      { ...mention({ id: 'j1', at: END - 50 * 60_000, text: 'Kelio Aura fond en charge <script>x</script>', tone: 'negative', entity: 'aura', author: 'journaliste', followers: 412_000, reach: 300_000 }), entityIds: ['aura', 'kelio'] },
      { ...mention({ id: 'j2', at: END - 40 * 60_000, text: 'Mon Aura a surchauffé', tone: 'negative', entity: 'aura', author: 'client', followers: 120 }), entityIds: ['aura', 'kelio'] },
    ]);
    const alert = openAlert({
      id: 'aura-1',
      entityId: 'aura',
      dedupKey: 'aura:links',
      severity: 'medium',
      detectors: ['volume', 'velocity'],
      why: "150 mentions négatives en 60 min, alors qu'il n'y en a d'habitude aucune",
      numbers: { observed: 150, expected: 0, ratio: 150e9, surprise: 88.2, windowMinutes: 60, level: 0 },
      evidence: ['x:j1', 'x:j2'],
      phrases: ['safety'],
      onsetAt: END - 60 * 60_000,
      detectedAt: END - 52 * 60_000,
    });
    await insertAlert(ctx.store.db, alert);
    await attachToCrisis(ctx.store.db, alert.id, 'kelio', alert.detectedAt);

    const collect = (event: string) => {
      for (const m of smtp.messages.splice(0)) {
        messages.push({ channel: 'email-html', event, content: String(m.html) }, { channel: 'email-text', event, content: m.text ?? '' }, { channel: 'email-subject', event, content: m.subject ?? '' });
      }
      for (const r of receiver.requests.splice(0)) messages.push({ channel: r.url.pathname.slice(1), event, content: r.body });
    };
    await runNotify(ctx, { alertId: alert.id, event: 'opened', severity: 'medium' });
    collect('opened');
    // The alert grows: a stronger sentence and figures, a higher severity; the headline stays.
    const grown = { ...alert, severity: 'critical' as const, why: 'un post négatif de @journaliste devient viral : 4,2 partages par minute', numbers: { ratePerMinute: 4.2, usualRatePerMinute: 0.1, reshares: 61, replies: 9 } };
    await updateAlertState(ctx.store.db, grown);
    await runNotify(ctx, { alertId: alert.id, event: 'escalated', severity: 'critical' });
    collect('escalated');
    await resolveAlert(ctx.store.db, alert.id, END);
    await runNotify(ctx, { alertId: alert.id, event: 'resolved', severity: 'critical' });
    collect('resolved');
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
    await api?.close();
    await receiver?.close();
    await smtp?.close();
    await database?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sends each event to the four channels', () => {
    for (const event of ['opened', 'escalated', 'resolved']) {
      expect(messages.filter((m) => m.event === event).map((m) => m.channel).sort()).toEqual(['email-html', 'email-subject', 'email-text', 'hook', 'slack', 'teams']);
    }
  });

  it('opens a page for every Vigie link of every message of every channel, and only http(s) links elsewhere', async () => {
    let followed = 0;
    for (const { channel, event, content } of messages) {
      const links = linksIn(content);
      const own = links.filter((l) => l.startsWith(`${api.url}/`));
      if (channel !== 'email-subject') {
        expect(own.some((l) => l.includes('/alerts/aura-1')), `${channel} ${event} links to the alert`).toBe(true);
        expect(own.some((l) => l.includes('/crises/')), `${channel} ${event} links to the crisis room`).toBe(true);
      }
      for (const link of own) {
        const response = await fetch(link, { redirect: 'manual' });
        expect(response.status, `${channel} ${event}: ${link}`).toBe(200);
        expect(response.headers.get('content-type'), `${channel} ${event}: ${link}`).toMatch(/^text\/html/);
        followed++;
      }
      for (const link of links.filter((l) => !l.startsWith(api.url))) expect(link).toMatch(/^https?:\/\/(x\.example|adaptivecards\.io)\//);
    }
    expect(followed).toBeGreaterThanOrEqual(15);
  });

  it('words every message for a person: no detector keys, French, Paris time, short subjects, one headline', () => {
    for (const { channel, event, content } of messages) {
      if (channel === 'hook') {
        const body = JSON.parse(content);
        expect(body.message.headline).toBe('Kelio Aura : afflux de mentions');
        expect(JSON.stringify(body.message)).not.toMatch(INTERNAL_KEYS);
        continue;
      }
      expect(content, `${channel} ${event}`).not.toMatch(INTERNAL_KEYS);
      expect(content, `${channel} ${event}`).toContain('Kelio Aura : afflux de mentions');
      expect(content, `${channel} ${event}`).not.toMatch(/\bUTC\b(?!\+)/);
      if (channel === 'email-subject') expect(content.length).toBeLessThanOrEqual(80);
    }
    const text = (event: string) => messages.find((m) => m.channel === 'email-text' && m.event === event)!.content;
    expect(text('opened')).toContain('Détectée le');
    expect(text('opened')).toContain("150 mentions en 60 min, alors qu'il n'y en a d'habitude aucune.");
    expect(text('opened')).toContain('sécurité');
    expect(text('escalated')).toContain('4,2 partages ou réponses par minute, 42 fois le rythme habituel.');
    // Resolved: how it ended, never that it is still growing.
    expect(text('resolved')).toContain('Retour à la normale');
    expect(text('resolved')).not.toMatch(/devient viral|Prendre en charge/);
    expect(messages.find((m) => m.channel === 'email-subject' && m.event === 'resolved')!.content).toBe('[Vigie] Alerte résolue · Kelio Aura : afflux de mentions');
  });
});
