// Detector: a phrase absent from the background texts that suddenly fills the recent negative mentions.
import type { DetectionParams } from './detection-params.js';
import { evidenceIds, formatExpected, percent, rankNotable, round2 } from './evidence.js';
import { seasonalBaseline } from './seasonal-baseline.js';
import { type AlertCandidate, type EntityWindow, HOUR_MS, sumBuckets } from './series.js';
import { STOPWORDS } from './stopwords.js';

/** Fewer background texts than this and nothing can be called new: the detector stays quiet. */
const MIN_BACKGROUND_TEXTS = 20;
const RECENT_SPAN_MS = 3 * HOUR_MS;

/**
 * Method: texts are lower-cased, stripped of accents, links and @handles, and cut into n-grams
 * (2- and 3-word by default) that neither start nor end with an English or French stopword. Each
 * phrase is counted once per text. A phrase is emerging when it appears in at least `minCount`
 * recent negative texts and `minShare` of them, while appearing in at most `maxBackgroundShare` of
 * the background texts. Because a launch also brings new words, the negative volume of the last
 * 3 h must also be at least `minNegativeLift` times its seasonal baseline. Phrases contained in a
 * longer emerging phrase of nearly the same count are folded into it. Severity: low, medium when
 * the phrase is in half the negative texts.
 */
export function detectEmergingTopic(window: EntityWindow, params: DetectionParams): AlertCandidate | null {
  const p = params.emergingTopic;
  const recent = window.recentNegativeTexts;
  if (recent.length < p.minCount || window.backgroundTexts.length < MIN_BACKGROUND_TEXTS) return null;

  const baseline = seasonalBaseline(window.hours, window.now, 'negative', params.baseline);
  if (!baseline) return null;
  const from = window.now - RECENT_SPAN_MS;
  const observedNegative = sumBuckets(window.minutes, from, window.now).negative;
  const expectedNegative = baseline.expectedBetween(from, window.now);
  if (observedNegative < p.minNegativeLift * expectedNegative) return null;

  const recentCounts = documentFrequencies(recent, p.ngramSizes);
  const background = backgroundFrequencies(window.backgroundTexts, p.ngramSizes);
  const emerging: { phrase: string; count: number }[] = [];
  for (const [phrase, count] of recentCounts) {
    if (count < p.minCount || count / recent.length < p.minShare) continue;
    if ((background.get(phrase) ?? 0) / window.backgroundTexts.length > p.maxBackgroundShare) continue;
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
    why: `new phrase "${top.phrase}" in ${top.count} of ${recent.length} recent negative mentions (${percent(share)}), unseen before; negative volume ${formatExpected(observedNegative)} vs ${formatExpected(expectedNegative)} expected in 3 h`,
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
function foldSubPhrases(found: { phrase: string; count: number }[]): { phrase: string; count: number }[] {
  const kept = found.filter(
    (a) => !found.some((b) => b.phrase.length > a.phrase.length && ` ${b.phrase} `.includes(` ${a.phrase} `) && b.count >= 0.8 * a.count),
  );
  return kept.sort((a, b) => b.count - a.count || b.phrase.length - a.phrase.length || a.phrase.localeCompare(b.phrase));
}
