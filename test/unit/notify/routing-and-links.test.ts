// Routing by entity and severity, quiet hours that hold back all but critical alerts, and signed expiring links.
import { describe, expect, it } from 'vitest';
import { quietHoursEnd, routeAlert } from '../../../src/notify/routing.js';
import { signAction, verifyAction } from '../../../src/notify/signed-link.js';

const routes = [
  { channels: ['email-cm'], minSeverity: 'low' as const },
  { channels: ['slack-pr'], entities: ['acme'], minSeverity: 'high' as const },
];

describe('routing', () => {
  const noon = Date.UTC(2026, 10, 20, 12, 0);
  it('sends to every route whose entity and minimum severity match', () => {
    expect(routeAlert({ entityId: 'acme', severity: 'medium' }, routes, ['email-cm', 'slack-pr'], undefined, noon)).toEqual({ channels: ['email-cm'] });
    expect(routeAlert({ entityId: 'acme', severity: 'critical' }, routes, ['email-cm', 'slack-pr'], undefined, noon)).toEqual({ channels: ['email-cm', 'slack-pr'] });
    expect(routeAlert({ entityId: 'globex', severity: 'critical' }, routes, ['email-cm', 'slack-pr'], undefined, noon)).toEqual({ channels: ['email-cm'] });
    expect(routeAlert({ entityId: 'globex', severity: 'low' }, [], ['a', 'b'], undefined, noon)).toEqual({ channels: ['a', 'b'] });
  });

  it("sends a competitor's alert to the competitive-intelligence route, never to the brand's crisis channel unless named", () => {
    const withIntel = [...routes, { channels: ['intel'], minSeverity: 'medium' as const, competitors: true }];
    const all = ['email-cm', 'slack-pr', 'intel'];
    expect(routeAlert({ entityId: 'veltra', severity: 'high', competitor: true }, withIntel, all, undefined, noon)).toEqual({ channels: ['intel'] });
    // The brand's own alerts never reach the competitive-intelligence route.
    expect(routeAlert({ entityId: 'acme', severity: 'critical' }, withIntel, all, undefined, noon)).toEqual({ channels: ['email-cm', 'slack-pr'] });
    // No such route: the competitor's alert is told nowhere, not on the brand's crisis channel.
    expect(routeAlert({ entityId: 'veltra', severity: 'critical', competitor: true }, routes, all, undefined, noon)).toEqual({ channels: [] });
    expect(routeAlert({ entityId: 'veltra', severity: 'critical', competitor: true }, [], all, undefined, noon)).toEqual({ channels: [] });
    // Configured otherwise: a route that names the competitor takes it.
    const named = [{ channels: ['email-cm'], entities: ['veltra'], minSeverity: 'low' as const }];
    expect(routeAlert({ entityId: 'veltra', severity: 'high', competitor: true }, named, all, undefined, noon)).toEqual({ channels: ['email-cm'] });
  });

  it('holds non-critical alerts until quiet hours end, in the configured time zone, across midnight', () => {
    const quiet = { start: '22:00', end: '07:00', timezone: 'Europe/Paris' };
    const parisMidnight = Date.UTC(2026, 10, 20, 23, 0); // 00:00 in Paris (UTC+1 in November)
    expect(quietHoursEnd(quiet, parisMidnight)).toBe(Date.UTC(2026, 10, 21, 6, 0));
    expect(quietHoursEnd(quiet, noon)).toBeNull();
    expect(routeAlert({ entityId: 'acme', severity: 'high' }, routes, ['email-cm', 'slack-pr'], quiet, parisMidnight).deferUntil).toBe(Date.UTC(2026, 10, 21, 6, 0));
    expect(routeAlert({ entityId: 'acme', severity: 'critical' }, routes, ['email-cm', 'slack-pr'], quiet, parisMidnight).deferUntil).toBeUndefined();
  });
});

describe('signed links', () => {
  const secret = 'k'.repeat(32);
  const query = Object.fromEntries(new URLSearchParams(signAction(secret, { action: 'acknowledge', id: 'a1', expires: 2_000 })));
  it('verifies an untouched link before it expires', () => {
    expect(verifyAction(secret, query, 1_000)).toEqual({ ok: true, action: { action: 'acknowledge', id: 'a1', expires: 2_000 } });
  });
  it('refuses a changed id, another key, an expired link and a malformed one', () => {
    expect(verifyAction(secret, { ...query, id: 'a2' }, 1_000)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyAction('other'.repeat(8), query, 1_000)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyAction(secret, query, 3_000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyAction(secret, { action: 'acknowledge' }, 1_000)).toEqual({ ok: false, reason: 'malformed' });
  });
});
