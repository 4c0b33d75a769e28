// Decides when something is posted and what kind of post it is, hour by hour, before any text is written.
import type { Situation } from './bank.js';
import { crisisRate, type CrisisPlan } from './crisis-plan.js';
import type { Rng } from './random.js';
import { activityAt } from './rhythm.js';
import { SCRIPTED_POSTS, type ScriptedPost } from './scripted-posts.js';

const HOUR = 3_600_000;
// The crisis moves fast: its volume is drawn minute by minute so the cascade and the amplifier's effect start when they do.
const CRISIS_STEP = 60_000;

/** Ordinary posts per hour at average activity, all entities together. */
const QUIET_RATE = 12.5;

export type SlotKind = 'post' | 'reply' | 'reshare' | 'quote';
export type Phase = 'quiet' | 'crisis';

export interface Slot {
  at: number;
  kind: SlotKind;
  phase: Phase;
  /** For posts: what the post is about. */
  situation?: Situation;
  scripted?: ScriptedPost;
}

const QUIET_KINDS: Readonly<Record<SlotKind, number>> = { post: 68, reply: 15, reshare: 13, quote: 4 };
// Before any big account: owners posting their own story, and friends replying to and resharing it.
const SMOULDER_KINDS: Readonly<Record<SlotKind, number>> = { post: 55, reply: 20, reshare: 22, quote: 3 };
const VIRAL_KINDS: Readonly<Record<SlotKind, number>> = { post: 40, reply: 20, reshare: 32, quote: 8 };

type Topics = Readonly<Partial<Record<Situation, number>>>;

const QUIET_TOPICS: Topics = {
  praise: 14,
  brandPraise: 5,
  minorComplaint: 11,
  question: 9,
  news: 5,
  ceo: 3,
  rival: 14,
  comparison: 6,
  irony: 5,
  spam: 5,
  brandPromo: 2,
  rivalPromo: 3,
};
const AFTER_CRISIS_TOPICS: Topics = { ...QUIET_TOPICS, aftermath: 14, brandPromo: 0 };

// At first owners tell what their unit did and worry; refunds and outrage come once the story has spread.
const SMOULDER_TOPICS: Topics = { testimony: 60, worry: 25, refund: 15 };
const HOT_TOPICS: Topics = { testimony: 14, refund: 10, outrage: 22, boycott: 10, recall: 9, worry: 12, crisisIrony: 7, defense: 4, crisisNews: 5, switching: 4, ceoCallout: 3 };
const COOLING_TOPICS: Topics = { testimony: 8, refund: 12, outrage: 12, boycott: 7, recall: 10, worry: 12, crisisIrony: 12, defense: 9, crisisNews: 5, switching: 8, ceoCallout: 5 };

/** Every slot of the scenario, sorted by time; times are whole seconds. */
export function planSlots(start: number, end: number, plan: CrisisPlan, rng: Rng): Slot[] {
  const slots: Slot[] = [];
  for (let hour = start; hour < end; hour += HOUR) {
    const quietCount = rng.poisson(QUIET_RATE * activityAt(hour));
    for (let i = 0; i < quietCount; i += 1) slots.push(quietSlot(hour, plan, rng));
  }
  for (let step = Math.floor(plan.startsAt / CRISIS_STEP) * CRISIS_STEP; step < plan.endsAt; step += CRISIS_STEP) {
    const from = Math.max(step, plan.startsAt + 1000);
    const count = rng.poisson((crisisRate(plan, from) * (step + CRISIS_STEP - from)) / HOUR);
    for (let i = 0; i < count; i += 1) slots.push(crisisSlot(from + rng.float() * (step + CRISIS_STEP - from), plan, rng));
  }
  // The story has a first post: an owner's testimony at the very start of the crisis.
  slots.push({ at: plan.startsAt, kind: 'post', phase: 'crisis', situation: 'testimony' });
  for (const scripted of SCRIPTED_POSTS) {
    slots.push({ at: scripted.at(plan), kind: scripted.quotes ? 'quote' : scripted.repliesTo ? 'reply' : 'post', phase: 'crisis', situation: scripted.situation, scripted });
  }
  return slots
    .map((slot) => ({ ...slot, at: Math.floor(slot.at / 1000) * 1000 }))
    .filter((slot) => slot.at >= start && slot.at < end)
    .sort((a, b) => a.at - b.at);
}

function quietSlot(hour: number, plan: CrisisPlan, rng: Rng): Slot {
  const at = hour + rng.float() * HOUR;
  const kind = rng.weighted(QUIET_KINDS);
  const situation = kind === 'post' ? rng.weighted(at >= plan.endsAt ? AFTER_CRISIS_TOPICS : QUIET_TOPICS) : undefined;
  return { at, kind, phase: 'quiet', situation };
}

function crisisSlot(at: number, plan: CrisisPlan, rng: Rng): Slot {
  const smoulder = at < plan.amplifiedAt;
  const kind = rng.weighted(smoulder ? SMOULDER_KINDS : VIRAL_KINDS);
  const topics = smoulder ? SMOULDER_TOPICS : at < plan.peakAt + 3 * HOUR ? HOT_TOPICS : COOLING_TOPICS;
  return { at, kind, phase: 'crisis', situation: kind === 'post' ? rng.weighted(topics) : undefined };
}
