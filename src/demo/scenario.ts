// The bundled demo scenario: Kelio, its Aura purifier, its CEO and two competitors over five weeks, with one reputation crisis. Seeded: same seed, same bytes.
import type { MentionInput } from '../domain/mention.js';
import { AMPLIFIER_HANDLE, AuthorPool } from './author-pool.js';
import { planCrisis } from './crisis-plan.js';
import { engagementFor, NO_ENGAGEMENT } from './engagement.js';
import { ENTITY_IDS } from './entity-terms.js';
import { Rng } from './random.js';
import { ScenarioWriter, type WrittenPost } from './scenario-writer.js';
import { authorOn, identify, type PlatformIdentity, type PostToIdentify } from './platform-ids.js';
import { planSlots } from './timeline-slots.js';

const DAY = 24 * 3_600_000;
export const DEMO_DAYS = 35;

export interface ScenarioCrisis {
  entityId: 'kelio-aura' | 'kelio';
  startsAt: string;
  peakAt: string;
  endsAt: string;
  /** Handle (without "@") of the influential account whose post made the crisis spread. */
  amplifierHandle: string;
}

export interface Scenario {
  /** Sorted by publishedAt. */
  mentions: MentionInput[];
  crisis: ScenarioCrisis;
  entityIds: string[];
}

export interface ScenarioOptions {
  seed: number;
  /** The scenario's last instant: every mention is published before it. */
  end: Date;
  /**
   * At least 5; the crisis starts three days before the end. Default 35: four weeks and more of ordinary
   * activity before it, so that comparisons with the past, trends and the business link have something to show.
   */
  days?: number;
}

export function generateScenario(opts: ScenarioOptions): Scenario {
  const days = opts.days ?? DEMO_DAYS;
  if (!Number.isInteger(opts.seed)) throw new RangeError(`scenario seed must be an integer, got ${opts.seed}`);
  if (!(days >= 5)) throw new RangeError(`a scenario needs at least 5 days (quiet days, the crisis, the calm after), got ${days}`);
  const end = opts.end.getTime();
  if (!Number.isFinite(end)) throw new RangeError('scenario end is not a valid date');
  const start = end - days * DAY;

  const rng = new Rng(opts.seed);
  const authors = new AuthorPool(rng);
  const plan = planCrisis(start, days, rng);
  const slots = planSlots(start, end, plan, rng);
  const posts = new ScenarioWriter(rng, authors, plan, `demo-${opts.seed}-`, end).writeAll(slots);

  // Parents come before their answers, so each thread's identity is known when its replies are named.
  const identities = new Map<WrittenPost, PlatformIdentity>();
  const toIdentify = new Map<WrittenPost, PostToIdentify>();
  posts.forEach((post, index) => {
    // Seeds apart: scenarios of several seeds stored together (tests do) never share an id.
    const serial = (Math.abs(opts.seed) % 1000) * 100_000 + index;
    const parent = post.replyTo ?? post.quoteOf ?? post.reshareOf;
    const described: PostToIdentify = { serial, at: post.at, platform: post.platform, lang: post.lang, author: post.author, ...(parent && { parent: toIdentify.get(parent) }) };
    toIdentify.set(post, described);
    identities.set(post, identify(described, parent && post.kind !== 'quote' ? identities.get(parent) : undefined));
  });
  return {
    mentions: posts.map((post) => toMention(post, identities, rng)),
    crisis: {
      entityId: 'kelio-aura',
      startsAt: new Date(plan.startsAt).toISOString(),
      peakAt: new Date(plan.peakAt).toISOString(),
      endsAt: new Date(Math.min(plan.endsAt, end)).toISOString(),
      amplifierHandle: AMPLIFIER_HANDLE,
    },
    entityIds: [...ENTITY_IDS],
  };
}

/** One MentionInput JSON per line, for `vigie import`. */
export function scenarioToJsonl(scenario: Scenario): string {
  return scenario.mentions.map((mention) => `${JSON.stringify(mention)}\n`).join('');
}

function toMention(post: WrittenPost, identities: ReadonlyMap<WrittenPost, PlatformIdentity>, rng: Rng): MentionInput {
  const { externalId, url } = identities.get(post)!;
  const mention: MentionInput = {
    platform: post.platform,
    externalId,
    url,
    text: post.text,
    langHint: post.lang,
    publishedAt: new Date(post.at).toISOString(),
    author: authorOn(post.platform, post.author),
    engagement: post.kind === 'reshare' ? { ...NO_ENGAGEMENT } : engagementFor(post.author.input.followers, post.virality, post.observed, rng),
  };
  const idOf = (parent: WrittenPost) => identities.get(parent)!.externalId;
  if (post.replyTo) mention.replyTo = idOf(post.replyTo);
  if (post.quoteOf) mention.quoteOf = idOf(post.quoteOf);
  if (post.reshareOf) mention.reshareOf = idOf(post.reshareOf);
  return mention;
}
