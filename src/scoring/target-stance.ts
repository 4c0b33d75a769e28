// Target-dependent sentiment: at whom a post's tone is aimed, per linked entity (a brand, its products, its competitors).
//
// One overall tone per post is wrong when a post names a competitor: "glad i went with Veltra, at least it does not
// melt" is bad news for Kelio, not for Veltra, and "Veltra must be enjoying this Kelio Aura mess" is a crisis of the
// Aura. The overall tone stays the writer's tone (the scorer's, or the team's correction); each link gets a *role*
// read from linguistic cues (choice and switching, comparison, gloating; English and French), and its label is a
// pure function of that role and the tone. Storing the role, not only the label, is what lets a team correction of
// the tone flow to every target through the same rule, and keeps rollups exact (see linkLabel).
import type { SentimentLabel } from '../domain/mention.js';
import { termPattern } from '../domain/entity-matcher.js';

export type EntityKind = 'brand' | 'product' | 'person' | 'competitor';

/**
 * What a link is to the post's tone:
 * - direct: the post speaks of it; it gets the tone.
 * - favoured: the side the writer chose or prefers ("glad i went with X", "X > Y"): the negative words are about the
 *   other side, the choice itself is praise.
 * - bystander: named, but not the target: a competitor gloating over the brand's mess, or named beside the brand in a
 *   complaint about the brand. Never negative.
 * - disfavoured: the side compared unfavourably ("over Y", "plutôt que Y", "unlike Y"): never positive.
 * - implied: not named, but the side a competitor was chosen over (its parent brand): a link the stance adds.
 */
export type TargetRole = 'direct' | 'favoured' | 'bystander' | 'disfavoured' | 'implied';
export const TARGET_ROLES: readonly TargetRole[] = ['direct', 'favoured', 'bystander', 'disfavoured', 'implied'];

export interface StanceEntity {
  id: string;
  name: string;
  kind: EntityKind;
  parent?: string;
  terms: readonly string[];
}

export interface TargetLink {
  entityId: string;
  role: TargetRole;
  /** The link's label: linkLabel(role, tone). */
  label: SentimentLabel;
  /** The entity on the other side of the comparison, when there is one (for the explanation). */
  versus?: string;
}

export interface StanceInput {
  text: string;
  /** The post's language ('en', 'fr'; others get the English cues, which are mostly names and symbols then). */
  lang: string;
  /** The post's overall tone. */
  tone: SentimentLabel;
  /** The entities the post was linked to. */
  entityIds: readonly string[];
}

export interface TargetStance {
  /** One link per linked entity, in order, plus possibly one implied link to a competitor's brand. */
  targets(input: StanceInput): TargetLink[];
}

/** The label a link with this role gets when the post's tone is `tone`. */
export function linkLabel(role: TargetRole, tone: SentimentLabel): SentimentLabel {
  switch (role) {
    case 'direct':
      return tone;
    case 'favoured':
      return tone === 'negative' ? 'positive' : tone;
    case 'bystander':
      return tone === 'negative' ? 'neutral' : tone;
    case 'disfavoured':
    case 'implied':
      return tone === 'positive' ? 'negative' : tone;
  }
}

/**
 * The score a link adds to its entity's sentiment sum: the post's own score when the link keeps its tone, the same
 * strength with the link's sign otherwise. A function of stored values only, so an erasure or a correction subtracts
 * exactly what was added.
 */
export function linkScore(label: SentimentLabel, reading: { label: SentimentLabel; score: number }): number {
  if (label === reading.label) return reading.score;
  if (label === 'neutral') return 0;
  return (label === 'positive' ? 1 : -1) * Math.abs(reading.score);
}

/** One sentence saying why a link's label differs from the post's tone (names, not ids). */
export function describeStance(role: TargetRole, entity: string, versus: string | undefined): string {
  switch (role) {
    case 'direct':
      return `speaks of ${entity}`;
    case 'favoured':
      return versus ? `prefers ${entity} to ${versus}` : `prefers ${entity}`;
    case 'bystander':
      return versus ? `names ${entity}, but the negativity is about ${versus}` : `names ${entity}, but not as the target of the negativity`;
    case 'disfavoured':
    case 'implied':
      return versus ? `compares ${entity} unfavourably with ${versus}` : `compares ${entity} unfavourably`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Cues. The text is rewritten with each named entity replaced by a slot (a private-use character and its index among
// the linked entities), lower-cased, accents and curly apostrophes flattened, so that every cue is one regular
// expression over plain words and slots, whatever the entity's name.

const SLOT_OPEN = '\uE000';
const SLOT_CLOSE = '\uE001';
/** An optional determiner, then a slot; the capture is the linked entity's index. */
// Bounded repetitions everywhere: mention text is hostile, and "the the the …" must not cost quadratic time.
const EN_DET = String.raw`(?:(?:a|an|the|my|our|this|that|their|new)\s+){0,3}`;
const FR_DET = String.raw`(?:(?:le|la|les|un|une|mon|ma|mes|du|des|au|aux|ce|cet|cette|son|sa|nouveau|nouvel)\s+|l'|d'){0,3}`;
/** Up to two words (a generic noun: "the purifier Kelio Aura", "le purificateur Kelio Aura"). */
const FILLER = String.raw`(?:[^\s.!?\uE000]+\s+){0,2}?`;
const slot = (det: string, name: 'x' | 'y') => `${det}[#@]?${SLOT_OPEN}(?<${name}>\\d+)${SLOT_CLOSE}`;

type CueKind =
  /** Chose X, switched to X, X instead, X better than Y: X favoured, Y disfavoured. */
  | 'choice'
  /** A bare choice ("i went with X", "j'ai pris X"): a cue only beside a contrast or the brand side named. */
  | 'bare-choice'
  /** Y is the side rejected or compared against ("instead of Y", "plutôt que Y", "unlike Y"). */
  | 'contrast'
  /** X benefits from the other side's trouble ("X must be enjoying this mess", "X se frotte les mains"). */
  | 'gloat';

interface Cue {
  kind: CueKind;
  pattern: RegExp;
}

/** `{X}`, `{Y}` are slots; `{F}` filler words; `{P}` a pronoun standing for the one competitor named. */
function cue(kind: CueKind, det: string, source: string): Cue {
  const pronoun = String.raw`(?<pronoun>it|they|mine|this one|that one|ours|il|elle|ils|elles|lui|le mien|la mienne|le notre)`;
  const body = source
    .replaceAll('{X}', slot(det, 'x'))
    .replaceAll('{Y}', slot(det, 'y'))
    .replaceAll('{F}', FILLER)
    .replaceAll('{P}', pronoun);
  return { kind, pattern: new RegExp(body, 'u') };
}

const EN_NEGATED_VERB = String.raw`(?:does\s*n[o']?t|doesnt|do\s*n[o']?t|dont|did\s*n[o']?t|didnt|wo\s*n'?t|wont|will not|never|is\s*n[o']?t|isnt|are\s*n[o']?t|just works|still works|actually works|works)\b`;

const EN_CUES: Cue[] = [
  // Satisfaction with a choice: "glad i went with X", "so happy we picked X", "thank god i bought X".
  cue('choice', EN_DET, String.raw`\b(?:glad|happy|relieved|thankful|grateful|lucky|thank god|thank goodness|good thing|thankfully|luckily|fortunately)\b[^.!?\n]{0,30}?\b(?:went with|go with|going with|picked|chose|chosen|bought|got|went for|switched to|stuck with|stayed with|went)\s+{X}`),
  // Switching: "switched from Y to X", "moving to X", "ditched Y for X".
  cue('choice', EN_DET, String.raw`\b(?:switch(?:ed|ing)?|mov(?:e|ed|ing)|migrat(?:e|ed|ing)|jump(?:ed|ing)? ship|went back|going back|convert(?:ed|ing)?)\s+(?:over\s+)?from\s+{F}{Y}\s+{F}to\s+{X}`),
  cue('choice', EN_DET, String.raw`\b(?:switch(?:ed|ing)?|mov(?:e|ed|ing)|migrat(?:e|ed|ing)|jump(?:ed|ing)? ship|went back|going back|convert(?:ed|ing)?)\s+(?:over\s+)?to\s+{X}`),
  cue('choice', EN_DET, String.raw`\b(?:ditch(?:ed|ing)?|dump(?:ed|ing)?|trad(?:e|ed|ing)|replac(?:e|ed|ing)|swap(?:ped|ping)?)\s+{F}{Y}\s+{F}(?:for|with)\s+{X}`),
  // "getting a X instead", "X over Y", "X rather than Y".
  cue('choice', EN_DET, String.raw`{X}\s+{F}instead\b(?!\s+of)`),
  cue('choice', EN_DET, String.raw`{X}\s+{F}(?:over|rather than|instead of)\s+{Y}`),
  // Comparison: "X is way better than Y", "X > Y", "Y is worse than X".
  cue('choice', EN_DET, String.raw`{X}\s+(?:(?:is|are|was|'s|seems|feels|works)\s+)?(?:(?:so|much|way|far|a lot|miles)\s+){0,2}(?:better|safer|cheaper|quieter|nicer|superior|more reliable|more trustworthy)\s+than\s+{Y}`),
  cue('choice', EN_DET, String.raw`{Y}\s+(?:(?:is|are|was|'s)\s+)?(?:(?:so|much|way|far|a lot)\s+){0,2}(?:worse|less reliable|less safe)\s+than\s+{X}`),
  cue('choice', EN_DET, String.raw`{X}\s*(?:>+|beats|outperforms|outdoes|trumps|edges out|wins over)\s*{Y}`),
  cue('choice', EN_DET, String.raw`{Y}\s*<+\s*{X}`),
  // "at least X does not melt", "at least it works".
  cue('choice', EN_DET, String.raw`\bat least\s+(?:{X}|{P})(?:'s|\s)\s*${EN_NEGATED_VERB}`),
  // "unlike Y, X answers"; "unlike Y" alone marks Y.
  cue('choice', EN_DET, String.raw`\bunlike\s+{Y}\s*,?\s+{F}{X}`),
  cue('contrast', EN_DET, String.raw`\b(?:unlike|instead of|rather than)\s+{Y}`),
  cue('bare-choice', EN_DET, String.raw`\b(?:went with|go with|going with|picked|chose|got|bought|went for|ended up with)\s+{X}`),
  // Gloating: "X must be enjoying this mess", "X's marketing team must be loving this".
  cue('gloat', EN_DET, String.raw`{X}(?:'s\s+[^\s.!?]+(?:\s+team)?)?(?:'s|'re)?\s+(?:(?:must|should|will|would|gotta|has to|have to|is|are|probably|surely|definitely|be|so|totally|really)\s+){0,4}(?:loving|enjoying|laughing|celebrating|thrilled|delighted|rubbing|popping|cheering|smirking|gloating)\b`),
  cue('gloat', EN_DET, String.raw`\bgood (?:day|week|time|news) (?:to be|for)\s+{X}`),
];

const FR_CUES: Cue[] = [
  // "contente d'avoir pris X", "heureusement que j'ai choisi X", "ravi d'être passé chez X".
  cue('choice', FR_DET, String.raw`\b(?:content|contente|contents|contentes|heureux|heureuse|ravi|ravie|soulage|soulagee|heureusement|bien fait|bien vu)\b[^.!?\n]{0,30}?\b(?:pris|choisi|achete|opte pour|passee? chez|partie? chez|restee? chez)\s+{X}`),
  cue('choice', FR_DET, String.raw`\bd'avoir\s+(?:pris|choisi|achete|opte pour)\s+{X}`),
  // Switching: "je passe chez X", "passé du Y au X", "je change pour X".
  cue('choice', FR_DET, String.raw`\bpasse(?:e|s|es|r)?\s+{F}(?:du|de la|de l'|de|des)\s*{F}{Y}\s+{F}(?:au|a la|a l'|aux|a|chez|sur)\s*{X}`),
  cue('choice', FR_DET, String.raw`\b(?:je passe|on passe|je suis passee?|on est passes?|passer|je pars|je suis partie?|je migre|je change pour|je vais chez|je file chez|je bascule|basculer)\s+(?:chez|a|au|sur|vers|pour)?\s*{X}`),
  // "X à la place", "X plutôt que Y", "X au lieu du Y".
  cue('choice', FR_DET, String.raw`{X}\s+{F}a la place\b(?!\s+d)`),
  cue('choice', FR_DET, String.raw`{X}\s+{F}(?:plutot que|plutot qu'|au lieu d[eu']|au lieu de la|a la place d[eu'])\s*{Y}`),
  // Comparison: "X est bien mieux que Y", "Y est pire que X".
  cue('choice', FR_DET, String.raw`{X}\s+(?:(?:est|sont|etait|c'est)\s+)?(?:(?:bien|beaucoup|vraiment|largement|carrement|tellement)\s+){0,2}(?:mieux|meilleure?s?|plus fiables?|moins chere?s?|plus sure?s?|plus silencieux|superieure?s?)\s+(?:que|qu')\s*{Y}`),
  cue('choice', FR_DET, String.raw`{Y}\s+(?:(?:est|sont|etait)\s+)?(?:(?:bien|beaucoup|vraiment)\s+)?(?:pire|moins bien|moins fiable)\s+(?:que|qu')\s*{X}`),
  cue('choice', FR_DET, String.raw`{X}\s*(?:>+|bat|battent|devance|devancent|surpasse|surpassent|ecrase|ecrasent)\s*{F}{Y}`),
  cue('choice', FR_DET, String.raw`{Y}\s*<+\s*{X}`),
  // "au moins X ne fond pas", "au moins il fond pas", "au moins lui marche".
  cue('choice', FR_DET, String.raw`\bau moins\s+(?:chez\s+)?(?:{X}|{P})\s+(?:(?:ne\s+|n')?(?:[^\s.!?]+\s+){0,2}?(?:pas|jamais|plus)\b|(?:marche|fonctionne|tient))`),
  cue('choice', FR_DET, String.raw`\bcontrairement\s+(?:a|au|aux)\s+{Y}\s*,?\s+{F}{X}`),
  cue('contrast', FR_DET, String.raw`\b(?:contrairement\s+(?:a|au|aux)|plutot que|plutot qu'|au lieu d[eu']|au lieu de la)\s*{Y}`),
  cue('bare-choice', FR_DET, String.raw`\b(?:j'ai|on a|nous avons|j'avais|on avait)\s+(?:fini par\s+)?(?:pris|choisi|achete|opte pour)\s+{X}`),
  cue('bare-choice', FR_DET, String.raw`\bj'ai fini par prendre\s+{X}`),
  // Gloating: "X doit se frotter les mains", "X doit bien rigoler", "X jubile".
  cue('gloat', FR_DET, String.raw`{X}\s+(?:(?:doit|doivent|va|vont|devrait|devraient|est en train de|sont en train de|bien)\s+){0,4}(?:rigoler|rigole|se frott(?:er|e|ent) les mains|jubil(?:er|e|ent)|se marr(?:er|e|ent)|sabr(?:er|e|ent) le champagne|savour(?:er|e|ent)|boire du petit lait|bo(?:it|ivent) du petit lait|rican(?:er|e|ent)|se regal(?:er|e|ent))\b`),
];

/**
 * Words without which no cue of the language can match: most posts naming a competitor ("Veltra has a spring sale")
 * have none, and one test spares them every cue's expression.
 */
const EN_TRIGGERS = /glad|happy|relieved|thank|grateful|lucky|good thing|fortunate|luckily|switch|mov|migrat|jump|went|going|go with|convert|ditch|dump|trad|replac|swap|instead|over|rather|better|safer|cheaper|quieter|nicer|superior|more reliable|more trustworthy|worse|less|[<>]|beats|outperform|outdoes|trumps|edges out|wins over|at least|unlike|picked|chose|got|bought|ended up|loving|enjoying|laughing|celebrating|thrilled|delighted|rubbing|popping|cheering|smirking|gloating|good (?:day|week|time|news)/u;
const FR_TRIGGERS = /content|heureu|ravi|soulage|bien fait|bien vu|d'avoir|pass|je pars|partie?|migre|change pour|vais chez|file chez|bascul|a la place|plutot|au lieu|mieux|meilleur|fiable|moins cher|plus sur|silencieux|superieur|pire|moins bien|[<>]|bat|devance|surpasse|ecrase|au moins|contrairement|j'ai|on a|nous avons|j'avais|on avait|rigol|frott|jubil|marr|sabr|savour|petit lait|rican|regal/u;

/** Regret undoes a choice ("switched to X, big mistake"); its negations ("no regrets", "aucun regret") do not. */
const NO_REGRET = /\b(?:no regrets?|zero regrets?|not regretting|don'?t regret|never regret|aucun regrets?|sans regrets?|pas de regrets?|ne regrette pas|regrette pas)\b/gu;
const REGRET = /\b(?:regret|regrets|regretting|regretted|mistake|worst decision|should have stayed|shouldn'?t have|regrette|regretter|erreur|j'aurais du|aurais pas du|pire decision)\b/u;
/** Shared blame: a competitor named beside the brand in "both are awful" is a target too. */
const SHARED_BLAME = /\b(?:both|neither|nor|as bad as|just as bad|equally|same (?:issue|problem)|les deux|tous les deux|toutes les deux|non plus|pareil|idem|meme probleme|tout aussi|aussi nuls?|aussi mauvais)\b/u;

/** Lower case, accents and curly apostrophes flattened, spaces collapsed (slots untouched). */
function flatten(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\s+/g, ' ');
}

interface CompiledEntity extends StanceEntity {
  /** The topmost ancestor: the brand whose family the entity belongs to. */
  root: string;
  pattern: RegExp | null;
}

interface Found {
  kind: CueKind;
  x?: number;
  y?: number;
  pronoun: boolean;
  question: boolean;
}

export function createTargetStance(entities: readonly StanceEntity[]): TargetStance {
  const byId = new Map<string, CompiledEntity>();
  const parentOf = new Map(entities.map((e) => [e.id, e.parent]));
  const rootOf = (id: string): string => {
    const seen = new Set<string>();
    let at = id;
    while (!seen.has(at)) {
      seen.add(at);
      const parent = parentOf.get(at);
      if (parent === undefined || !parentOf.has(parent)) break;
      at = parent;
    }
    return at;
  };
  for (const e of entities) {
    const pattern = termPattern(e.terms);
    byId.set(e.id, { ...e, root: rootOf(e.id), pattern: pattern ? new RegExp(pattern.source, 'giu') : null });
  }

  return {
    targets(input) {
      const linked = input.entityIds.map((id) => byId.get(id));
      // Most posts name no competitor: they keep one tone for every link, without reading the text again.
      if (!linked.some((e) => e?.kind === 'competitor')) return input.entityIds.map((entityId) => direct(entityId, input.tone));
      return stancesOf(input, linked, byId);
    },
  };
}

/** A cue that says more about an entity wins over one that says less (a gloat, then a choice: the choice). */
const STRENGTH: Record<TargetRole, number> = { direct: 0, bystander: 1, favoured: 2, disfavoured: 2, implied: 2 };

const direct = (entityId: string, tone: SentimentLabel): TargetLink => ({ entityId, role: 'direct', label: tone });

function stancesOf(input: StanceInput, linked: (CompiledEntity | undefined)[], byId: ReadonlyMap<string, CompiledEntity>): TargetLink[] {
  const slotted = flatten(slotText(input.text, linked));
  const french = input.lang === 'fr';
  const found = (french ? FR_TRIGGERS : EN_TRIGGERS).test(slotted) ? findCues(slotted, french ? FR_CUES : EN_CUES, linked) : [];
  const roles = new Map<number, { role: TargetRole; versus?: number }>();
  const conflicted = new Set<number>();
  const assign = (i: number, role: TargetRole, versus?: number) => {
    if (conflicted.has(i)) return;
    const before = roles.get(i);
    // One entity on both sides (two cues that disagree): no stance for it, it keeps the post's tone.
    if (before && ((before.role === 'favoured' && role === 'disfavoured') || (before.role === 'disfavoured' && role === 'favoured'))) {
      conflicted.add(i);
      roles.set(i, { role: 'direct' });
    } else if (!before || STRENGTH[role] > STRENGTH[before.role]) roles.set(i, { role, ...(versus !== undefined && { versus }) });
  };
  const contrast = found.some((f) => f.kind !== 'bare-choice' && f.kind !== 'gloat');
  const competitorIndex = linked.findIndex((e) => e?.kind === 'competitor');
  const onlyCompetitor = linked.filter((e) => e?.kind === 'competitor').length === 1 ? competitorIndex : undefined;
  const names = (i: number, side: (e: CompiledEntity) => boolean) => linked.some((e, j) => j !== i && e !== undefined && side(e));
  for (const f of found) {
    const x = f.pronoun ? onlyCompetitor : f.x;
    if (f.kind === 'gloat') {
      if (x !== undefined) assign(x, 'bystander');
      continue;
    }
    if (f.kind === 'bare-choice') {
      // "i went with X" is a choice only beside a contrast or with the other side named; "i got an X and it broke" is not.
      const e = x === undefined ? undefined : linked[x];
      if (x === undefined || !e || !(contrast || names(x, (o) => o.root === e.parent))) continue;
    }
    if (x !== undefined) assign(x, f.question ? 'bystander' : 'favoured', f.y);
    if (f.y !== undefined && f.y !== x) assign(f.y, 'disfavoured', x);
  }
  // A competitor named beside its brand's side, with no cue about it: the complaint is the brand's, unless both are blamed.
  linked.forEach((e, i) => {
    if (e?.kind !== 'competitor' || roles.has(i) || SHARED_BLAME.test(slotted)) return;
    const brandSide = linked.findIndex((o) => o !== undefined && o.kind !== 'competitor' && o.root === e.parent);
    if (brandSide >= 0) roles.set(i, { role: 'bystander', versus: brandSide });
  });

  const links: TargetLink[] = input.entityIds.map((entityId, i) => {
    const r = roles.get(i) ?? { role: 'direct' as const };
    const versus = r.versus === undefined ? undefined : input.entityIds[r.versus];
    return { entityId, role: r.role, label: linkLabel(r.role, input.tone), ...(versus !== undefined && versus !== entityId && { versus }) };
  });
  const implied = impliedBrand(input, linked, links, byId);
  if (implied) {
    links.push(implied);
    const chosen = links.find((l) => l.entityId === implied.versus);
    if (chosen && chosen.versus === undefined) chosen.versus = implied.entityId;
  }
  return links;
}

/**
 * The brand a competitor was chosen over, when the post names only competitors, chooses one with a contrast that
 * leaves the other side unnamed, and its tone is negative (the negative words are aimed at the other side): "glad i
 * went with Veltra, at least it does not melt" is bad news for Kelio. Decided at scoring time; a later correction
 * of the tone re-labels the link but never adds or removes it (the rollups stay exact).
 */
function impliedBrand(input: StanceInput, linked: (CompiledEntity | undefined)[], links: TargetLink[], byId: ReadonlyMap<string, CompiledEntity>): TargetLink | undefined {
  if (input.tone !== 'negative') return undefined;
  if (linked.some((e) => e === undefined || e.kind !== 'competitor')) return undefined;
  if (links.some((l) => l.role === 'disfavoured')) return undefined;
  const chosen = links.filter((l) => l.role === 'favoured');
  if (chosen.length !== 1) return undefined;
  const brand = byId.get(byId.get(chosen[0].entityId)?.parent ?? '');
  if (!brand || brand.kind === 'competitor' || input.entityIds.includes(brand.id)) return undefined;
  return { entityId: brand.id, role: 'implied', label: linkLabel('implied', input.tone), versus: chosen[0].entityId };
}

/** The text with each linked entity's names replaced by its slot; where names overlap ("Kelio Aura"), the longest wins. */
function slotText(text: string, linked: (CompiledEntity | undefined)[]): string {
  const clean = text.replace(/[\uE000\uE001]/g, ' ');
  const spans: { start: number; end: number; index: number }[] = [];
  linked.forEach((e, index) => {
    if (!e?.pattern) return;
    e.pattern.lastIndex = 0;
    for (const m of clean.matchAll(e.pattern)) spans.push({ start: m.index, end: m.index + m[0].length, index });
  });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    out += `${clean.slice(at, s.start)}${SLOT_OPEN}${s.index}${SLOT_CLOSE}`;
    at = s.end;
  }
  return out + clean.slice(at);
}

function findCues(slotted: string, cues: readonly Cue[], linked: readonly (CompiledEntity | undefined)[]): Found[] {
  const regretted = REGRET.test(slotted.replace(NO_REGRET, ' '));
  const found: Found[] = [];
  const index = (s: string | undefined) => (s === undefined || linked[Number(s)] === undefined ? undefined : Number(s));
  for (const c of cues) {
    if (regretted && c.kind !== 'gloat') continue;
    const m = c.pattern.exec(slotted);
    if (!m) continue;
    const end = m.index + m[0].length;
    const stop = slotted.slice(end).search(/[.!?\n]/);
    found.push({ kind: c.kind, x: index(m.groups?.x), y: index(m.groups?.y), pronoun: m.groups?.pronoun !== undefined, question: stop >= 0 && slotted[end + stop] === '?' });
  }
  return found;
}
