// Rules that read an opinion word's context: negation before it, wishes, questions, intensifiers.
import { LOSS_SCOPE, NEGATION_SCOPE, type LanguageModifiers } from './modifiers.js';
import { keysAt } from './key-sequences.js';
import type { Token } from './tokenizer.js';

// "Aren't you sick of it?", "Isn't it great?": a negated auxiliary before a pronoun in a question asks for
// agreement, it does not negate.
const PRONOUNS = new Set(['you', 'it', 'they', 'we', 'he', 'she', 'that', 'this', 'i', 'there']);
// VADER's rules: "never so good", "never been this happy" praise (the negator intensifies); "least" negates ("the
// least helpful agent") except in "at least" and "very least".
const NEVER_INTENSIFIED_BY = new Set(['so', 'this', 'such']);
const NOT_NEGATING_LEAST = new Set(['at', 'very']);
// Subjects that start a clause after an answering "no".
const SUBJECT_PRONOUNS = new Set(['i', "i'm", 'im', 'you', "you're", 'we', "we're", 'he', 'she', 'they', "they're", 'it', "it's", 'this', 'that']);

/** Does the word at k negate the opinion word at `start`? */
function negates(tokens: Token[], k: number, start: number, modifiers: LanguageModifiers): boolean {
  const key = tokens[k].key;
  // "not only good", "not just friendly", "non seulement efficace": the negation bears on "only", not on the opinion.
  if (modifiers.focusParticles.has(tokens[k + 1]?.key ?? '')) return false;
  if (key === 'least') return !NOT_NEGATING_LEAST.has(tokens[k - 1]?.key ?? '');
  // "No I love that series", "nah it's fine": "no" before a subject is an answer, not the negation of what follows.
  if ((key === 'no' || key === 'nope' || key === 'nah') && SUBJECT_PRONOUNS.has(tokens[k + 1]?.key ?? '')) return false;
  if (key === 'never') {
    for (let j = k + 1; j < start; j++) if (NEVER_INTENSIFIED_BY.has(tokens[j].key)) return false;
  }
  return modifiers.negatorsBefore.has(key) || key.endsWith("n't");
}

const DEGREE_MODALS = new Set(["couldn't", 'couldnt', "can't", 'cant', 'cannot', "wouldn't", 'wouldnt']);
const DEGREE_VERBS = new Set(['be', 'get', 'been', 'feel', 'look', 'sound']);
const DEGREE_WORDS = new Set(['more', 'any', 'much']);

/**
 * Is the opinion at `start` at the top of the scale under a negation that confirms it instead of flipping it? A degree
 * ("couldn't be happier") or a verb of opinion that cannot be said enough ("can't recommend them enough").
 */
export function topOfScale(tokens: Token[], start: number): boolean {
  return negatedDegree(tokens, start) || cannotSayEnough(tokens, start);
}

/**
 * "couldn't be happier", "could not be more pleased", "can't get any better": a negated modal before a degree (a
 * comparative, or "more" / "any" before the opinion word) says the top of the scale is reached.
 */
function negatedDegree(tokens: Token[], start: number): boolean {
  if (start === 0) return false;
  // Set lookups first: this runs on every word, and nearly every word has neither a degree word nor a verb before it.
  const before = tokens[start - 1].key;
  let k: number;
  if (DEGREE_WORDS.has(before)) k = start - 2;
  else if (DEGREE_VERBS.has(before) && /(?:er|worse)$/.test(tokens[start].key)) k = start - 1;
  else return false;
  if (!DEGREE_VERBS.has(tokens[k]?.key ?? '')) return false;
  k--;
  if (tokens[k]?.key === 'have') k--;
  const key = tokens[k]?.key ?? '';
  if (DEGREE_MODALS.has(key)) return true;
  return key === 'not' && ['could', 'can', 'would'].includes(tokens[k - 1]?.key ?? '');
}

/**
 * "can't recommend them enough", "couldn't thank you enough": a verb of opinion under a negated modal of ability and
 * followed by "enough" says it cannot be said too much ("not good enough" has no such modal and stays negated).
 */
function cannotSayEnough(tokens: Token[], start: number): boolean {
  let enough = false;
  for (let k = start + 1; k < tokens.length && k < start + 4 && tokens[k].kind !== 'punct'; k++) if (tokens[k].key === 'enough') enough = true;
  if (!enough) return false;
  for (let k = start - 1; k >= 0 && k >= start - 2 && tokens[k].kind !== 'punct'; k--) if (DEGREE_MODALS.has(tokens[k].key)) return true;
  return false;
}

/**
 * Is the opinion at `start` negated by a word before it (within the scope, same clause)? Negators at the `held` indices
 * belong to a set phrase and negate nothing.
 */
export function negatedBefore(tokens: Token[], start: number, modifiers: LanguageModifiers, inQuestion: boolean, held?: ReadonlySet<number>): boolean {
  const byPair = negatedByPair(tokens, start, modifiers);
  if (byPair !== undefined) return byPair;
  let restricted = false;
  for (let k = start - 1; k >= 0 && k >= start - NEGATION_SCOPE; k--) {
    const token = tokens[k];
    if (held?.has(k)) continue;
    if (token.kind === 'punct' || modifiers.contrast.has(token.key)) return false;
    // "ne … que" is "only", not a negation: "je ne peux que recommander", "ce n'est qu'une arnaque".
    if (modifiers.restrictors.has(token.key)) restricted = true;
    if (restricted && token.key === 'ne') return false;
    if (negates(tokens, k, start, modifiers)) {
      const rhetorical = inQuestion && token.key.endsWith("n't") && PRONOUNS.has(tokens[k + 1]?.key ?? '');
      return !rhetorical;
    }
  }
  return false;
}

/** Is [first, second] one of the pairs? A plain loop: this runs for every opinion word. */
function holdsPair(pairs: readonly (readonly [string, string])[], first: string, second: string): boolean {
  for (const pair of pairs) if (pair[0] === first && pair[1] === second) return true;
  return false;
}

/**
 * "far from perfect", "anything but helpful", "loin d'être parfait": a two-word negator right before the opinion or its
 * copula negates it, unless a negator of its own comes first ("not far from perfect", "pas loin d'être parfait" are
 * nearly praise: not negated). Undefined when there is no such pair.
 */
function negatedByPair(tokens: Token[], start: number, modifiers: LanguageModifiers): boolean | undefined {
  let k = start - 1;
  if (modifiers.copulas.has(tokens[k]?.key ?? '')) k--;
  if (k < 1) return undefined;
  const second = tokens[k].key;
  const first = tokens[k - 1].key;
  if (!holdsPair(modifiers.negatingPairs, first, second)) return undefined;
  return k < 2 || !negates(tokens, k - 2, start, modifiers);
}

/**
 * Is the opinion at `start` what would have been, and was not: a modal in the past right before it, or before one or
 * two intensifiers before it ("would have been nice to know", "could've been so much better", "ça aurait été bien")?
 */
export function counterfactualBefore(tokens: Token[], start: number, modifiers: LanguageModifiers): boolean {
  let end = start;
  while (end > start - 2 && modifiers.intensifiers.has(tokens[end - 1]?.key ?? '')) end--;
  return modifiers.counterfactuals.some((words) => words.every((word, k) => tokens[end - words.length + k]?.key === word));
}

/** Is the opinion under a wish or a conditional ("would love", "j'aimerais bien")? */
export function hypothetical(tokens: Token[], start: number, modifiers: LanguageModifiers): boolean {
  return inClauseBefore(tokens, start, NEGATION_SCOPE, modifiers, isIrrealis);
}

/** What a clause scan looks for at token k. Module-level functions, not closures: the scans run for every opinion word. */
type TokenTest = (tokens: Token[], k: number, modifiers: LanguageModifiers) => boolean;
const isIrrealis: TokenTest = (tokens, k, modifiers) => modifiers.irrealis.has(tokens[k].key);
const isDesireVerb: TokenTest = (tokens, k, modifiers) => modifiers.desireVerbs.has(tokens[k].key);
const endsFormerly: TokenTest = (tokens, k, modifiers) => k > 0 && holdsPair(modifiers.formerly, tokens[k - 1].key, tokens[k].key);
const isResolver: TokenTest = (tokens, k, modifiers) => modifiers.resolvers.has(tokens[k].key);

/**
 * The nearest of the `reach` tokens before `start`, in the same clause (no mark or contrast word between), for which
 * `test` holds; -1 when none does.
 */
function nearestInClauseBefore(tokens: Token[], start: number, reach: number, modifiers: LanguageModifiers, test: TokenTest): number {
  for (let k = start - 1; k >= 0 && k >= start - reach; k--) {
    const token = tokens[k];
    if (token.kind === 'punct' || modifiers.contrast.has(token.key)) return -1;
    if (test(tokens, k, modifiers)) return k;
  }
  return -1;
}

/** Does `test` hold for one of the `reach` tokens before `start`, in the same clause? */
function inClauseBefore(tokens: Token[], start: number, reach: number, modifiers: LanguageModifiers, test: TokenTest): boolean {
  return nearestInClauseBefore(tokens, start, reach, modifiers, test) >= 0;
}

/** For each token, whether its sentence ends with a question mark ("?!" and "??" count). */
export function questionSentences(tokens: Token[]): boolean[] {
  return sentencesEndingWith(tokens, '?');
}

/** For each token, whether its sentence ends with an exclamation mark ("!!", "?!" count). */
export function exclaimedSentences(tokens: Token[]): boolean[] {
  return sentencesEndingWith(tokens, '!');
}

function sentencesEndingWith(tokens: Token[], mark: string): boolean[] {
  const inQuestion = new Array<boolean>(tokens.length).fill(false);
  let sentenceStart = 0;
  let i = 0;
  while (i < tokens.length) {
    if (!isSentenceEnd(tokens[i])) {
      i++;
      continue;
    }
    let question = false;
    const marksStart = i;
    while (i < tokens.length && isSentenceEnd(tokens[i])) {
      if (tokens[i].text === mark) question = true;
      i++;
    }
    if (question) inQuestion.fill(true, sentenceStart, marksStart);
    sentenceStart = i;
  }
  return inQuestion;
}

/** A mark that ends a sentence: . ! ? or … */
export function isSentenceEnd(token: Token): boolean {
  return token.kind === 'punct' && (token.text === '.' || token.text === '!' || token.text === '?' || token.text === '…');
}

/** Summed intensity of the intensifiers and diminishers just before the opinion word (nearest counts most). */
export function modifierBoost(tokens: Token[], start: number, modifiers: LanguageModifiers): number {
  let boost = 0;
  for (let distance = 1; distance <= 2 && start - distance >= 0; distance++) {
    const token = tokens[start - distance];
    if (token.kind !== 'word') break;
    const weight = distance === 1 ? 1 : 0.6;
    boost += (modifiers.intensifiers.get(token.key) ?? modifiers.diminishers.get(token.key) ?? 0) * weight;
  }
  return boost;
}

/**
 * Is the opinion word at `start` strengthened by an intensifier within modifierBoost's reach, none of them saying excess
 * ("too hot", "trop chaud": a mild word after those is a complaint about degree, not praise)?
 */
export function intensifiedBefore(tokens: Token[], start: number, modifiers: LanguageModifiers): boolean {
  let intensified = false;
  for (let distance = 1; distance <= 2 && start - distance >= 0; distance++) {
    const token = tokens[start - distance];
    if (token.kind !== 'word') break;
    if (modifiers.excess.has(token.key)) return false;
    intensified ||= modifiers.intensifiers.has(token.key);
  }
  return intensified;
}

/** Amount words read back from a unit at most: "been more than a couple of hours". */
const MAX_AMOUNT_WORDS = 6;
const NUMBER = /^\d+(?:[.,]\d+)?$/;
/** A number glued to its unit: "3h", "24hrs", "45min". */
const NUMBER_WITH_UNIT = /^\d+([a-z]+)$/;

/**
 * Where the report of a wait that ends with the unit at `unit` starts: an elapsed-time marker, an amount, the unit ("it's
 * been three weeks", "been over an hour", "ça fait 2 heures", "voilà bientôt un mois"). -1 when the word is no such unit.
 */
export function waitStart(tokens: Token[], unit: number, modifiers: LanguageModifiers): number {
  const key = tokens[unit].key;
  // Most words start with a letter: no pattern to run on them.
  const first = key.charCodeAt(0);
  const glued = first >= 48 && first <= 57 ? NUMBER_WITH_UNIT.exec(key) : null;
  if (glued ? !modifiers.waitUnits.has(glued[1]) : !modifiers.waitUnits.has(key)) return -1;
  // "had this been 4 months ago": a point in the past, not a wait.
  if (tokens[unit + 1]?.key === 'ago') return -1;
  let amount = glued !== null;
  let k = unit - 1;
  for (; k >= 0 && unit - k <= MAX_AMOUNT_WORDS; k--) {
    const word = tokens[k].key;
    if (tokens[k].kind !== 'word' || !(NUMBER.test(word) || modifiers.amountWords.has(word))) break;
    amount = true;
  }
  if (!amount) return -1;
  for (const marker of modifiers.elapsedMarkers) {
    const start = k - marker.length + 1;
    if (keysAt(tokens, start, marker)) return start;
  }
  return -1;
}

/**
 * Where the action is when a marker that says it keeps happening starts at `start` ("keeps logging me out", "I keep
 * getting", "n'arrête pas de redémarrer"): the index of the action's word, or -1.
 */
export function repeatedActionAt(tokens: Token[], start: number, modifiers: LanguageModifiers): number {
  const markers = modifiers.repeatedActionMarkers.get(tokens[start].key);
  if (markers === undefined) return -1;
  for (const marker of markers) {
    const action = start + marker.length;
    if (action < tokens.length && keysAt(tokens, start, marker) && tokens[action].kind === 'word' && modifiers.repeatedAction.test(tokens[action].key)) return action;
  }
  return -1;
}

/** Does the word at `i` start the post or a sentence? */
const opensSentence = (tokens: Token[], i: number): boolean => i === 0 || isSentenceEnd(tokens[i - 1]);

/**
 * Is the word at `i` a praise interjection said in sarcasm: it opens a sentence before a comma, and the rest of that
 * sentence says something happened again ("Great, another delay", "Perfect, my bag is lost again", "Génial, encore une
 * panne")? Whether a complaint follows is for the scorer to say.
 */
export function sarcasticOpener(tokens: Token[], i: number, modifiers: LanguageModifiers): boolean {
  if (!opensSentence(tokens, i) || tokens[i + 1]?.text !== ',') return false;
  for (let k = i + 2; k < tokens.length && !isSentenceEnd(tokens[k]); k++) if (modifiers.repetitionMarkers.has(tokens[k].key)) return true;
  return false;
}

/**
 * Is the word at `i` a discourse marker or a salutation opening a sentence ("Bon, on verra", "bon je vais…", "Dear
 * @united, …"), no opinion? It must start the post or a sentence and come before a comma or what it introduces: a new
 * clause after a marker, a name or an addressee after a salutation. Before a noun a marker is praise ("Bon produit").
 */
export function opensDiscourse(tokens: Token[], i: number, modifiers: LanguageModifiers): boolean {
  const key = tokens[i].key;
  const marker = modifiers.discourseOpeners.has(key);
  if ((!marker && !modifiers.salutations.has(key)) || !opensSentence(tokens, i)) return false;
  const next = tokens[i + 1];
  if (next === undefined) return false;
  if (next.text === ',') return true;
  if (next.kind !== 'word') return false;
  if (modifiers.clauseOpeners.has(next.key)) return true;
  return !marker && (modifiers.addressees.has(next.key) || next.text[0] !== next.text[0].toLowerCase());
}

/**
 * Does the phrase at `start` (of `span` words) stand as an interjection: opening a sentence, then the end, a mark, a
 * hashtag ("C'mon #Nebrasketball": a tag, not the rest of a clause) or a word that keeps it one ("come on now")?
 */
export function standsAsInterjection(tokens: Token[], start: number, span: number, modifiers: LanguageModifiers): boolean {
  if (!opensSentence(tokens, start)) return false;
  const next = tokens[start + span];
  return next === undefined || next.kind !== 'word' || next.fromHashtag || modifiers.interjectionTails.has(next.key);
}

/**
 * Is the praise at `start` a habit of the past: "used to" before it in the same clause, within the negation's reach
 * and two words more ("used to love you", "I used to really like", "used to be a loyal customer")? It is over: a loss.
 */
export function formerlyBefore(tokens: Token[], start: number, modifiers: LanguageModifiers): boolean {
  return modifiers.formerly.length > 0 && inClauseBefore(tokens, start, NEGATION_SCOPE + 1, modifiers, endsFormerly);
}

/**
 * Is the word at `i` a degree of a want or a lack said before it in the same clause ("I wanted to see them so bad",
 * "we miss you terribly", "tu me manques terriblement")? Then it says how much, not that anything is bad.
 */
export function desireDegree(tokens: Token[], i: number, modifiers: LanguageModifiers): boolean {
  return modifiers.desireDegrees.has(tokens[i].key) && inClauseBefore(tokens, i, DESIRE_REACH, modifiers, isDesireVerb);
}

/** How many words back the verb of a want may stand from its degree ("wanted to see them tonight so bad"). */
const DESIRE_REACH = 6;

/** How far back the verb that solved a problem may stand: "fixed my pairing issue", "réglé mon gros souci". */
const RESOLVED_REACH = 3;

/**
 * Is the word at `start` a problem someone solved: a resolving verb before it in its clause ("fixed my issue", "a
 * résolu mon problème"), not negated ("never fixed the problem", "n'a pas réglé mon souci")?
 */
export function resolvedBefore(tokens: Token[], start: number, modifiers: LanguageModifiers): boolean {
  if (!modifiers.problemWords.has(tokens[start].key)) return false;
  const verb = nearestInClauseBefore(tokens, start, RESOLVED_REACH, modifiers, isResolver);
  return verb >= 0 && !negatedBefore(tokens, verb, modifiers, false);
}

/** Does a loss marker follow the opinion that ends before `after`, in the same clause ("la confiance est partie")? */
export function lostAfter(tokens: Token[], after: number, modifiers: LanguageModifiers): boolean {
  for (let k = after; k < tokens.length && k < after + LOSS_SCOPE; k++) {
    const token = tokens[k];
    if (token.kind === 'punct' || modifiers.contrast.has(token.key)) return false;
    if (modifiers.lossMarkers.has(token.key)) return true;
  }
  return false;
}
