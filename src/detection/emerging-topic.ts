// Detector: a phrase absent from the background texts that suddenly fills the recent negative mentions.
import { binomialSurprise, countSurprise } from './count-surprise.js';
import type { DetectionParams } from './detection-params.js';
import { reasonsIn } from './alert-reasons.js';
import { evidenceIds, rankNotable, round2 } from './evidence.js';
import { type SeasonalBaseline, seasonalBaseline } from './seasonal-baseline.js';
import { type AlertCandidate, type EntityWindow, HOUR_MS, MINUTE_MS, type NotableMention, sumBuckets } from './series.js';
import { STOPWORDS } from './stopwords.js';

/** Fewer background texts than this and nothing can be called new: the detector stays quiet. */
const MIN_BACKGROUND_TEXTS = 20;
const RECENT_SPAN_MS = 3 * HOUR_MS;

/**
 * Method: texts are lower-cased, stripped of accents, links and @handles, and cut into n-grams
 * (2- and 3-word by default) that neither start nor end with an English or French stopword. A
 * phrase emerges by either of two routes, both only if it appears in at most `maxBackgroundShare`
 * of the background texts (yesterday's):
 * - frequent: it is in at least `minCount` recent negative texts and `minShare` of them (each
 *   text counted once), and, because a launch also brings new words, the negative volume of the
 *   last 3 h is at least `minNegativeLift` times its seasonal baseline;
 * - spreading (earlier, for a crisis that starts slowly): at least `minAuthors` distinct authors
 *   used it in negative posts of the last 3 h (reshares repeat a post, they do not count), and
 *   that is improbable if the phrase was as common yesterday: were nothing new, each of its uses
 *   (recent authors plus background texts) would fall among the recent authors in proportion to
 *   their number; the binomial chance that at least that many did, multiplied by the number of
 *   phrases that could have got there (new ones of two authors or more), must be below
 *   10^-minPhraseSurprise. So a few authors are enough where few people post, and more are needed
 *   where many do. The negative volume is not required to be up: when a few people start
 *   repeating the same complaint, their posts are lost in the hour's noise (see sim-floor.ts), and
 *   the phrase is the only evidence there is.
 * Phrases contained in a longer emerging phrase of nearly the same count are folded into it.
 * Severity: low; medium when the phrase is in half the negative texts (frequent route), or when
 * negative volume since its first use is also `minNegativeLift` times its baseline with a
 * quasi-Poisson tail below 10^-minNegativeSurpriseForMedium (spreading route).
 */
export function detectEmergingTopic(window: EntityWindow, params: DetectionParams): AlertCandidate | null {
  if (window.backgroundTexts.length < MIN_BACKGROUND_TEXTS) return null;
  const baseline = seasonalBaseline(window.hours, window.now, 'negative', params.baseline);
  if (!baseline) return null;
  const background = backgroundFrequencies(window.backgroundTexts, params.emergingTopic.ngramSizes);
  const isNew = (phrase: string) => (background.get(phrase) ?? 0) / window.backgroundTexts.length <= params.emergingTopic.maxBackgroundShare;
  return frequentPhrase(window, params, baseline, isNew) ?? spreadingPhrase(window, params, baseline, background, isNew);
}

function frequentPhrase(window: EntityWindow, params: DetectionParams, baseline: SeasonalBaseline, isNew: (phrase: string) => boolean): AlertCandidate | null {
  const p = params.emergingTopic;
  const recent = window.recentNegativeTexts;
  if (recent.length < p.minCount) return null;
  const from = window.now - RECENT_SPAN_MS;
  const observedNegative = sumBuckets(window.minutes, from, window.now).negative;
  const expectedNegative = baseline.expectedBetween(from, window.now);
  if (observedNegative < p.minNegativeLift * expectedNegative) return null;

  const emerging: { phrase: string; count: number }[] = [];
  for (const [phrase, count] of documentFrequencies(recent, p.ngramSizes)) {
    if (count < p.minCount || count / recent.length < p.minShare || !isNew(phrase)) continue;
    emerging.push({ phrase, count });
  }
  if (emerging.length === 0) return null;
  const phrases = foldSubPhrases(emerging);

  const top = phrases[0];
  const matching = rankNotable(window.notable, from, window.now, (m) => m.sentiment === 'negative' && normalise(m.text).includes(top.phrase));
  const share = top.count / recent.length;
  return {
    entityId: window.entityId,
    detector: 'emerging_topic',
    severity: share >= 0.5 ? 'medium' : 'low',
    onsetAt: matching.length ? Math.min(...matching.map((m) => m.publishedAt)) : from,
    detectedAt: window.now,
    why: reasonsIn(window.language ?? 'en').newPhrase({ phrase: top.phrase, count: top.count, recent: recent.length, share, observedNegative, expectedNegative }),
    numbers: {
      count: top.count,
      negativeTexts: recent.length,
      share: round2(share),
      backgroundTexts: window.backgroundTexts.length,
      negativeLift: round2(observedNegative / Math.max(expectedNegative, 1e-9)),
    },
    evidence: evidenceIds(matching),
    phrases: phrases.slice(0, 5).map((p) => p.phrase),
  };
}

function spreadingPhrase(
  window: EntityWindow,
  params: DetectionParams,
  baseline: SeasonalBaseline,
  background: Map<string, number>,
  isNew: (phrase: string) => boolean,
): AlertCandidate | null {
  const p = params.emergingTopic;
  const from = window.now - RECENT_SPAN_MS;
  const { phrasesByAuthor, firstUse } = recentAuthorPhrases(window.notable, from, window.now, p.ngramSizes);
  const authorsPerPhrase = new Map<string, number>();
  for (const phrases of phrasesByAuthor.values()) for (const phrase of phrases) authorsPerPhrase.set(phrase, (authorsPerPhrase.get(phrase) ?? 0) + 1);
  const backgroundTexts = window.backgroundTexts.length;
  const candidates = [...authorsPerPhrase].filter(([phrase, authors]) => authors >= 2 && isNew(phrase));
  const multipleTests = Math.log10(Math.max(1, candidates.length));
  const recentShare = phrasesByAuthor.size / (phrasesByAuthor.size + backgroundTexts);

  const spreading: { phrase: string; count: number; inBackground: number; surprise: number; since: number; observed: number; expected: number }[] = [];
  for (const [phrase, authors] of candidates) {
    if (authors < p.minAuthors) continue;
    const inBackground = background.get(phrase) ?? 0;
    const surprise = binomialSurprise(authors, authors + inBackground, recentShare) - multipleTests;
    if (surprise < p.minPhraseSurprise) continue;
    const since = Math.floor(firstUse.get(phrase)! / MINUTE_MS) * MINUTE_MS;
    const observed = sumBuckets(window.minutes, since, window.now).negative;
    const expected = baseline.expectedBetween(since, window.now);
    spreading.push({ phrase, count: authors, inBackground, surprise, since, observed, expected });
  }
  if (spreading.length === 0) return null;
  const phrases = foldSubPhrases(spreading);
  const top = phrases[0];

  const matching = rankNotable(window.notable, top.since, window.now, (m) => m.sentiment === 'negative' && normalise(m.text).includes(top.phrase));
  const minutes = Math.max(1, Math.round((window.now - top.since) / MINUTE_MS));
  return {
    entityId: window.entityId,
    detector: 'emerging_topic',
    severity: top.observed >= p.minNegativeLift * top.expected && countSurprise(top.observed, top.expected, baseline.dispersion) >= p.minNegativeSurpriseForMedium ? 'medium' : 'low',
    onsetAt: top.since,
    detectedAt: window.now,
    why: reasonsIn(window.language ?? 'en').spreadingPhrase({
      phrase: top.phrase,
      authors: top.count,
      minutes,
      inBackground: top.inBackground,
      backgroundTexts,
      observedNegative: top.observed,
      expectedNegative: top.expected,
    }),
    numbers: {
      authors: top.count,
      recentAuthors: phrasesByAuthor.size,
      surprise: round2(top.surprise),
      backgroundTexts,
      negativeLift: round2(top.observed / Math.max(top.expected, 1e-9)),
    },
    evidence: evidenceIds(matching),
    phrases: phrases.slice(0, 5).map((p) => p.phrase),
  };
}

/** The phrases each author used in negative posts (not reshares) published in [from, to), and when each phrase was first used. */
function recentAuthorPhrases(notable: readonly NotableMention[], from: number, to: number, sizes: readonly number[]) {
  const phrasesByAuthor = new Map<string, Set<string>>();
  const firstUse = new Map<string, number>();
  for (const m of notable) {
    if (m.sentiment !== 'negative' || m.isReshareOf !== undefined || m.publishedAt < from || m.publishedAt >= to) continue;
    let own = phrasesByAuthor.get(m.authorHandle);
    if (!own) {
      own = new Set();
      phrasesByAuthor.set(m.authorHandle, own);
    }
    for (const phrase of cachedPhrasesOf(m.text, sizes)) {
      own.add(phrase);
      if (m.publishedAt < (firstUse.get(phrase) ?? Infinity)) firstUse.set(phrase, m.publishedAt);
    }
  }
  return { phrasesByAuthor, firstUse };
}

/** Lower case, no accents, no links or handles, words separated by single spaces. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[@#]\w+/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The n-grams of one text that could name a topic (no stopword at either end). */
export function phrasesOf(text: string, sizes: readonly number[]): Set<string> {
  const words = normalise(text).split(' ').filter((w) => w.length > 1 || /\d/.test(w));
  const found = new Set<string>();
  for (const n of sizes) {
    for (let i = 0; i + n <= words.length; i++) {
      const gram = words.slice(i, i + n);
      if (STOPWORDS.has(gram[0]) || STOPWORDS.has(gram[n - 1])) continue;
      found.add(gram.join(' '));
    }
  }
  return found;
}

/** In how many texts each phrase appears. */
export function documentFrequencies(texts: readonly string[], sizes: readonly number[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const phrase of cachedPhrasesOf(text, sizes)) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  return counts;
}

/**
 * The recent window slides by a minute at a time, so the same texts are cut again and again:
 * their phrases are kept (a bounded cache, emptied when full; the result does not depend on it).
 */
const phraseCache = new Map<string, Set<string>>();
const PHRASE_CACHE_LIMIT = 20_000;

function cachedPhrasesOf(text: string, sizes: readonly number[]): Set<string> {
  const key = `${sizes.join(',')}|${text}`;
  let phrases = phraseCache.get(key);
  if (!phrases) {
    if (phraseCache.size >= PHRASE_CACHE_LIMIT) phraseCache.clear();
    phrases = phrasesOf(text, sizes);
    phraseCache.set(key, phrases);
  }
  return phrases;
}

/** The background is the same for a whole period: its counts are kept per texts array. */
const backgroundCache = new WeakMap<readonly string[], Map<string, Map<string, number>>>();

function backgroundFrequencies(texts: readonly string[], sizes: readonly number[]): Map<string, number> {
  const key = sizes.join(',');
  let bySizes = backgroundCache.get(texts);
  if (!bySizes) {
    bySizes = new Map();
    backgroundCache.set(texts, bySizes);
  }
  let counts = bySizes.get(key);
  if (!counts) {
    counts = documentFrequencies(texts, sizes);
    bySizes.set(key, counts);
  }
  return counts;
}

/** Most frequent first; a phrase inside a longer one with at least 80 % of its count is dropped. */
function foldSubPhrases<T extends { phrase: string; count: number }>(found: T[]): T[] {
  const kept = found.filter(
    (a) => !found.some((b) => b.phrase.length > a.phrase.length && ` ${b.phrase} `.includes(` ${a.phrase} `) && b.count >= 0.8 * a.count),
  );
  return kept.sort((a, b) => b.count - a.count || b.phrase.length - a.phrase.length || a.phrase.localeCompare(b.phrase));
}
