// How one author writes: casing, slang, typos, shouting. Applied after a post is composed so each author stays recognisable.
import type { Lang } from './bank.js';
import type { Rng } from './random.js';

export interface WritingStyle {
  casing: 'proper' | 'lower' | 'loose';
  /** Expected typos per ten words. */
  typoRate: number;
  /** Chance that an available slang shortening is used. */
  slangRate: number;
  emojiRate: number;
  hashtagRate: number;
  /** Drops French accents (phone keyboards without autocorrect). */
  dropsAccents: boolean;
  /** Writes in capitals when angry. */
  shouts: boolean;
}

export function drawWritingStyle(rng: Rng): WritingStyle {
  const casing = rng.weighted({ proper: 45, lower: 30, loose: 25 });
  const careless = casing !== 'proper' && rng.chance(0.5);
  return {
    casing,
    typoRate: careless ? rng.between(0.3, 1.2) : rng.between(0, 0.25),
    slangRate: careless ? rng.between(0.4, 0.9) : rng.between(0, 0.2),
    emojiRate: rng.chance(0.35) ? rng.between(0.5, 0.9) : rng.between(0, 0.25),
    hashtagRate: rng.chance(0.25) ? rng.between(0.4, 0.8) : rng.between(0, 0.2),
    dropsAccents: careless && rng.chance(0.6),
    shouts: rng.chance(0.15),
  };
}

/** A house style: brands and newsrooms proofread. */
export const CAREFUL_STYLE: WritingStyle = {
  casing: 'proper',
  typoRate: 0,
  slangRate: 0,
  emojiRate: 0.3,
  hashtagRate: 0.5,
  dropsAccents: false,
  shouts: false,
};

const SLANG: Readonly<Record<Lang, readonly [RegExp, string][]>> = {
  en: [
    [/\byou\b/g, 'u'],
    [/\byour\b/g, 'ur'],
    [/\bdon't\b/g, 'dont'],
    [/\bi'm\b/gi, 'im'],
    [/\breally\b/g, 'rly'],
    [/\bbecause\b/g, 'bc'],
    [/\bpeople\b/g, 'ppl'],
    [/\bthough\b/g, 'tho'],
    [/\bplease\b/g, 'pls'],
    [/\bgoing to\b/g, 'gonna'],
    [/\bto be honest\b/g, 'tbh'],
    [/\bwith\b/g, 'w/'],
  ],
  fr: [
    [/\bc'est\b/g, "c"],
    [/\bquoi\b/g, 'koi'],
    [/\bje suis\b/g, 'jsuis'],
    [/\bpourquoi\b/g, 'pk'],
    [/\bvraiment\b/g, 'vrmt'],
    [/\bbeaucoup\b/g, 'bcp'],
    [/\baujourd'hui\b/g, 'ajd'],
    [/\bje sais pas\b/g, 'jsp'],
    [/\bquand même\b/g, 'qd même'],
    [/\bil y a\b/g, "y'a"],
    [/\bs'il vous plaît\b/g, 'svp'],
    [/\bne\b /g, ''],
    [/\bn'/g, ''],
  ],
};

// Words a typo must never touch: the names term matching relies on, handles, hashtags, links, numbers.
const PROTECTED = /kelio|veltra|homely|aura|margaux|delorme|^[@#]|http|\.example|\d/i;

export function applyWritingStyle(text: string, lang: Lang, style: WritingStyle, angry: boolean, rng: Rng): string {
  let out = text;
  for (const [pattern, short] of SLANG[lang]) {
    if (pattern.test(out) && rng.chance(style.slangRate)) out = out.replace(pattern, short);
    pattern.lastIndex = 0;
  }
  if (style.dropsAccents) out = stripAccents(out);
  out = applyTypos(out, style.typoRate, rng);
  out = applyCasing(out, style.casing, rng);
  if (angry && style.shouts) out = shout(out, rng);
  return out;
}

function stripAccents(text: string): string {
  // Keeps emoji and ligatures intact: only combining accents are dropped.
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

function applyTypos(text: string, perTenWords: number, rng: Rng): string {
  const words = text.split(' ');
  const count = rng.poisson((perTenWords * words.length) / 10);
  for (let i = 0; i < count; i += 1) {
    const at = rng.int(0, words.length - 1);
    const word = words[at];
    if (word.length < 4 || PROTECTED.test(word) || !/^[\p{L}']+[.,!?]?$/u.test(word)) continue;
    words[at] = typo(word, rng);
  }
  return words.join(' ');
}

function typo(word: string, rng: Rng): string {
  const letters = [...word];
  const at = rng.int(1, letters.length - 2);
  switch (rng.weighted({ swap: 4, drop: 3, double: 2, neighbour: 2 })) {
    case 'swap':
      [letters[at], letters[at + 1]] = [letters[at + 1], letters[at]];
      break;
    case 'drop':
      letters.splice(at, 1);
      break;
    case 'double':
      letters.splice(at, 0, letters[at]);
      break;
    case 'neighbour':
      letters[at] = KEY_NEIGHBOURS[letters[at].toLowerCase()] ?? letters[at];
      break;
  }
  return letters.join('');
}

// One plausible slip per key, enough for fat-finger typos.
const KEY_NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 's', e: 'r', i: 'o', o: 'p', u: 'y', r: 't', t: 'y', n: 'b', m: 'n', s: 'd', l: 'k', c: 'v', d: 'f', p: 'o', h: 'j', g: 'h',
};

function applyCasing(text: string, casing: WritingStyle['casing'], rng: Rng): string {
  if (casing === 'lower') {
    return text
      .split(' ')
      .map((word) => (/^[@#]|http/.test(word) ? word : word.toLowerCase()))
      .join(' ');
  }
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  if (casing === 'loose') return rng.chance(0.5) ? capitalised : text;
  return capitalised.replace(/([.!?]\s+)(\p{Ll})/gu, (_, gap: string, letter: string) => gap + letter.toUpperCase());
}

function shout(text: string, rng: Rng): string {
  if (rng.chance(0.4)) return text.toUpperCase().replace(/([!?.])?$/, (end) => (end === '.' || !end ? '!!!' : end.repeat(3)));
  return text.replace(/\b(never|jamais|honte|shame|disgrace|scandal\w*|refund|remboursement|dangerous|dangereux|recall|rappel)\b/gi, (w) => w.toUpperCase());
}
