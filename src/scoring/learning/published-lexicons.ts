// Valences from published lexicons that the rules do not read, for the trained model only: a second opinion on each
// word that a few thousand labels cannot learn on their own (most words occur in a handful of posts at most).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { patternPolaritiesFr } from '../lexicon.js';
import { foldKey } from '../text-normaliser.js';

const require = createRequire(import.meta.url);

/**
 * VADER's lexicon (Hutto & Gilbert 2014, MIT, as shipped by `vader-sentiment`, Apache-2.0): 7,500 entries rated by ten
 * people each, social-media slang and acronyms included ("lmao", "meh", "wtf"), mean rating -4..4 scaled to -1..1.
 */
function loadVader(): Map<string, number> {
  const list = new Map<string, number>();
  for (const line of readFileSync(require.resolve('vader-sentiment/vader_lexicon.txt'), 'utf8').split('\n')) {
    const [entry, mean] = line.split('\t');
    const valence = Number(mean) / 4;
    if (entry && valence !== 0 && Number.isFinite(valence)) list.set(foldKey(entry.toLowerCase()), valence);
  }
  return list;
}

/**
 * natural's French "pattern" adjectives (CLiPS Pattern, BSD), every polarity -1..1: the rules keep only the strong
 * ones (lexicon.ts), as weak ones mostly describe; a model weighs them by what the team's labels say.
 */
function loadPatternFr(): Map<string, number> {
  const list = new Map<string, number>();
  for (const [form, polarity] of patternPolaritiesFr()) if (polarity !== 0) list.set(foldKey(form.toLowerCase()), polarity);
  return list;
}

let english: Map<string, number> | undefined;
let french: Map<string, number> | undefined;

/** A word's valence (-1..1) by the published lexicon of its language, 0 when it has none. Keys are lookup keys (tokenizer.ts). */
export function publishedValence(key: string, lang: string): number {
  const list = lang === 'fr' ? (french ??= loadPatternFr()) : (english ??= loadVader());
  return list.get(key) ?? 0;
}
