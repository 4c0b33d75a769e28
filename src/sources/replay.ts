// Plays the demo scenario as if it were live: history at once, then the crisis at accelerated speed, resumable from its cursor.
import { z } from 'zod';
import type { MentionInput } from '../domain/mention.js';
import type { SourceFactory } from './source-factory.js';
import type { FetchResult, Source } from './source.js';
import { ENGAGEMENT_SETTLES_MS, engagementAt } from '../demo/engagement-growth.js';
import { generateScenario, type Scenario } from '../demo/scenario.js';

const HOUR = 3_600_000;

export const replaySourceConfig = z.object({
  id: z.string().min(1),
  type: z.literal('replay'),
  /** Scenario seed: the same seed always gives the same mentions. */
  seed: z.number().int().default(42),
  /** Scenario seconds per real second (360: one scenario hour every 10 s). */
  speed: z.number().positive().default(360),
  /** Scenario hours between the live replay's start and the crisis' first post. */
  leadHours: z.number().min(0).default(4),
  /** Real seconds between polls: at 360x, five real seconds are half a scenario hour. */
  everySeconds: z.number().positive().default(5),
  entities: z.array(z.string()).optional(),
}).strict();
export type ReplaySourceConfig = z.infer<typeof replaySourceConfig>;

export interface ReplaySourceOptions {
  id: string;
  seed: number;
  speed: number;
  leadHours: number;
  /** Real clock, epoch ms. */
  now?: () => number;
  /**
   * Last instant of the scenario. Leave it out in normal use: the scenario then ends at the
   * replay's real start time, which the cursor records, so a restarted process rebuilds the
   * very same scenario. A fixed value must stay the same across restarts.
   */
  end?: Date;
  /** Scenario length in days (default: the demo's five weeks); tests play shorter ones. */
  days?: number;
}

interface ReplayCursor {
  seed: number;
  /** Real time (epoch ms) of the first fetch. */
  startedAt: number;
  /** Index in the scenario of the last mention returned; -1 before any. */
  lastIndex: number;
  /** Scenario time (epoch ms) of the last fetch: the engagement then shown. */
  lastVirtual: number;
}

// v2: the scenario of five weeks on real platforms, with engagement that grows (v1 was six days on "replay").
const CURSOR = /^replay:v2:(-?\d+):(\d+):(-1|\d+):(-?\d+)$/;
const OLDER_CURSOR = /^replay:v1:/;

export function encodeReplayCursor(cursor: ReplayCursor): string {
  return `replay:v2:${cursor.seed}:${cursor.startedAt}:${cursor.lastIndex}:${cursor.lastVirtual}`;
}

/** Undefined for a cursor of an older scenario version, which the replay starts afresh. */
export function decodeReplayCursor(text: string): ReplayCursor | undefined {
  if (OLDER_CURSOR.test(text)) return undefined;
  const match = CURSOR.exec(text);
  if (!match) throw new Error(`replay cursor "${text}" is not of the form replay:v2:<seed>:<startedAtMs>:<lastIndex>:<lastScenarioMs>`);
  return { seed: Number(match[1]), startedAt: Number(match[2]), lastIndex: Number(match[3]), lastVirtual: Number(match[4]) };
}

export class ReplaySource implements Source {
  readonly id: string;
  readonly platform = 'replay';
  private readonly now: () => number;
  private cached?: { end: number; scenario: Scenario };

  constructor(private readonly options: ReplaySourceOptions) {
    if (!(options.speed > 0)) throw new RangeError(`replay speed must be positive, got ${options.speed}`);
    if (!(options.leadHours >= 0)) throw new RangeError(`replay leadHours must be 0 or more, got ${options.leadHours}`);
    this.id = options.id;
    this.now = options.now ?? Date.now;
  }

  /**
   * Returns the scenario's mentions published up to the replay's virtual "now", that earlier
   * fetches have not returned. The first fetch backfills everything before the replay start
   * (crisis start minus leadHours); from then on virtual time runs at `speed` from that point.
   */
  async fetch(cursor: string | null, signal?: AbortSignal): Promise<FetchResult> {
    signal?.throwIfAborted();
    const previous = cursor === null ? undefined : decodeReplayCursor(cursor);
    // A cursor written for another seed belongs to another scenario: start that replay afresh.
    const state = previous && previous.seed === this.options.seed ? previous : { seed: this.options.seed, startedAt: this.now(), lastIndex: -1, lastVirtual: 0 };
    const scenario = this.scenarioFor(state.startedAt);
    const virtualNow = this.replayStart(scenario) + (this.now() - state.startedAt) * this.options.speed;
    const published = (index: number) => Date.parse(scenario.mentions[index].publishedAt);

    // Posts of the last hours already delivered are read again when their engagement grew, as a connector
    // refreshing recent posts' metrics would: the store keeps one copy and updates its counts.
    const mentions: MentionInput[] = [];
    for (let index = firstPublishedAfter(scenario, state.lastVirtual - ENGAGEMENT_SETTLES_MS); index <= state.lastIndex; index += 1) {
      const mention = scenario.mentions[index];
      const now = engagementAt(mention.engagement, virtualNow - published(index));
      const before = engagementAt(mention.engagement, state.lastVirtual - published(index));
      if (engagementTotal(now) > engagementTotal(before)) mentions.push({ ...structuredClone(mention), engagement: now });
    }
    let index = state.lastIndex + 1;
    while (index < scenario.mentions.length && published(index) <= virtualNow) {
      const mention = scenario.mentions[index];
      mentions.push({ ...structuredClone(mention), engagement: engagementAt(mention.engagement, virtualNow - published(index)) });
      index += 1;
    }
    const next = encodeReplayCursor({ ...state, lastIndex: index - 1, lastVirtual: Math.max(state.lastVirtual, Math.floor(virtualNow)) });
    // Detection runs in scenario time: the data is complete up to the virtual clock (never past the scenario's end).
    const asOf = Math.min(virtualNow, this.cached?.end ?? virtualNow);
    return { mentions, quarantined: [], nextCursor: next === cursor ? null : next, asOf };
  }

  async check(): Promise<string> {
    const scenario = this.scenarioFor(this.now());
    const { crisis } = scenario;
    return `replay of the demo scenario (seed ${this.options.seed}): ${scenario.mentions.length} mentions; the crisis starts ${this.options.leadHours} scenario hours after the replay starts, played at ${this.options.speed}x`
      + ` (scenario crisis ${crisis.startsAt} to ${crisis.endsAt}, amplified by @${crisis.amplifierHandle})`;
  }

  private replayStart(scenario: Scenario): number {
    return Date.parse(scenario.crisis.startsAt) - this.options.leadHours * HOUR;
  }

  private scenarioFor(startedAt: number): Scenario {
    const end = this.options.end?.getTime() ?? startedAt;
    if (this.cached?.end !== end) this.cached = { end, scenario: generateScenario({ seed: this.options.seed, end: new Date(end), ...(this.options.days ? { days: this.options.days } : {}) }) };
    return this.cached.scenario;
  }
}

function firstPublishedAfter(scenario: Scenario, ms: number): number {
  let lo = 0;
  let hi = scenario.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Date.parse(scenario.mentions[mid].publishedAt) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const engagementTotal = (e: MentionInput['engagement']) => e.likes + e.reshares + e.replies + e.quotes;

/** Registers the demo replay as a source type: `type: replay` in config. */
export const replaySourceFactory: SourceFactory<ReplaySourceConfig> = {
  type: 'replay',
  platform: 'replay',
  configSchema: replaySourceConfig,
  create: (config, ctx) => new ReplaySource({ id: config.id, seed: config.seed, speed: config.speed, leadHours: config.leadHours, now: ctx.now }),
  pollIntervalMs: (config) => config.everySeconds * 1000,
};
