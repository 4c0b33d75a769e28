// Splits a hashtag body into words ("#EpicFail", "#epicfail" -> epic, fail) so lexicon words hidden in tags count.

/** Words shorter than this are not trusted inside an unsegmented tag: "class" must not yield "ass". */
const MIN_WORD = 3;
const MAX_WORD = 20;
/** Share of the tag's letters that known words must cover before a dictionary split is believed. */
const MIN_COVERAGE = 0.75;

/**
 * @param isKnownWord any word of the vocabulary (segmentation must cover most of the tag with these).
 * @param isOpinionWord opinion words long enough to trust as a tag's first or last part when the rest is
 *   unknown ("#baggagefail" -> fail).
 */
export function createHashtagSplitter(isKnownWord: (word: string) => boolean, isOpinionWord: (word: string) => boolean = () => false): (body: string) => readonly string[] {
  const split = (body: string): string[] => {
    const camel = body.split(/(?<=[\p{Ll}\p{N}])(?=\p{Lu})|_+|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u).filter((part) => part.length > 0);
    if (camel.length > 1) return camel;
    const lower = body.toLowerCase();
    if (isKnownWord(lower) || lower.length < 2 * MIN_WORD) return [body];
    return segmentByDictionary(lower, isKnownWord) ?? opinionAffix(lower, isOpinionWord) ?? [body];
  };
  // Segmenting tests hundreds of substrings against the vocabulary, and a stream repeats the same few tags (campaign
  // tags, #smarthome): each tag is segmented once.
  const cache = new Map<string, readonly string[]>();
  return (body) => {
    let parts = cache.get(body);
    if (parts === undefined) {
      parts = split(body);
      if (cache.size >= SPLIT_CACHE_LIMIT) cache.clear();
      cache.set(body, parts);
    }
    return parts;
  };
}

const SPLIT_CACHE_LIMIT = 20_000;

const MIN_AFFIX = 4;

/** The longest opinion word (4+ letters) that starts or ends the tag, with the rest kept as one unknown word. */
function opinionAffix(tag: string, isOpinionWord: (word: string) => boolean): string[] | null {
  for (let len = Math.min(MAX_WORD, tag.length - 2); len >= MIN_AFFIX; len--) {
    const suffix = tag.slice(tag.length - len);
    if (isOpinionWord(suffix)) return [tag.slice(0, tag.length - len), suffix];
    const prefix = tag.slice(0, len);
    if (isOpinionWord(prefix)) return [prefix, tag.slice(len)];
  }
  return null;
}

/**
 * Dynamic programming over split points: maximise the squared lengths of known words (long words beat many
 * short ones), letters outside known words count for nothing. Returns the known words, or null when they
 * cover too little of the tag to be believed.
 */
function segmentByDictionary(tag: string, isKnownWord: (word: string) => boolean): string[] | null {
  const n = tag.length;
  const best = new Array<number>(n + 1).fill(-1);
  const from = new Array<number>(n + 1).fill(-1);
  const known = new Array<boolean>(n + 1).fill(false);
  best[0] = 0;
  for (let end = 1; end <= n; end++) {
    // An unknown letter: carry the score forward.
    best[end] = best[end - 1];
    from[end] = end - 1;
    known[end] = false;
    for (let start = Math.max(0, end - MAX_WORD); start <= end - MIN_WORD; start++) {
      if (best[start] < 0) continue;
      const len = end - start;
      const score = best[start] + len * len;
      if (score > best[end] && isKnownWord(tag.slice(start, end))) {
        best[end] = score;
        from[end] = start;
        known[end] = true;
      }
    }
  }
  // The known words, and the stretches of letters between them that no known word covers.
  const words: string[] = [];
  const gaps: string[] = [];
  let covered = 0;
  let gapEnd = n;
  for (let end = n; end > 0; end = from[end]) {
    if (!known[end]) continue;
    gaps.unshift(tag.slice(end, gapEnd));
    words.unshift(tag.slice(from[end], end));
    covered += end - from[end];
    gapEnd = from[end];
  }
  gaps.unshift(tag.slice(0, gapEnd));
  if (words.length === 0 || covered / n < MIN_COVERAGE) return null;
  // A stretch of one or two letters left over is mostly a word the vocabulary lacks, cut into known pieces: "#Oscars"
  // is not "o" + "scars", "#Passbook" not "pass" + "boo" + "k", "#directflights" not "dire" + "ct" + "flights". The
  // tag stays whole then, unless the stretch is a short word of its own ("#stuckintheloop") or a plural ending.
  const last = gaps.length - 1;
  const cut = gaps.some((gap, k) => gap.length > 0 && gap.length < MIN_WORD && !SHORT_WORDS.has(gap) && !(k === last && gap === 's'));
  return cut ? [tag] : words;
}

/** English and French words of one or two letters, which segmentation cannot match (MIN_WORD) but tags hold. */
const SHORT_WORDS = new Set(['a', 'i', 'in', 'to', 'of', 'my', 'is', 'it', 'me', 'on', 'at', 'so', 'up', 'we', 'be', 'do', 'go', 'no', 'or', 'by', 'an', 'if', 'he', 'us', 'am', 'as', 'oh', 'ok', 'u', 'ur', 'y', 'la', 'le', 'de', 'du', 'un', 'en', 'et', 'je', 'tu', 'il', 'ne', 'ma', 'ta', 'ce', 'ca', 'sa', 'se', 'si', 'ou', 'au']);
