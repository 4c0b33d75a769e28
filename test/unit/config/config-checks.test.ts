// `config check`, start-up and reload refuse, with the file and the path, every value a stage would later throw on
// (or silently ignore): time zones, quiet hours, cron patterns, URLs, webhook targets, norms, parents, retention.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { reloadOnChange } from '../../../src/app/reload-config.js';
import { ConfigError } from '../../../src/config/config-error.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { buildChannels } from '../../../src/notify/channels/build-channels.js';
import { createMailer } from '../../../src/notify/mailer.js';
import { routeAlert } from '../../../src/notify/routing.js';
import { defaultRepeatStrategy } from 'bullmq';

const FILE = 'config/vigie.yaml';
const base = {
  timezone: 'UTC',
  entities: [
    { id: 'acme', name: 'Acme', kind: 'brand', terms: ['Acme'], timezone: 'Europe/Paris', digest: { recipients: ['ceo@acme.test'] }, norms: { negativeShare: 0.2 } },
    { id: 'acme-phone', name: 'Acme Phone', kind: 'product', parent: 'acme', terms: ['Acme Phone'] },
  ],
  channels: [
    { id: 'cm', type: 'email', to: ['cm@acme.test'] },
    { id: 'soc', type: 'webhook', url: 'https://hooks.example/vigie', secret: 'a-webhook-secret-0123456789' },
  ],
  alerts: { quietHours: { start: '23:00', end: '07:00', timezone: 'Europe/Paris' } },
};
type Base = typeof base;

/** The config as YAML (JSON is YAML), with one change applied. */
const text = (change: (c: Base & Record<string, unknown>) => void = () => {}) => {
  const copy = structuredClone(base) as Base & Record<string, unknown>;
  change(copy);
  return JSON.stringify(copy);
};

function problemsOf(yaml: string): string {
  try {
    parseConfig(yaml, FILE, {});
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

const CASES: Array<[string, (c: Base & Record<string, unknown>) => void, RegExp]> = [
  ['an invalid IANA time zone at the top', (c) => (c.timezone = 'Nowhere/Land'), /: timezone: expected an IANA time zone like Europe\/Paris, got "Nowhere\/Land"/],
  ['an invalid entity time zone', (c) => ((c.entities[0] as { timezone: string }).timezone = 'Europe/Pariss'), /: entities\[0\]\.timezone: expected an IANA time zone/],
  ['an invalid quiet-hours time zone', (c) => (c.alerts.quietHours.timezone = 'Nowhere/Land'), /: alerts\.quietHours\.timezone: expected an IANA time zone/],
  ['quietHours.start "25:99"', (c) => (c.alerts.quietHours.start = '25:99'), /: alerts\.quietHours\.start: expected a time of day from 00:00 to 23:59, got "25:99"/],
  ['quietHours.end "07:60"', (c) => (c.alerts.quietHours.end = '07:60'), /: alerts\.quietHours\.end: expected a time of day/],
  ['a digest cron pattern BullMQ cannot read', (c) => ((c.entities[0].digest as { pattern?: string }).pattern = '0 8 * * 8'), /: entities\[0\]\.digest\.pattern: expected a cron pattern .*got "0 8 \* \* 8"/],
  ['a webhook to a private address', (c) => ((c.channels[1] as { url: string }).url = 'https://10.0.0.5/hook'), /: channels\[1\]\.url: refused to send to 10\.0\.0\.5 .*allowPrivateNetwork: true/],
  ['a webhook to loopback in an IPv6 form', (c) => ((c.channels[1] as { url: string }).url = 'http://[::ffff:7f00:1]:9000/hook'), /: channels\[1\]\.url: refused to send to/],
  ['a webhook to localhost', (c) => ((c.channels[1] as { url: string }).url = 'http://localhost:9000/hook'), /: channels\[1\]\.url: refused to send to localhost:9000 \(localhost is a loopback address\)/],
  ['a Slack URL with credentials before the host', (c) => c.channels.push({ id: 'slack', type: 'slack', url: 'https://user:pw@hooks.slack.com/x' } as never), /: channels\[2\]\.url: webhook URL must not carry credentials/],
  ['two channels with one id', (c) => c.channels.push({ id: 'cm', type: 'email', to: ['pr@acme.test'] } as never), /: channels\[2\]\.id: expected a unique id, "cm" is used twice/],
  ['an SMTP URL that is not one', (c) => (c.smtp = { url: 'mail.acme.test:25' }), /: smtp\.url: expected smtp:\/\/ or smtps:\/\/ /],
  ['an SMTP URL whose password must not be shown', (c) => (c.smtp = { url: 'http://user:S3cret@mail.acme.test' }), /: smtp\.url: expected smtp:\/\/ or smtps:\/\/.*user:\*\*\*@/],
  ['a sender without an address', (c) => (c.smtp = { from: 'Vigie' }), /: smtp\.from: expected an address like "Vigie <vigie@example.com>"/],
  ['an email channel sender without an address', (c) => ((c.channels[0] as { from?: string }).from = 'Acme alerts'), /: channels\[0\]\.from: expected an address/],
  ['a Redis URL that is not one', (c) => (c.redis = { url: 'localhost:6379' }), /: redis\.url: expected redis:\/\/ or rediss:\/\//],
  ['a public URL that is not http(s)', (c) => (c.api = { publicUrl: 'vigie.acme.test' }), /: api\.publicUrl: expected the http\(s\) address people open the dashboard at/],
  ['a listening address beyond loopback without a token', (c) => (c.api = { host: '0.0.0.0' }), /: api\.token: expected a token: refusing to listen on 0\.0\.0\.0:8080 without an API token/],
  ['a norm that names no KPI', (c) => ((c.entities[0] as { norms: Record<string, number> }).norms = { negativShare: 0.2 }), /: entities\[0\]\.norms\.negativShare: expected one of volume, .*negativeShare/],
  ['a blank term', (c) => c.entities[1].terms.push('   '), /: entities\[1\]\.terms\[1\]: expected a term, got blank space/],
  ['a parent cycle', (c) => ((c.entities[0] as { parent?: string }).parent = 'acme-phone'), /: entities\[0\]\.parent: expected a chain of parents that ends at a brand, "acme" is its own ancestor/],
  ['minute rollups kept less than detection reads', (c) => (c.retention = { minuteRollupsDays: 1 }), /: retention\.minuteRollupsDays: expected at least 2/],
];

describe('config values a stage would throw on', () => {
  it('accepts the valid base', () => {
    expect(parseConfig(text(), FILE, {}).entities).toHaveLength(2);
  });

  it.each(CASES)('refuses %s, with file and path', (_name, change, expected) => {
    expect(problemsOf(text(change))).toMatch(new RegExp(`^${FILE.replace(/[/.]/g, '\\$&')}${expected.source}`, 'm'));
  });

  it('lists every problem at once', () => {
    const message = problemsOf(text((c) => {
      c.timezone = 'Nowhere/Land';
      c.alerts.quietHours.start = '25:99';
      (c.channels[1] as { url: string }).url = 'https://192.168.1.20/hook';
    }));
    expect(message.split('\n')).toHaveLength(3);
  });

  it('what it accepts, the stages can use: routing, the digest scheduler, the channels, the mailer', () => {
    const config = parseConfig(text((c) => {
      (c.channels[1] as { url: string; allowPrivateNetwork?: boolean }).url = 'https://10.0.0.5/hook';
      (c.channels[1] as { allowPrivateNetwork?: boolean }).allowPrivateNetwork = true;
      c.smtp = { url: 'smtps://user:pw@mail.acme.test:465', from: 'Acme <alerts@acme.test>' };
    }), FILE, {});
    expect(() => routeAlert({ entityId: 'acme', severity: 'high' }, [], ['cm'], config.alerts.quietHours, Date.UTC(2026, 0, 1, 23, 30))).not.toThrow();
    expect(defaultRepeatStrategy(Date.now(), { pattern: config.entities[0].digest!.pattern, tz: config.entities[0].timezone })).toBeGreaterThan(Date.now());
    const mailer = createMailer({ smtpUrl: config.smtp.url, outboxDir: '' });
    expect(buildChannels(config.channels, mailer).size).toBe(2);
    mailer.close();
  });

  it('a reload goes through the same checks: a broken file is refused and named, the running config kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-reload-'));
    const file = join(dir, 'vigie.yaml');
    writeFileSync(file, text((c) => (c.alerts.quietHours.start = '25:99')));
    const lines: Array<{ msg: string; err?: string }> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    // Only the logger is reached: a refused file never gets to the running context.
    const stop = reloadOnChange({ logger } as unknown as AppContext, file, false);
    try {
      process.emit('SIGHUP', 'SIGHUP');
      await expect.poll(() => lines.find((l) => l.msg.startsWith('config reload failed'))).toBeDefined();
      expect(lines.find((l) => l.msg.startsWith('config reload failed'))!.err).toContain(`${file}: alerts.quietHours.start: expected a time of day from 00:00 to 23:59, got "25:99"`);
    } finally {
      stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
