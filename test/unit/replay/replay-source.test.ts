// The live replay with a fake clock: history first, then accelerated delivery, no gap, no duplicate, resumable from its cursor.
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeReplayCursor, encodeReplayCursor, ReplaySource, replaySourceConfig } from '../../../src/sources/replay.js';
import { generateScenario, type Scenario } from '../../../src/demo/scenario.js';
import type { MentionInput } from '../../../src/domain/mention.js';

const HOUR = 3_600_000;
const REAL_START = Date.parse('2025-06-02T09:00:00.000Z');
const END = new Date('2025-06-01T12:00:00.000Z');

class FakeClock {
  constructor(public ms: number) {}
  now = () => this.ms;
  advanceSeconds(s: number) {
    this.ms += s * 1000;
  }
}

// Six days instead of the demo's five weeks: the same code paths, generated in a fraction of the time.
const DAYS = 6;
const source = (clock: FakeClock, end?: Date) => new ReplaySource({ id: 'demo', seed: 42, speed: 360, leadHours: 4, now: clock.now, days: DAYS, ...(end ? { end } : {}) });

/** The mentions of a fetch not delivered before (the others are engagement refreshes), recording them as seen. */
function firstSeen(mentions: readonly MentionInput[], seen: Set<string>): MentionInput[] {
  return mentions.filter((m) => !seen.has(m.externalId) && seen.add(m.externalId));
}

let scenario: Scenario;
let replayStart: number;
beforeAll(() => {
  scenario = generateScenario({ seed: 42, end: END, days: DAYS });
  replayStart = Date.parse(scenario.crisis.startsAt) - 4 * HOUR;
});

describe('ReplaySource', () => {
  it('backfills everything before the replay start on the first fetch', async () => {
    const clock = new FakeClock(REAL_START);
    const first = await source(clock, END).fetch(null);
    const expected = scenario.mentions.filter((m) => Date.parse(m.publishedAt) <= replayStart);
    expect(first.mentions.map((m) => m.externalId)).toEqual(expected.map((m) => m.externalId));
    expect(first.mentions.length).toBeGreaterThan(1000);
    expect(first.quarantined).toEqual([]);
    expect(decodeReplayCursor(first.nextCursor!)).toEqual({ seed: 42, startedAt: REAL_START, lastIndex: expected.length - 1, lastVirtual: replayStart });
    // History comes with its engagement settled, except for the last hours' posts, still gaining some.
    const settled = first.mentions.filter((m) => Date.parse(m.publishedAt) < replayStart - 3 * HOUR);
    expect(settled.map((m) => m.engagement)).toEqual(expected.slice(0, settled.length).map((m) => m.engagement));
  });

  it('then delivers at 360x: ten real seconds bring the next scenario hour, the crisis starts at 40 s and peaks within two minutes', async () => {
    const clock = new FakeClock(REAL_START);
    const replay = source(clock, END);
    const seen = new Set<string>();
    const backfill = await replay.fetch(null);
    firstSeen(backfill.mentions, seen);
    let cursor = backfill.nextCursor;
    clock.advanceSeconds(10);
    const hour = await replay.fetch(cursor);
    const expected = scenario.mentions.filter((m) => Date.parse(m.publishedAt) > replayStart && Date.parse(m.publishedAt) <= replayStart + HOUR);
    expect(firstSeen(hour.mentions, seen).map((m) => m.externalId)).toEqual(expected.map((m) => m.externalId));
    // The others are recent posts read again because their engagement grew.
    const refreshed = hour.mentions.filter((m) => !expected.includes(scenario.mentions.find((s) => s.externalId === m.externalId)!));
    expect(refreshed.length).toBeGreaterThan(0);
    for (const m of refreshed) expect(Date.parse(m.publishedAt)).toBeGreaterThan(replayStart - 3 * HOUR);
    // Detection runs on the replay's clock: the data is complete up to one scenario hour after the start.
    expect(hour.asOf).toBe(replayStart + HOUR);
    cursor = hour.nextCursor ?? cursor;

    clock.advanceSeconds(29);
    const before = await replay.fetch(cursor);
    expect(before.mentions.every((m) => m.publishedAt < scenario.crisis.startsAt)).toBe(true);
    cursor = before.nextCursor ?? cursor;
    clock.advanceSeconds(1);
    const crisisStart = await replay.fetch(cursor);
    const first = crisisStart.mentions.at(-1)!;
    expect(first.publishedAt).toBe(scenario.crisis.startsAt);
    // Seen the second it is posted, the first post of the crisis has no engagement yet.
    expect(first.engagement).toMatchObject({ likes: 0, reshares: 0, replies: 0, quotes: 0 });

    const secondsToPeak = (Date.parse(scenario.crisis.peakAt) - replayStart) / HOUR * 10;
    expect(secondsToPeak).toBeGreaterThan(40);
    expect(secondsToPeak).toBeLessThan(120);
  });

  it('returns nothing and an unchanged cursor when no scenario time has passed', async () => {
    const clock = new FakeClock(REAL_START);
    const replay = source(clock, END);
    const { nextCursor } = await replay.fetch(null);
    const again = await replay.fetch(nextCursor);
    expect(again.mentions).toEqual([]);
    expect(again.nextCursor).toBeNull();
  });

  it('plays the whole scenario once, in order, with no gap or duplicate, across a restart without a fixed end', { timeout: 120_000 }, async () => {
    const clock = new FakeClock(REAL_START);
    let replay = source(clock);
    const delivered: string[] = [];
    const seen = new Set<string>();
    const shown = new Map<string, number>();
    let cursor: string | null = null;
    for (let poll = 0; poll < 400; poll += 1) {
      const result = await replay.fetch(cursor);
      delivered.push(...firstSeen(result.mentions, seen).map((m) => m.externalId));
      for (const m of result.mentions) {
        // A post read again only ever shows more engagement.
        const total = m.engagement.likes + m.engagement.reshares + m.engagement.replies + m.engagement.quotes;
        expect(total).toBeGreaterThan(shown.get(m.externalId) ?? -1);
        shown.set(m.externalId, total);
      }
      cursor = result.nextCursor ?? cursor;
      clock.advanceSeconds(7);
      // A process restart halfway: a new source (no cache) resumes from the saved cursor only.
      if (poll === 12) replay = source(clock);
    }
    // Without a fixed end the scenario ends at the replay's real start, which the cursor keeps.
    const full = generateScenario({ seed: 42, end: new Date(REAL_START), days: DAYS });
    expect(delivered).toEqual(full.mentions.map((m) => m.externalId));
    expect(decodeReplayCursor(cursor!)!.lastIndex).toBe(full.mentions.length - 1);
    // By the end every post shows its final counts.
    expect(full.mentions.every((m) => shown.get(m.externalId) === m.engagement.likes + m.engagement.reshares + m.engagement.replies + m.engagement.quotes)).toBe(true);
  });

  it('returns copies, so a caller changing a mention cannot change the next replay', async () => {
    const clock = new FakeClock(REAL_START);
    const replay = source(clock, END);
    const first = await replay.fetch(null);
    first.mentions[0].text = 'changed';
    const fresh = await replay.fetch(encodeReplayCursor({ seed: 42, startedAt: REAL_START, lastIndex: -1, lastVirtual: 0 }));
    expect(fresh.mentions[0].text).toBe(scenario.mentions[0].text);
  });

  it('starts afresh on a cursor written for another seed, and rejects a malformed cursor', async () => {
    const clock = new FakeClock(REAL_START);
    const replay = source(clock, END);
    const other = await replay.fetch(encodeReplayCursor({ seed: 7, startedAt: REAL_START - HOUR, lastIndex: 99, lastVirtual: 0 }));
    expect(other.mentions[0].externalId).toBe(scenario.mentions[0].externalId);
    // A cursor of the older six-day scenario on "replay" belongs to another scenario too.
    const older = await replay.fetch(`replay:v1:42:${REAL_START - HOUR}:99`);
    expect(older.mentions[0].externalId).toBe(scenario.mentions[0].externalId);
    expect(decodeReplayCursor(older.nextCursor!)!.startedAt).toBe(REAL_START);
    await expect(replay.fetch('page-2')).rejects.toThrow(/replay:v2/);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(source(new FakeClock(REAL_START), END).fetch(null, controller.signal)).rejects.toThrow();
  });

  it('describes itself in check()', async () => {
    expect(await source(new FakeClock(REAL_START), END).check()).toMatch(/seed 42\): \d+ mentions.*@techwatchdaily/);
  });
});

describe('replaySourceConfig', () => {
  it('fills the defaults and refuses a bad speed or an unknown key', () => {
    expect(replaySourceConfig.parse({ id: 'demo', type: 'replay' })).toEqual({ id: 'demo', type: 'replay', seed: 42, speed: 360, leadHours: 4, everySeconds: 5 });
    expect(() => replaySourceConfig.parse({ id: 'demo', type: 'replay', sped: 100 })).toThrow();
    expect(() => replaySourceConfig.parse({ id: 'demo', type: 'replay', speed: 0 })).toThrow();
    expect(() => replaySourceConfig.parse({ id: 'demo', type: 'x' })).toThrow();
  });
});
