// Seeded generator of one entity's per-minute mention timeline, with injected crises and look-alike traps of known onset.
import { type Bucket, HOUR_MS, MINUTE_MS, type NotableMention, emptyBucket } from './series.js';
import { type BurstModel, BurstProcess } from './sim-bursts.js';
import { Random } from './sim-random.js';
import { attackSlogan, crisisTopic, everydayComplaint, topicPost } from './sim-texts.js';

export const CRISIS_KINDS = ['viral_post', 'slow_burn', 'influencer', 'coordinated_attack'] as const;
export const TRAP_KINDS = ['product_launch', 'holiday_lull', 'viral_positive', 'planned_campaign', 'news_day'] as const;
export type CrisisKind = (typeof CRISIS_KINDS)[number];
export type TrapKind = (typeof TRAP_KINDS)[number];
export type ScenarioKind = CrisisKind | TrapKind;

export interface SimulationOptions {
  seed: number;
  /** Mean mentions per hour over a normal week (5, 50, 500, 5000...). */
  meanPerHour: number;
  /** First minute, epoch ms (rounded down to the minute). */
  start: number;
  days: number;
  events: { kind: ScenarioKind; at: number }[];
  /** Notable mentions are only materialised from this instant on (history only needs counts). Default: start. */
  notableFrom?: number;
  entityId?: string;
  /**
   * Bursty minutes as in reality (sim-bursts.ts: reshare cascades, benign spikes, news days, outages, deeper nights,
   * faster growth). Absent: Poisson minutes with mild hourly and daily noise.
   */
  bursts?: BurstModel;
}

export interface SimulatedEvent {
  kind: ScenarioKind;
  isCrisis: boolean;
  onsetAt: number;
  /** When the event's effect is over. */
  endAt: number;
  /** The phrase a crisis spreads, if any. */
  topic?: string;
  /**
   * Per minute since onset, until `endAt`: the negative mentions the event added, and the mean
   * number of ordinary negative mentions the entity would have had anyway (what the simulator
   * drew them from). Ground truth for the evaluation's detection floor; no detector sees it.
   */
  excessNegative: number[];
  usualNegativeMean: number[];
}

/** A notable mention with its whole future: `mentionAt` shows it as the pipeline would see it at a given instant. */
export interface SimulatedMention extends NotableMention {
  /** Engagement reached at the end of its life. */
  finalEngagement: NotableMention['engagement'];
  /** Time constant of its engagement growth, in minutes. */
  growthMinutes: number;
}

export interface SimulatedTimeline {
  entityId: string;
  meanPerHour: number;
  start: number;
  /** One bucket per minute, no gap. */
  minutes: Bucket[];
  /** Negative or risk-flagged notable mentions, oldest first (background ones thinned to about 20 an hour). */
  mentions: SimulatedMention[];
  events: SimulatedEvent[];
}

interface ActiveEvent extends SimulatedEvent {
  /** Extra mentions per minute at full strength. */
  strength: number;
  durationMinutes: number;
  riskFlag: string;
  leadId?: string;
}

interface Effect {
  extraPerMinute: number;
  negative: number;
  positive: number;
  baseMultiplier: number;
  riskShare: number;
}

const BRAND = 'acme';
const BACKGROUND_NOTABLE_PER_HOUR = 20;
const EVENT_NOTABLE_PER_MINUTE = 1;
const RISK_FLAGS = ['legal', 'safety', 'fraud', 'boycott'];

/**
 * The model, per minute: a Poisson count whose mean is the entity's level x an hour-of-day curve
 * (shifted per entity, as if in its own time zone) x a day-of-week factor x a slow trend x a
 * gamma-distributed multiplier per hour and per day (so counts are overdispersed, as real ones
 * are). Each mention is negative / positive / neutral with the entity's own shares (jittered per
 * hour), carries a heavy-tailed reach, and 1 % of negatives carry a risk flag. Events add
 * mentions with their own tone, authors and phrases on top, or scale the base rate (the lull).
 */
export function simulateTimeline(options: SimulationOptions): SimulatedTimeline {
  const rng = new Random(options.seed);
  const M = options.meanPerHour;
  const start = Math.floor(options.start / MINUTE_MS) * MINUTE_MS;
  const totalMinutes = Math.round(options.days * 24 * 60);
  const notableFrom = options.notableFrom ?? start;
  const entityId = options.entityId ?? `sim-${options.seed}`;

  const phaseHours = rng.uniform(0, 12);
  const weekdayFactors = [0.75, 1.08, 1.1, 1.1, 1.08, 1.05, 0.84].map((f) => f * rng.uniform(0.95, 1.05));
  const bursts = options.bursts ? new BurstProcess(new Random(options.seed ^ 0x2545f491), options.bursts) : null;
  const trendPerDay = bursts ? rng.uniform(-0.004, 0.02) : rng.uniform(-0.004, 0.01);
  const nightFloor = bursts ? 0.06 : 0.25;
  const baseNegative = rng.uniform(0.08, 0.2);
  const basePositive = rng.uniform(0.25, 0.4);
  const events = options.events.map((e) => createEvent(rng, e.kind, Math.floor(e.at / MINUTE_MS) * MINUTE_MS, M));

  const minutes: Bucket[] = [];
  const mentions: SimulatedMention[] = [];
  let hourMultiplier = 1;
  let dayMultiplier = 1;
  let hourNegative = baseNegative;
  let nextId = 0;
  const newId = () => `${entityId}-m${nextId++}`;

  for (let i = 0; i < totalMinutes; i++) {
    const t = start + i * MINUTE_MS;
    if (i === 0 || t % HOUR_MS === 0) {
      hourMultiplier = rng.gammaMultiplier(30);
      hourNegative = Math.min(0.6, baseNegative * rng.gammaMultiplier(60));
      if (i === 0 || t % (24 * HOUR_MS) === 0) dayMultiplier = bursts ? bursts.startDay(i) : rng.gammaMultiplier(60);
    }
    const rhythm = hourOfDayCurve(((t / HOUR_MS + phaseHours) % 24 + 24) % 24, nightFloor) * weekdayFactors[new Date(t).getUTCDay()];
    const bucket = emptyBucket(t);
    let baseMultiplier = 1;
    const effects: [ActiveEvent, Effect][] = [];
    for (const ev of events) {
      if (t < ev.onsetAt || t >= ev.endAt) continue;
      const effect = eventEffect(ev, (t - ev.onsetAt) / MINUTE_MS, rhythm, baseNegative, basePositive);
      baseMultiplier *= effect.baseMultiplier;
      effects.push([ev, effect]);
    }

    // The ordinary flow of mentions.
    const baseRate = (M / 60) * rhythm * (1 + trendPerDay * (i / 1440)) * hourMultiplier * dayMultiplier * baseMultiplier;
    const n = bursts ? bursts.ordinary(baseRate) : rng.poisson(baseRate);
    for (const [ev] of effects) ev.usualNegativeMean.push(baseRate * hourNegative);
    const negative = rng.binomial(n, hourNegative);
    const positive = rng.binomial(n - negative, basePositive / (1 - hourNegative));
    addCounts(bucket, rng, n, negative, positive, 'ordinary');
    if (bursts) {
      // A benign spike (a match, a namesake): mostly neutral, the usual share of positives.
      const spike = bursts.benign(i, baseRate);
      addCounts(bucket, rng, spike.count, spike.negative, rng.binomial(spike.count - spike.negative, basePositive), 'ordinary');
    }
    bucket.riskFlagged += rng.binomial(negative, 0.01);
    if (t >= notableFrom) {
      const keep = rng.binomial(negative, Math.min(1, BACKGROUND_NOTABLE_PER_HOUR / Math.max(1e-9, M * baseNegative)));
      for (let k = 0; k < keep; k++) mentions.push(backgroundMention(rng, newId(), t));
    }

    // What the events add.
    for (const [ev, effect] of effects) {
      ev.excessNegative.push(0);
      if (ev.leadId === undefined && (ev.kind === 'viral_post' || ev.kind === 'influencer')) {
        ev.leadId = newId();
        const lead = leadMention(rng, ev, t, M);
        bucket.total += 1;
        bucket.negative += 1;
        ev.excessNegative[ev.excessNegative.length - 1] += 1;
        bucket.reach += lead.authorFollowers * 0.2;
        bucket.negativeReach += lead.authorFollowers * 0.2;
        if (t >= notableFrom) mentions.push(lead);
      }
      const extra = rng.poisson(effect.extraPerMinute);
      if (extra === 0) continue;
      const extraNegative = rng.binomial(extra, effect.negative);
      ev.excessNegative[ev.excessNegative.length - 1] += extraNegative;
      const extraPositive = rng.binomial(extra - extraNegative, effect.positive / Math.max(1e-9, 1 - effect.negative));
      addCounts(bucket, rng, extra, extraNegative, extraPositive, ev.kind === 'coordinated_attack' ? 'new_account' : 'ordinary');
      const flagged = rng.binomial(extraNegative, effect.riskShare);
      bucket.riskFlagged += flagged;
      if (t >= notableFrom && extraNegative > 0) {
        const keep = Math.min(extraNegative, rng.binomial(extraNegative, Math.min(1, EVENT_NOTABLE_PER_MINUTE / (effect.extraPerMinute * effect.negative))));
        for (let k = 0; k < keep; k++) mentions.push(eventMention(rng, newId(), ev, t, rng.chance(effect.riskShare)));
      }
    }
    // A collector outage: nothing counted (not during an event, whose onset must stay known to the evaluation).
    minutes.push(bursts && effects.length === 0 && bursts.isOutage(i) ? emptyBucket(t) : bucket);
  }
  mentions.sort((a, b) => a.publishedAt - b.publishedAt);
  return {
    entityId,
    meanPerHour: M,
    start,
    minutes,
    mentions,
    events: events.map(({ kind, isCrisis, onsetAt, endAt, topic, excessNegative, usualNegativeMean }) => ({
      kind,
      isCrisis,
      onsetAt,
      endAt,
      ...(topic ? { topic } : {}),
      excessNegative,
      usualNegativeMean,
    })),
  };
}

/** The mention as the pipeline would see it at `now`: engagement so far, history up to `now`. */
export function mentionAt(m: SimulatedMention, now: number): NotableMention {
  const { finalEngagement, growthMinutes, engagementHistory, ...rest } = m;
  const grown = 1 - Math.exp(-Math.max(0, now - m.publishedAt) / (growthMinutes * MINUTE_MS));
  const engagement = {
    likes: Math.round(finalEngagement.likes * grown),
    reshares: Math.round(finalEngagement.reshares * grown),
    replies: Math.round(finalEngagement.replies * grown),
    quotes: Math.round(finalEngagement.quotes * grown),
  };
  if (!engagementHistory) return { ...rest, engagement };
  return { ...rest, engagement, engagementHistory: engagementHistory.filter((h) => h.at <= now) };
}

/** Mean 1 over a day; quiet at night (`floor`), a peak in the afternoon (the Gaussian's daily mean is 4.5 sqrt(pi) / 24). */
function hourOfDayCurve(hour: number, floor: number): number {
  return (floor + 1.35 * Math.exp(-(((hour - 14) / 4.5) ** 2))) / (floor + (1.35 * 4.5 * Math.sqrt(Math.PI)) / 24);
}

function createEvent(rng: Random, kind: ScenarioKind, onsetAt: number, M: number): ActiveEvent {
  const isCrisis = (CRISIS_KINDS as readonly string[]).includes(kind);
  const perMinute = (perHour: number) => perHour / 60;
  const spec: Record<ScenarioKind, () => { strength: number; durationMinutes: number }> = {
    viral_post: () => ({ strength: perMinute(Math.max(15, rng.uniform(1, 3) * M)), durationMinutes: 8 * 60 }),
    slow_burn: () => ({ strength: perMinute(Math.max(8, rng.uniform(0.6, 1.2) * M)), durationMinutes: 30 * 60 }),
    influencer: () => ({ strength: perMinute(Math.max(10, rng.uniform(0.5, 1.5) * M)), durationMinutes: 8 * 60 }),
    coordinated_attack: () => ({ strength: perMinute(Math.max(20, rng.uniform(1, 3) * M)), durationMinutes: Math.round(rng.uniform(2, 4) * 60) }),
    product_launch: () => ({ strength: perMinute(rng.uniform(2, 4) * M), durationMinutes: 8 * 60 }),
    holiday_lull: () => ({ strength: 0, durationMinutes: 30 * 60 }),
    viral_positive: () => ({ strength: perMinute(Math.max(15, rng.uniform(1, 3) * M)), durationMinutes: 8 * 60 }),
    planned_campaign: () => ({ strength: perMinute(rng.uniform(0.8, 1.5) * M), durationMinutes: 72 * 60 }),
    news_day: () => ({ strength: perMinute(rng.uniform(1, 3) * M), durationMinutes: 12 * 60 }),
  };
  const { strength, durationMinutes } = spec[kind]();
  const topic = kind === 'coordinated_attack' ? attackSlogan(rng) : isCrisis ? crisisTopic(rng) : undefined;
  return {
    kind,
    isCrisis,
    onsetAt,
    endAt: onsetAt + durationMinutes * MINUTE_MS,
    strength,
    durationMinutes,
    riskFlag: kind === 'coordinated_attack' ? 'boycott' : rng.pick(RISK_FLAGS.slice(0, 3)),
    ...(topic ? { topic } : {}),
    excessNegative: [],
    usualNegativeMean: [],
  };
}

/** What an event does `since` minutes after its onset. */
function eventEffect(ev: ActiveEvent, since: number, rhythm: number, baseNegative: number, basePositive: number): Effect {
  const s = ev.strength;
  const none = { extraPerMinute: 0, negative: 0, positive: 0, baseMultiplier: 1, riskShare: 0 };
  switch (ev.kind) {
    case 'viral_post':
      return { ...none, extraPerMinute: s * Math.exp(-since / 120), negative: 0.85, positive: 0.03, riskShare: 0.15 };
    case 'slow_burn': {
      const ramp = since < 1440 ? Math.min(1, since / 720) : Math.exp(-(since - 1440) / 180);
      return { ...none, extraPerMinute: s * ramp, negative: 0.8, positive: 0.05, riskShare: 0.1 };
    }
    case 'influencer':
      return { ...none, extraPerMinute: s * (1 - Math.exp(-since / 20)) * Math.exp(-since / 180), negative: 0.75, positive: 0.05, riskShare: 0.1 };
    case 'coordinated_attack':
      return { ...none, extraPerMinute: s * Math.min(1, since / 5), negative: 0.95, positive: 0, riskShare: 0.5 };
    case 'product_launch':
      return { ...none, extraPerMinute: s * Math.min(1, since / 30) * Math.exp(-since / 240), negative: 0.05, positive: 0.7 };
    case 'holiday_lull':
      return { ...none, baseMultiplier: 1 - 0.65 * Math.min(1, since / 120) };
    case 'viral_positive':
      return { ...none, extraPerMinute: s * Math.exp(-since / 120), negative: 0.02, positive: 0.9 };
    case 'planned_campaign':
      return { ...none, extraPerMinute: s * rhythm, negative: baseNegative, positive: basePositive + 0.1 };
    case 'news_day':
      return { ...none, extraPerMinute: s * rhythm * Math.min(1, since / 30), negative: 0.08, positive: 0.12 };
  }
}

type AuthorKind = 'ordinary' | 'new_account';

function followersOf(rng: Random, kind: AuthorKind): number {
  return Math.round(kind === 'new_account' ? rng.logNormal(15, 0.8) : rng.logNormal(300, 1.5));
}

/** Adds `n` mentions (of which `negative` and `positive`) with their reach to the bucket. */
function addCounts(bucket: Bucket, rng: Random, n: number, negative: number, positive: number, authors: AuthorKind): void {
  if (n === 0) return;
  bucket.total += n;
  bucket.negative += negative;
  bucket.positive += positive;
  bucket.neutral += n - negative - positive;
  // Reach is a fifth of the followers; beyond 12 mentions a sample of 12 is scaled up (cheap, same mean).
  const sampled = Math.min(n, 12);
  let reach = 0;
  for (let k = 0; k < sampled; k++) reach += followersOf(rng, authors) * 0.2;
  const perMention = reach / sampled;
  bucket.reach += perMention * n;
  bucket.negativeReach += perMention * negative;
}

function ordinaryInfluence(rng: Random, followers: number): number {
  return Math.max(0, Math.min(60, 8 * Math.log10(followers + 1) + 4 * rng.normal()));
}

function backgroundMention(rng: Random, id: string, t: number): SimulatedMention {
  const influencer = rng.chance(0.002);
  const followers = Math.round(influencer ? rng.logNormal(150_000, 0.8) : rng.logNormal(300, 1.5));
  const base = Math.sqrt(followers) * 0.03;
  const reshares = rng.poisson(base * rng.gammaMultiplier(0.7));
  const riskFlags = rng.chance(0.01) ? [rng.pick(RISK_FLAGS)] : [];
  return {
    id,
    publishedAt: t + rng.int(0, 59) * 1000,
    text: everydayComplaint(rng, BRAND),
    authorHandle: `user${rng.int(1, 9_999_999)}`,
    authorFollowers: followers,
    authorInfluence: influencer ? rng.uniform(50, 85) : ordinaryInfluence(rng, followers),
    sentiment: 'negative',
    engagement: { likes: 0, reshares: 0, replies: 0, quotes: 0 },
    finalEngagement: { likes: reshares * 3, reshares, replies: rng.poisson(base * 0.5), quotes: rng.poisson(base * 0.1) },
    growthMinutes: 60,
    riskFlags,
  };
}

/** The post that starts a viral or influencer crisis, with an engagement history every 5 minutes. */
function leadMention(rng: Random, ev: ActiveEvent, t: number, M: number): SimulatedMention {
  const influencer = ev.kind === 'influencer';
  const followers = Math.round(influencer ? rng.uniform(200_000, 2_000_000) : rng.uniform(2_000, 50_000));
  const reshares = Math.round(influencer ? Math.max(300, rng.uniform(0.6, 2) * M) : Math.max(150, rng.uniform(1, 3) * M));
  const replies = Math.round(reshares * rng.uniform(0.2, 0.5));
  const growthMinutes = influencer ? 60 : 90;
  const history: { at: number; reshares: number; replies: number }[] = [];
  for (let at = t; at <= ev.endAt; at += 5 * MINUTE_MS) {
    const grown = 1 - Math.exp(-(at - t) / (growthMinutes * MINUTE_MS));
    history.push({ at, reshares: Math.round(reshares * grown), replies: Math.round(replies * grown) });
  }
  return {
    id: ev.leadId ?? `${ev.kind}-${t}`,
    publishedAt: t,
    text: topicPost(rng, BRAND, ev.topic ?? ''),
    authorHandle: influencer ? `famous${rng.int(1, 999)}` : `angry${rng.int(1, 99_999)}`,
    authorFollowers: followers,
    authorInfluence: influencer ? rng.uniform(85, 97) : rng.uniform(35, 60),
    sentiment: 'negative',
    engagement: { likes: 0, reshares: 0, replies: 0, quotes: 0 },
    finalEngagement: { likes: reshares * 4, reshares, replies, quotes: Math.round(reshares * 0.1) },
    growthMinutes,
    engagementHistory: history,
    riskFlags: ev.kind === 'viral_post' && rng.chance(0.3) ? [ev.riskFlag] : [],
  };
}

function eventMention(rng: Random, id: string, ev: ActiveEvent, t: number, flagged: boolean): SimulatedMention {
  const attack = ev.kind === 'coordinated_attack';
  const followers = followersOf(rng, attack ? 'new_account' : 'ordinary');
  const reshareOfLead = ev.leadId !== undefined && rng.chance(0.4);
  const topical = ev.isCrisis ? rng.chance(0.8) : false;
  return {
    id,
    publishedAt: t + rng.int(0, 59) * 1000,
    text: topical && ev.topic ? topicPost(rng, BRAND, ev.topic) : everydayComplaint(rng, BRAND),
    authorHandle: attack ? `acct${rng.int(100_000, 999_999)}x` : `user${rng.int(1, 9_999_999)}`,
    authorFollowers: followers,
    authorInfluence: attack ? rng.uniform(0, 8) : ordinaryInfluence(rng, followers),
    sentiment: 'negative',
    engagement: { likes: 0, reshares: 0, replies: 0, quotes: 0 },
    finalEngagement: { likes: rng.poisson(2), reshares: rng.poisson(0.5), replies: rng.poisson(0.3), quotes: 0 },
    growthMinutes: 30,
    riskFlags: flagged ? [ev.riskFlag] : [],
    ...(reshareOfLead ? { isReshareOf: ev.leadId } : {}),
  };
}
