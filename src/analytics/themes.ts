// Themes instead of top topics: the keyphrases of a period's mentions (English and French), without the watched names
// and stop-phrases, grouped when they are said in the same posts, each with its volume and tone, and compared with the
// previous period ("what changed").
import { phrasesOf } from '../scoring/topics.js';
import { stopwordsFor } from '../scoring/stopwords.js';

export interface ThemeText {
  text: string;
  sentiment: 'negative' | 'neutral' | 'positive' | string;
}

export interface Theme {
  /** The theme's most frequent phrase: also what a click searches the mentions for. */
  label: string;
  /** Up to 4 phrases said in the same posts, most frequent first (the label first). */
  phrases: string[];
  /** Posts that say one of its phrases. */
  volume: number;
  negative: number;
  positive: number;
  /** (positive - negative) / (positive + negative); null without toned posts. */
  netSentiment: number | null;
  /** Posts of the previous period that say one of its phrases; change = volume - previousVolume. */
  previousVolume: number;
}

/**
 * Words that name nothing a PR team acts on, in both languages: they survive stopword lists ("new kelio", "for the
 * kelio" once the name is gone) and would otherwise make themes of their own.
 */
const STOP_PHRASE_WORDS = new Set([
  'new', 'just', 'really', 'got', 'get', 'one', 'like', 'today', 'people', 'thing', 'things', 'still', 'even', 'much', 'would',
  'could', 'know', 'think', 'good', 'bad', 'great', 'time', 'day', 'week', 'year', 'make', 'made', 'going', 'want', 'need', 'see',
  'nouveau', 'nouvelle', 'vraiment', 'juste', 'encore', 'faire', 'fait', 'tout', 'tous', 'très', 'bien', 'bon', 'bonne', 'jour',
  'semaine', 'an', 'année', 'gens', 'truc', 'chose', 'choses', 'aujourd', 'hui', 'comme', 'quand', 'trop', 'peu', 'déjà',
]);

export interface ThemeOptions {
  /** Entity names, search terms and handles: never a theme (everyone names the brand). */
  watchedNames: readonly string[];
  /** @defaultValue 8 */
  top?: number;
  /** Phrases said in fewer posts than this are noise. @defaultValue 2 */
  minPosts?: number;
}

/** Two phrases belong to one theme when most posts of the rarer one also say the other. */
const SAME_THEME_OVERLAP = 0.6;
const MAX_PHRASES = 4;

const wordsOf = (names: readonly string[]) =>
  new Set(names.flatMap((n) => n.toLowerCase().replace(/^[@#]/, '').split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 1));

/** The phrases of each text that could name a theme: no watched name, no stop-phrase word, 1 to 3 words. */
export function themePhrases(text: string, watched: ReadonlySet<string>): Set<string> {
  const stopwords = stopwordsFor(undefined);
  const out = new Set<string>();
  for (const phrase of phrasesOf(text, stopwords)) {
    const words = phrase.split(' ');
    if (words.some((w) => watched.has(w) || watched.has(w.replace(/^[@#]/, '')))) continue;
    if (words.some((w) => STOP_PHRASE_WORDS.has(w))) continue;
    if (words.length === 1 && words[0].length < 4) continue;
    out.add(phrase);
  }
  return out;
}

export function findThemes(current: readonly ThemeText[], previous: readonly ThemeText[], opts: ThemeOptions): Theme[] {
  const watched = wordsOf(opts.watchedNames);
  const minPosts = opts.minPosts ?? 2;
  const postsOf = new Map<string, Set<number>>();
  current.forEach((m, i) => {
    for (const phrase of themePhrases(m.text, watched)) {
      let set = postsOf.get(phrase);
      if (!set) postsOf.set(phrase, (set = new Set()));
      set.add(i);
    }
  });
  // Frequent first; a longer phrase first among equals ("remboursement refusé" over "refusé").
  const candidates = [...postsOf].filter(([, posts]) => posts.size >= minPosts)
    .sort((a, b) => b[1].size - a[1].size || b[0].split(' ').length - a[0].split(' ').length || (a[0] < b[0] ? -1 : 1));

  const groups: { phrases: string[]; posts: Set<number> }[] = [];
  for (const [phrase, posts] of candidates) {
    const home = groups.find((g) => {
      let shared = 0;
      for (const p of posts) if (g.posts.has(p)) shared++;
      return shared / Math.min(posts.size, g.posts.size) >= SAME_THEME_OVERLAP;
    });
    if (home) {
      if (home.phrases.length < MAX_PHRASES && !home.phrases.some((p) => ` ${p} `.includes(` ${phrase} `) || ` ${phrase} `.includes(` ${p} `))) home.phrases.push(phrase);
      for (const p of posts) home.posts.add(p);
    } else groups.push({ phrases: [phrase], posts: new Set(posts) });
  }

  const previousVolume = (phrases: string[]) =>
    previous.filter((m) => {
      const said = themePhrases(m.text, watched);
      return phrases.some((p) => said.has(p));
    }).length;

  return groups
    .sort((a, b) => b.posts.size - a.posts.size)
    .slice(0, opts.top ?? 8)
    .map((g) => {
      let negative = 0;
      let positive = 0;
      for (const i of g.posts) {
        if (current[i].sentiment === 'negative') negative++;
        else if (current[i].sentiment === 'positive') positive++;
      }
      return {
        label: g.phrases[0],
        phrases: g.phrases,
        volume: g.posts.size,
        negative,
        positive,
        netSentiment: negative + positive > 0 ? (positive - negative) / (positive + negative) : null,
        previousVolume: previousVolume(g.phrases),
      };
    });
}

/** What changed: the themes that grew or shrank most against the previous period (new ones first among equals). */
export function themeChanges(themes: readonly Theme[], top = 5): Theme[] {
  return [...themes]
    .filter((t) => t.volume !== t.previousVolume)
    .sort((a, b) => Math.abs(b.volume - b.previousVolume) - Math.abs(a.volume - a.previousVolume) || a.previousVolume - b.previousVolume)
    .slice(0, top);
}
