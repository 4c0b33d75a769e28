// Slack, Teams and generic webhook channels against real HTTP servers on 127.0.0.1: payloads, signatures, retries, SSRF guard.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackChannel } from '../../../src/notify/channels/slack-channel.js';
import { teamsChannel } from '../../../src/notify/channels/teams-channel.js';
import { webhookChannel } from '../../../src/notify/channels/webhook-channel.js';
import { SsrfBlockedError, type HostResolver } from '../../../src/notify/ssrf-guard.js';
import { verifyWebhookSignature } from '../../../src/notify/webhook-signature.js';
import { FakePlatform } from '../../helpers/fake-platform.js';
import { HOSTILE_TEXTS, mentionFixture, messageFixture } from '../../unit/notify/alert-message-fixture.js';

const SLACK_PATH = '/services/T0001/B0001/slackSECRETtoken';
const TEAMS_PATH = '/workflows/wf1/triggers/manual/paths/invoke';
const TEAMS_QUERY = '?api-version=1&sig=teamsSECRETsig';
const HOOK_PATH = '/vigie-hook';
const SECRET = 'receiver-shared-secret';
const NOW = Date.UTC(2024, 4, 1, 14, 6);

let fake: FakePlatform;
let port: string;
/** Maps the names these tests use to the fake server, as a DNS answer would. */
const resolveTo = (address: string): HostResolver => async () => [{ address, family: 4 }];

beforeAll(async () => {
  fake = await FakePlatform.start();
  port = new URL(fake.url).port;
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('slack channel', () => {
  beforeAll(() => fake.route('POST', SLACK_PATH, () => ({ body: 'ok' })));

  it('posts the Block Kit message with hostile mentions defused', async () => {
    const channel = slackChannel({ id: 'slack-crisis', url: `${fake.url}${SLACK_PATH}`, allowPrivateNetwork: true });
    await channel.deliver(messageFixture({ evidence: [mentionFixture('m1', HOSTILE_TEXTS.broadcast), mentionFixture('m2', HOSTILE_TEXTS.slackLink)] }));

    const [request] = fake.requestsTo(SLACK_PATH);
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(request.body);
    expect(body.text).toBe('High alert · Acme: surge of mentions');
    expect(body.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '🟠 Acme: surge of mentions', emoji: false } });
    expect(body.blocks.at(-1).elements.map((b: { text: { text: string } }) => b.text.text)).toEqual(['Take charge', 'Open in Vigie']);
    expect(request.body).not.toMatch(/<!channel>|<!here|<!everyone>|<https:\/\/evil/);
    expect(request.body).not.toMatch(/[@!](channel|here|everyone)\b/);
  });

  it('throws on a 500 without showing the secret path, then delivers on the retry', async () => {
    const channel = slackChannel({ id: 'slack-crisis', url: `${fake.url}${SLACK_PATH}`, allowPrivateNetwork: true });
    // A careless server that echoes the URL: the error must still not carry it.
    fake.interrupt(SLACK_PATH, { status: 500, body: `internal error on ${SLACK_PATH}` });
    const error: Error = await channel.deliver(messageFixture()).then(() => new Error('delivered'), (e: Error) => e);
    expect(error.message).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/… answered 500: internal error on …$/);
    expect(error.message).not.toContain('slackSECRETtoken');
    await expect(channel.deliver(messageFixture())).resolves.toBeUndefined();
    expect(fake.requestsTo(SLACK_PATH)).toHaveLength(2);
  });

  it('throws when the far end takes longer than the timeout', async () => {
    fake.route('POST', '/stalls', () => new Promise(() => undefined));
    const channel = slackChannel({ id: 'slack-slow', url: `${fake.url}/stalls`, allowPrivateNetwork: true }, { timeoutMs: 200 });
    await expect(channel.deliver(messageFixture())).rejects.toThrow(/did not answer within 200 ms/);
  });

  it('throws when the far end stalls half-way through its answer', async () => {
    const halfway = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('o'); // and never ends
    });
    await new Promise<void>((resolve) => halfway.listen(0, '127.0.0.1', resolve));
    const { port: halfwayPort } = halfway.address() as AddressInfo;
    try {
      const channel = slackChannel({ id: 'slack-slow', url: `http://127.0.0.1:${halfwayPort}${SLACK_PATH}`, allowPrivateNetwork: true }, { timeoutMs: 200 });
      await expect(channel.deliver(messageFixture())).rejects.toThrow(/did not answer within 200 ms/);
    } finally {
      halfway.closeAllConnections();
      await new Promise((resolve) => halfway.close(resolve));
    }
  });

  it('does not follow a redirect, even one towards the metadata service', async () => {
    fake.interrupt(SLACK_PATH, { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
    const channel = slackChannel({ id: 'slack-crisis', url: `${fake.url}${SLACK_PATH}`, allowPrivateNetwork: true });
    await expect(channel.deliver(messageFixture())).rejects.toThrow(/answered 302 \(redirects are not followed\)/);
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a refused connection without the path', async () => {
    const closed = await FakePlatform.start();
    const url = `${closed.url}${SLACK_PATH}`;
    await closed.close();
    const channel = slackChannel({ id: 'slack-down', url, allowPrivateNetwork: true });
    const error: Error = await channel.deliver(messageFixture()).then(() => new Error('delivered'), (e: Error) => e);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.message).not.toContain('slackSECRETtoken');
  });
});

describe('teams channel', () => {
  beforeAll(() => fake.route('POST', TEAMS_PATH, () => ({ status: 202, body: '' })));

  it('posts the Adaptive Card envelope and takes 202 Accepted as delivered', async () => {
    const channel = teamsChannel({ id: 'teams-pr', url: `${fake.url}${TEAMS_PATH}${TEAMS_QUERY}`, allowPrivateNetwork: true });
    await channel.deliver(messageFixture({ evidence: [mentionFixture('m1', HOSTILE_TEXTS.teamsMention)] }));

    const [request] = fake.requestsTo(TEAMS_PATH);
    expect(request.url.searchParams.get('sig')).toBe('teamsSECRETsig');
    const body = JSON.parse(request.body);
    expect(body.type).toBe('message');
    expect(body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.attachments[0].content.type).toBe('AdaptiveCard');
    expect(request.body).not.toContain('<at>');
    expect(request.body).toContain('‹at>someone‹/at> please look');
  });

  it('keeps the signed query out of errors', async () => {
    fake.interrupt(TEAMS_PATH, { status: 400, body: 'bad request for sig=teamsSECRETsig' });
    const channel = teamsChannel({ id: 'teams-pr', url: `${fake.url}${TEAMS_PATH}${TEAMS_QUERY}`, allowPrivateNetwork: true });
    const error: Error = await channel.deliver(messageFixture()).then(() => new Error('delivered'), (e: Error) => e);
    expect(error.message).toMatch(/answered 400/);
    expect(error.message).not.toContain('teamsSECRETsig');
    expect(error.message).not.toContain('/workflows/');
  });
});

describe('generic webhook channel', () => {
  beforeAll(() => fake.route('POST', HOOK_PATH, () => ({ status: 204 })));

  it('signs the body so that a receiver holding the secret can verify it', async () => {
    const channel = webhookChannel({ id: 'ops-hook', url: `${fake.url}${HOOK_PATH}`, secret: SECRET, allowPrivateNetwork: true }, { now: () => NOW });
    await channel.deliver(messageFixture({ event: 'escalated' }));

    const [request] = fake.requestsTo(HOOK_PATH);
    expect(request.headers['x-vigie-timestamp']).toBe(String(NOW / 1000));
    expect(request.headers['x-vigie-event']).toBe('alert.escalated');
    expect(request.headers['x-vigie-delivery']).toBe('alert-42:ops-hook:escalated:high');
    const headers = { timestamp: request.headers['x-vigie-timestamp'] as string, signature: request.headers['x-vigie-signature'] as string };
    expect(verifyWebhookSignature(SECRET, headers, request.body, NOW / 1000 + 30)).toEqual({ ok: true });
    expect(verifyWebhookSignature('wrong-secret', headers, request.body, NOW / 1000 + 30)).toEqual({ ok: false, reason: 'bad-signature' });

    const body = JSON.parse(request.body);
    expect(Object.keys(body)).toEqual(['event', 'deliveryId', 'alert', 'entity', 'evidence', 'links', 'message']);
    expect(body.entity).toEqual({ id: 'acme', name: 'Acme' });
    expect(body.evidence).toHaveLength(4);
    expect(body.links.alert).toBe('https://vigie.example/alerts/alert-42');
  });

  it('refuses to start without a secret', () => {
    expect(() => webhookChannel({ id: 'ops-hook', url: `${fake.url}${HOOK_PATH}`, allowPrivateNetwork: true })).toThrow(/needs a secret/);
  });

  it('throws on a 503 and succeeds on the next attempt with a fresh signature', async () => {
    let clock = NOW;
    const channel = webhookChannel({ id: 'ops-hook', url: `${fake.url}${HOOK_PATH}`, secret: SECRET, allowPrivateNetwork: true }, { now: () => clock });
    fake.interrupt(HOOK_PATH, { status: 503, body: 'busy' });
    await expect(channel.deliver(messageFixture())).rejects.toThrow(/answered 503: busy/);
    clock += 60_000;
    await channel.deliver(messageFixture());
    const [first, second] = fake.requestsTo(HOOK_PATH);
    expect(first.headers['x-vigie-delivery']).toBe(second.headers['x-vigie-delivery']);
    expect(second.headers['x-vigie-timestamp']).toBe(String(NOW / 1000 + 60));
    expect(first.headers['x-vigie-signature']).not.toBe(second.headers['x-vigie-signature']);
  });
});

describe('SSRF guard on the way out', () => {
  beforeAll(() => fake.route('POST', '/guarded', () => ({ body: 'ok' })));

  it('refuses a URL to 127.0.0.1 without the flag, and delivers to it with the flag', async () => {
    const url = `http://127.0.0.1:${port}/guarded`;
    expect(() => slackChannel({ id: 's', url, allowPrivateNetwork: false })).toThrow(SsrfBlockedError);
    expect(() => webhookChannel({ id: 'w', url, secret: SECRET, allowPrivateNetwork: false })).toThrow(SsrfBlockedError);
    await slackChannel({ id: 's', url, allowPrivateNetwork: true }).deliver(messageFixture());
    expect(fake.requestsTo('/guarded')).toHaveLength(1);
  });

  it('checks the address a host name resolves to at send time, not the name', async () => {
    const url = `http://hooks.partner.example:${port}/guarded`;
    const blocked = teamsChannel({ id: 't', url, allowPrivateNetwork: false }, { resolve: resolveTo('127.0.0.1') });
    await expect(blocked.deliver(messageFixture())).rejects.toThrow(SsrfBlockedError);
    await expect(blocked.deliver(messageFixture())).rejects.toThrow(/127\.0\.0\.1 is a loopback address/);
    expect(fake.requestsTo('/guarded')).toHaveLength(0);

    await teamsChannel({ id: 't', url, allowPrivateNetwork: true }, { resolve: resolveTo('127.0.0.1') }).deliver(messageFixture());
    const [request] = fake.requestsTo('/guarded');
    expect(request.headers.host).toBe(`hooks.partner.example:${port}`);
  });

  it('refuses localhost through the system resolver', async () => {
    const channel = webhookChannel({ id: 'w', url: `http://localhost:${port}/guarded`, secret: SECRET, allowPrivateNetwork: false });
    await expect(channel.deliver(messageFixture())).rejects.toThrow(SsrfBlockedError);
    expect(fake.requestsTo('/guarded')).toHaveLength(0);
  });
});
