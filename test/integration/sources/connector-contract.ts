// The behaviour every connector must show against its fake platform; each *.test.ts runs it with its own case.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MentionInput } from '../../../src/domain/mention.js';
import { RateLimitedError, type Source } from '../../../src/sources/source.js';
import type { SourceContext, SourceFactory } from '../../../src/sources/source-factory.js';
import { FakePlatform, type FakeResponse } from '../../helpers/fake-platform.js';
import { newWorld, type World } from './emulators/world.js';

export interface ConnectorCase {
  platform: string;
  /** Which of the connector's listings this case drives, when it has several (e.g. "comment threads"). */
  variant?: string;
  factory: SourceFactory<any>;
  /** Raw config entry for a source reading from `baseUrl`. */
  config(baseUrl: string, overrides?: Record<string, unknown>): Record<string, unknown>;
  /** Environment with working credentials. */
  env: Record<string, string>;
  /** Environment whose credential the platform refuses; undefined for platforms without credentials. */
  badEnv?: Record<string, string>;
  /** The credential the fake accepts. */
  credential: string;
  /** Installs routes that serve `world` like the real platform. */
  install(fake: FakePlatform, world: World): void;
  /** Six raw items in the platform's shape, oldest first. */
  items: unknown[];
  /** An item that must be quarantined. */
  malformedItem: unknown;
  /** The listing endpoint the faults are aimed at. */
  listingPath: string | RegExp;
  /** The platform's own 429 response with its reset header. */
  tooManyRequests(resetAt: number, now: number): FakeResponse;
  /** A body cut off mid-way; defaults to truncated JSON. */
  truncatedBody?: string;
  /** The mention externalId the connector must give this raw item. */
  externalIdOf(item: unknown): string;
}

const T0 = Date.UTC(2025, 3, 10, 12, 0, 0);

/** A SourceContext whose clock only moves when the connector sleeps, so waits are checked, not endured. */
export function testContext(env: Record<string, string>): SourceContext & { sleeps: number[]; clock: { now: number } } {
  const clock = { now: T0 };
  const sleeps: number[] = [];
  return {
    env,
    clock,
    sleeps,
    now: () => clock.now,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.now += ms;
    },
    logger: { info: () => undefined, warn: () => undefined },
  };
}

const ids = (mentions: MentionInput[]) => mentions.map((m) => m.externalId).sort();

export function runConnectorContract(c: ConnectorCase): void {
  describe(`${c.platform} connector${c.variant ? ` (${c.variant})` : ''} against its fake platform`, () => {
    let fake: FakePlatform;
    let world: World;
    const source = (overrides: Record<string, unknown> = {}, env = c.env, baseUrl = fake.url) => {
      const ctx = testContext(env);
      const config = c.factory.configSchema.parse(c.config(baseUrl, { backoffMs: 100, ...overrides }));
      return { ctx, source: c.factory.create(config, ctx) as Source };
    };
    const idsOf = (items: unknown[]) => items.map(c.externalIdOf).sort();

    beforeAll(async () => {
      fake = await FakePlatform.start();
      world = newWorld(c.credential);
      c.install(fake, world);
    });
    afterAll(async () => fake.close());
    beforeEach(() => {
      fake.reset();
      world.items = [];
      world.pageSize = 2;
    });

    it('returns only new items on the next run with the cursor', async () => {
      const { source: s } = source();
      world.items = c.items.slice(0, 3);
      const first = await s.fetch(null);
      expect(ids(first.mentions)).toEqual(idsOf(c.items.slice(0, 3)));
      expect(first.nextCursor).not.toBeNull();

      world.items = c.items.slice(0, 5);
      const second = await s.fetch(first.nextCursor);
      expect(ids(second.mentions)).toEqual(idsOf(c.items.slice(3, 5)));

      const third = await s.fetch(second.nextCursor ?? first.nextCursor);
      expect(third.mentions).toEqual([]);
      expect(third.nextCursor).toBeNull();
    });

    it('follows pagination within maxPages and resumes the rest on the next run without a gap', async () => {
      world.items = c.items;
      const all = await source({ maxPages: 10 }).source.fetch(null);
      expect(ids(all.mentions)).toEqual(idsOf(c.items));
      // Three pages of two; some platforms (Mastodon's Link header) only reveal the end with an empty fourth.
      expect(fake.requestsTo(c.listingPath).length).toBeGreaterThanOrEqual(3);
      expect(fake.requestsTo(c.listingPath).length).toBeLessThanOrEqual(4);

      const { source: capped } = source({ maxPages: 2 });
      const first = await capped.fetch(null);
      expect(ids(first.mentions)).toEqual(idsOf(c.items.slice(2)));
      const rest = await capped.fetch(first.nextCursor);
      expect(ids(rest.mentions)).toEqual(idsOf(c.items.slice(0, 2)));
      const after = await capped.fetch(rest.nextCursor);
      expect(after.mentions).toEqual([]);
    });

    it('waits until the rate-limit reset the platform announced, then carries on', async () => {
      world.items = c.items.slice(0, 2);
      const { ctx, source: s } = source();
      fake.interrupt(c.listingPath, c.tooManyRequests(T0 + 30_000, T0));
      const result = await s.fetch(null);
      expect(ctx.sleeps).toEqual([30_000]);
      expect(ids(result.mentions)).toEqual(idsOf(c.items.slice(0, 2)));
    });

    it('throws RateLimitedError when the reset is further than maxWaitMs', async () => {
      world.items = c.items.slice(0, 2);
      const { ctx, source: s } = source({ maxWaitMs: 10_000 });
      fake.interrupt(c.listingPath, c.tooManyRequests(T0 + 3_600_000, T0));
      const error = await s.fetch(null).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).resetAt).toBe(T0 + 3_600_000);
      expect(ctx.sleeps).toEqual([]);
    });

    it('retries 5xx answers with doubling backoff, then succeeds', async () => {
      world.items = c.items.slice(0, 2);
      const { ctx, source: s } = source();
      fake.interrupt(c.listingPath, { status: 503, body: 'unavailable' }, { status: 502, body: 'bad gateway' });
      const result = await s.fetch(null);
      expect(ctx.sleeps).toEqual([100, 200]);
      expect(ids(result.mentions)).toEqual(idsOf(c.items.slice(0, 2)));
    });

    it('gives up after maxRetries 5xx answers', async () => {
      world.items = c.items.slice(0, 2);
      const { ctx, source: s } = source({ maxRetries: 2 });
      fake.interrupt(c.listingPath, ...Array.from({ length: 3 }, () => ({ status: 500, body: 'boom' })));
      await expect(s.fetch(null)).rejects.toThrow(/500/);
      expect(ctx.sleeps).toEqual([100, 200]);
    });

    it('quarantines a malformed item and keeps the rest of the page', async () => {
      world.pageSize = 10;
      world.items = [...c.items.slice(0, 3), c.malformedItem];
      const result = await source().source.fetch(null);
      expect(ids(result.mentions)).toEqual(idsOf(c.items.slice(0, 3)));
      expect(result.quarantined).toHaveLength(1);
      expect(result.quarantined[0]).toMatchObject({ platform: c.platform, sourceId: `${c.platform}-acme` });
      expect(result.quarantined[0].error).not.toBe('');
    });

    it('quarantines a truncated body whole and keeps the cursor, so nothing is lost', async () => {
      const { source: s } = source();
      world.items = c.items.slice(0, 2);
      const first = await s.fetch(null);
      world.items = c.items.slice(0, 4);
      fake.interrupt(c.listingPath, { status: 200, headers: { 'content-type': 'application/json' }, body: c.truncatedBody ?? '{"data": [{"id": "12' });
      const broken = await s.fetch(first.nextCursor);
      expect(broken.mentions).toEqual([]);
      expect(broken.quarantined).toHaveLength(1);
      expect(broken.nextCursor).toBeNull();
      const retried = await s.fetch(first.nextCursor);
      expect(ids(retried.mentions)).toEqual(idsOf(c.items.slice(2, 4)));
    });

    it('handles an empty page', async () => {
      const { source: s } = source();
      const empty = await s.fetch(null);
      expect(empty).toMatchObject({ mentions: [], quarantined: [], nextCursor: null });
      world.items = c.items.slice(0, 1);
      const later = await s.fetch(empty.nextCursor);
      expect(ids(later.mentions)).toEqual(idsOf(c.items.slice(0, 1)));
    });

    it('check() accepts working credentials and reports refused ones', async () => {
      await expect(source().source.check!()).resolves.toMatch(/\S/);
      if (c.badEnv) await expect(source({}, c.badEnv).source.check!()).rejects.toThrow();
      await expect(source({}, c.env, 'http://127.0.0.1:9').source.check!()).rejects.toThrow();
    });
  });
}
