// Turns the planned slots into posts: who writes, in which language, to whom they reply, what they reshare, and the words.
import type { Lang, Situation } from './bank.js';
import type { AuthorPool, ScenarioAuthor } from './author-pool.js';
import { composePost } from './compose-post.js';
import { handleOn, platformAllows, platformOfOriginal, type DemoPlatform } from './platforms.js';
import { crisisRate, type CrisisPlan } from './crisis-plan.js';
import { ensureNamed, type EntityId } from './entity-terms.js';
import type { ObservedInteractions } from './engagement.js';
import type { Rng } from './random.js';
import { AMPLIFIER_KEY, type ScriptedPost } from './scripted-posts.js';
import type { SlotLists } from './template.js';
import type { Phase, Slot, SlotKind } from './timeline-slots.js';

const HOUR = 3_600_000;
/** Recent posts of the same phase weighed as parents; beyond a few hundred, weights are negligible. */
const MAX_PARENTS_LOOKED_AT = 250;

export interface WrittenPost {
  id: string;
  at: number;
  platform: DemoPlatform;
  kind: SlotKind;
  phase: Phase;
  situation: Situation;
  author: ScenarioAuthor;
  lang: Lang;
  text: string;
  replyTo?: WrittenPost;
  quoteOf?: WrittenPost;
  reshareOf?: WrittenPost;
  /** How far beyond its author's usual audience the post travels (see engagement.ts). */
  virality: number;
  observed: ObservedInteractions;
}

interface PendingAnswer {
  at: number;
  parent: WrittenPost;
}

const CRISIS_SITUATIONS = new Set<Situation>(['testimony', 'refund', 'outrage', 'boycott', 'recall', 'worry', 'crisisIrony', 'defense', 'crisisNews', 'switching', 'ceoCallout', 'replyCrisis', 'quoteCrisis', 'helpCrisisReply']);
const RIVAL_SITUATIONS = new Set<Situation>(['rival', 'comparison', 'rivalPromo', 'switching', 'spam', 'replyChat']);

const SUBJECT: Partial<Record<Situation, EntityId>> = {
  brandPraise: 'kelio',
  minorComplaint: 'kelio',
  refund: 'kelio',
  ceo: 'margaux-delorme',
  ceoCallout: 'margaux-delorme',
  helpReply: 'kelio',
  replyChat: 'kelio',
};

const RIVALS = {
  veltra: { rival: ['Veltra', 'Veltra', '@veltra', '#Veltra'], rivalProduct: ['Veltra Breeze', 'Veltra Breeze', 'Breeze by Veltra'] },
  homely: { rival: ['Homely', 'Homely', '@homelyhq'], rivalProduct: ['Homely Pure', 'Homely Pure', 'Homely Pure 2'] },
} as const satisfies Record<string, SlotLists>;

export class ScenarioWriter {
  readonly posts: WrittenPost[] = [];
  private readonly texts = new Set<string>();
  private readonly scripted = new Map<string, WrittenPost>();
  private readonly pending: PendingAnswer[] = [];
  private amplifierPost?: WrittenPost;

  constructor(
    private readonly rng: Rng,
    private readonly authors: AuthorPool,
    private readonly plan: CrisisPlan,
    private readonly idPrefix: string,
    private readonly end: number,
  ) {}

  writeAll(slots: readonly Slot[]): WrittenPost[] {
    for (const slot of slots) {
      this.answerPendingUntil(slot.at);
      this.write(slot);
    }
    this.answerPendingUntil(this.end - 1);
    return this.posts;
  }

  private write(slot: Slot): void {
    if (slot.scripted) return this.writeScripted(slot.scripted, slot.at);
    if (slot.kind === 'post') return this.writeOriginal(slot.at, slot.phase, slot.situation ?? 'praise');
    const parent = this.pickParent(slot.at, slot.phase, slot.kind);
    // Nothing to answer yet (first minutes of the scenario): people post instead.
    if (!parent) return this.writeOriginal(slot.at, slot.phase, slot.phase === 'crisis' ? 'testimony' : 'praise');
    if (slot.kind === 'reply') return this.writeReply(slot.at, parent);
    if (slot.kind === 'reshare') return this.writeReshare(slot.at, parent);
    return this.writeQuote(slot.at, slot.phase, parent);
  }

  private writeOriginal(at: number, phase: Phase, situation: Situation): void {
    const author = this.authorFor(situation);
    const lang = author.lang === 'both' ? this.drawLang() : author.lang;
    const rival = this.rng.chance(0.6) ? RIVALS.veltra : RIVALS.homely;
    const bindings = author.input.handle === 'homelyhq' ? RIVALS.homely : author.input.handle === 'veltra' ? RIVALS.veltra : rival;
    const subject: EntityId = situation === 'rival' || situation === 'rivalPromo' ? (bindings === RIVALS.veltra ? 'veltra' : 'homely') : (SUBJECT[situation] ?? 'kelio-aura');
    const text = this.freshText(() => ensureNamed(composePost({ lang, situation, style: author.style, bindings: RIVAL_SITUATIONS.has(situation) ? bindings : undefined }, this.rng), subject, this.rng));
    const platform = platformOfOriginal(author, this.rng);
    const post = this.add({ at, platform, kind: 'post', phase, situation, author, lang, text, virality: this.viralityOf(at, phase, situation) });
    this.maybeScheduleAnswer(post);
  }

  private writeReply(at: number, parent: WrittenPost, author?: ScenarioAuthor): void {
    const lang = this.rng.chance(0.88) ? parent.lang : other(parent.lang);
    const replier = author ?? this.authors.pickPerson(lang, this.rng, parent.author);
    const situation = replyTo(parent.situation);
    const tagsBrand = parent.author.input.handle !== 'kelio' && (parent.phase === 'crisis' || /@kelio\b/.test(parent.text)) && this.rng.chance(0.35);
    const prefix = replyPrefix(parent, tagsBrand);
    const text = this.freshText(() => ensureNamed(`${prefix}${composePost({ lang, situation, style: replier.style, bindings: RIVALS.veltra }, this.rng)}`, SUBJECT[situation] ?? 'kelio-aura', this.rng));
    parent.observed.replies += 1;
    const post = this.add({ at, platform: parent.platform, kind: 'reply', phase: parent.phase, situation, author: replier, lang, text, replyTo: parent, virality: 0.4 });
    this.maybeScheduleAnswer(post);
  }

  private writeReshare(at: number, parent: WrittenPost): void {
    const lang = this.rng.chance(0.9) ? parent.lang : other(parent.lang);
    const author = this.authors.pickPerson(lang, this.rng, parent.author);
    parent.observed.reshares += 1;
    // Only X writes a repost as "RT @author: text"; a Mastodon boost or a Bluesky repost carries the text as it was.
    const text = parent.platform === 'x' ? `RT @${parent.author.input.handle}: ${parent.text}` : parent.text;
    this.add({ at, platform: parent.platform, kind: 'reshare', phase: parent.phase, situation: parent.situation, author, lang: parent.lang, text, reshareOf: parent, virality: 0 });
  }

  private writeQuote(at: number, phase: Phase, parent: WrittenPost): void {
    const lang = this.rng.chance(0.8) ? parent.lang : other(parent.lang);
    const author = this.authors.pickPerson(lang, this.rng, parent.author);
    const situation: Situation = phase === 'crisis' ? 'quoteCrisis' : 'quoteQuiet';
    const text = this.freshText(() => ensureNamed(composePost({ lang, situation, style: author.style }, this.rng), 'kelio-aura', this.rng));
    parent.observed.quotes += 1;
    this.add({ at, platform: parent.platform, kind: 'quote', phase, situation, author, lang, text, quoteOf: parent, virality: this.viralityOf(at, phase, situation) });
  }

  private writeScripted(script: ScriptedPost, at: number): void {
    const quoteOf = script.quotes ? this.scripted.get(script.quotes) : undefined;
    const replyTo = script.repliesTo ? this.scripted.get(script.repliesTo) : undefined;
    if (quoteOf) quoteOf.observed.quotes += 1;
    if (replyTo) replyTo.observed.replies += 1;
    const kind: SlotKind = quoteOf ? 'quote' : replyTo ? 'reply' : 'post';
    const text = replyTo ? `@${replyTo.author.input.handle} ${script.text}` : script.text;
    // The story's turning points happen on X, where the journalist and the brand speak.
    const post = this.add({ at, platform: 'x', kind, phase: 'crisis', situation: script.situation, author: this.authors.get(script.handle), lang: script.lang, text, quoteOf, replyTo, virality: script.virality });
    this.scripted.set(script.key, post);
    if (script.key === AMPLIFIER_KEY) this.amplifierPost = post;
  }

  /** The brand's care team answers questions within hours on ordinary days, and crisis posts late and only some of them. */
  private maybeScheduleAnswer(post: WrittenPost): void {
    if (post.author.role !== 'person') return;
    let at: number;
    if (post.phase === 'quiet' && (post.situation === 'question' || post.situation === 'minorComplaint') && this.rng.chance(0.35)) {
      at = officeHours(post.at + this.rng.between(0.3, 3) * HOUR, this.rng);
    } else if (post.phase === 'crisis' && ['testimony', 'refund', 'worry'].includes(post.situation) && this.rng.chance(0.08)) {
      at = Math.max(post.at + this.rng.between(2.5, 9) * HOUR, this.plan.amplifiedAt + 2 * HOUR + this.rng.between(0, 2) * HOUR);
    } else return;
    at = Math.floor(at / 1000) * 1000;
    let index = this.pending.length;
    while (index > 0 && this.pending[index - 1].at > at) index -= 1;
    this.pending.splice(index, 0, { at, parent: post });
  }

  private answerPendingUntil(until: number): void {
    while (this.pending.length > 0 && this.pending[0].at <= until) {
      const { at, parent } = this.pending.shift()!;
      const care = this.authors.get('kelio_help');
      const situation: Situation = parent.phase === 'crisis' ? 'helpCrisisReply' : 'helpReply';
      const text = this.freshText(() => ensureNamed(`${replyPrefix(parent, false)}${composePost({ lang: parent.lang, situation, style: care.style }, this.rng)}`, 'kelio', this.rng));
      parent.observed.replies += 1;
      this.add({ at, platform: parent.platform, kind: 'reply', phase: parent.phase, situation, author: care, lang: parent.lang, text, replyTo: parent, virality: 0.5 });
    }
  }

  /**
   * What people answer, reshare or quote: recent posts, those from big accounts far more often,
   * and during the crisis only crisis posts (the journalist's post above all, for longer).
   */
  private pickParent(at: number, phase: Phase, kind: SlotKind): WrittenPost | undefined {
    const candidates: WrittenPost[] = [];
    const weights: number[] = [];
    let looked = 0;
    for (let i = this.posts.length - 1; i >= 0; i -= 1) {
      const post = this.posts[i];
      const ageHours = (at - post.at) / HOUR;
      // Older or further back posts weigh next to nothing: stop there, or five weeks would take minutes to write.
      if (ageHours > 24 || looked >= MAX_PARENTS_LOOKED_AT) break;
      if (ageHours <= 0 || post.kind === 'reshare' || post.phase !== phase) continue;
      looked += 1;
      if (!platformAllows(post.platform, kind)) continue;
      if (post.author.role === 'care' && kind !== 'reply') continue;
      candidates.push(post);
      weights.push(this.parentWeight(post, ageHours, phase, kind));
    }
    // The journalist's post is passed around for hours, even when the crowd has posted much since.
    const amplifier = this.amplifierPost;
    if (phase === 'crisis' && amplifier && at > amplifier.at && at - amplifier.at <= 36 * HOUR && !candidates.includes(amplifier)) {
      candidates.push(amplifier);
      weights.push(this.parentWeight(amplifier, (at - amplifier.at) / HOUR, phase, kind));
    }
    if (candidates.length === 0) return undefined;
    let target = this.rng.float() * weights.reduce((sum, w) => sum + w, 0);
    for (let i = 0; i < candidates.length; i += 1) {
      target -= weights[i];
      if (target < 0) return candidates[i];
    }
    return candidates[candidates.length - 1];
  }

  private parentWeight(post: WrittenPost, ageHours: number, phase: Phase, kind: SlotKind): number {
    const memoryHours = phase === 'crisis' ? (post.author.role === 'amplifier' ? 10 : 4) : 6;
    let weight = (phase === 'crisis' ? post.author.pullInCrisis : post.author.pull) * Math.exp(-ageHours / memoryHours);
    if (post.kind === 'reply' && kind !== 'reply') weight *= 0.2;
    if (post.situation === 'spam') weight *= 0.1;
    // The journalist's post is what everyone passes around.
    if (post.author.role === 'amplifier' && post.kind === 'post') weight *= 4;
    return weight;
  }

  private authorFor(situation: Situation): ScenarioAuthor {
    const lang = this.drawLang();
    const ofLang = (role: 'media' | 'spam' | 'influencer') => this.authors.ofRole(role).filter((a) => a.lang === lang);
    switch (situation) {
      case 'brandPromo':
        return this.authors.get('kelio');
      case 'rivalPromo':
        return this.authors.get(this.rng.chance(0.6) ? 'veltra' : 'homelyhq');
      case 'spam':
        return this.rng.pick(ofLang('spam'));
      case 'news':
      case 'crisisNews':
        return this.rng.chance(0.7) ? this.rng.pick(ofLang('media')) : this.authors.pickPerson(lang, this.rng);
      case 'ceo':
        return this.rng.chance(0.3) ? this.rng.pick(ofLang('media')) : this.authors.pickPerson(lang, this.rng);
      default:
        return this.rng.chance(0.04) ? this.rng.pick(ofLang('influencer')) : this.authors.pickPerson(lang, this.rng);
    }
  }

  private viralityOf(at: number, phase: Phase, situation: Situation): number {
    if (situation === 'spam') return 0.15;
    if (phase === 'quiet') return 1;
    return 1.5 + 5 * (crisisRate(this.plan, at) / this.plan.peakRate);
  }

  /** Redraws a text already posted by someone else; copy-paste posts exist but are rare. */
  private freshText(draw: () => string): string {
    let text = draw();
    for (let attempt = 0; attempt < 4 && this.texts.has(text); attempt += 1) text = draw();
    this.texts.add(text);
    return text;
  }

  private drawLang(): Lang {
    // Kelio is French: its French-speaking audience is about as large as the English-speaking one.
    return this.rng.chance(0.46) ? 'en' : 'fr';
  }

  private add(fields: Omit<WrittenPost, 'id' | 'observed'>): WrittenPost {
    const post: WrittenPost = { ...fields, id: `${this.idPrefix}${String(this.posts.length + 1).padStart(5, '0')}`, observed: { replies: 0, reshares: 0, quotes: 0 } };
    this.posts.push(post);
    return post;
  }
}

/** How a reply starts: "@author " where replies name whom they answer (not in a Reddit thread). */
function replyPrefix(parent: WrittenPost, tagsBrand: boolean): string {
  if (parent.platform === 'reddit') return '';
  return `@${handleOn(parent.platform, parent.author.input, parent.author.lang)}${tagsBrand ? ' @kelio' : ''} `;
}

function replyTo(parent: Situation): Situation {
  if (parent === 'question') return 'replyAnswer';
  if (parent === 'minorComplaint' || parent === 'aftermath' || parent === 'replyMeToo') return 'replyMeToo';
  if (CRISIS_SITUATIONS.has(parent)) return 'replyCrisis';
  return 'replyChat';
}

function other(lang: Lang): Lang {
  return lang === 'en' ? 'fr' : 'en';
}

/** Moves an answer that would fall at night to the next morning (care team hours, UTC). */
function officeHours(at: number, rng: Rng): number {
  const hour = new Date(at).getUTCHours();
  if (hour >= 6 && hour < 19) return at;
  const nextMorning = Math.ceil((at - 6 * HOUR) / (24 * HOUR)) * 24 * HOUR + 6 * HOUR;
  return nextMorning + rng.between(0.2, 2) * HOUR;
}
