// What of a feed item is its own text: no trailing "Read more", and for Google News only the headline it links to.

/**
 * Closing lines that blogs and news sites append to every item (WordPress, Feedburner, CMS teasers), in English,
 * French and German. Anchored at the end: the same words inside the text are the author's.
 */
const TRAILING_BOILERPLATE: RegExp[] = [
  /\s*(?:\[(?:…|\.\.\.|&hellip;)\]|…|\.\.\.)?\s*\(?(?:lire la suite|lire l[’']article(?: complet)?|la suite sur [^\n]*|en savoir plus|continuer la lecture|read more|continue reading|read the full (?:story|article)|weiterlesen|mehr lesen|zum artikel|mehr dazu|artikel lesen)\b[^\n]{0,80}$/iu,
  /\s*(?:the post|l[’']article|der beitrag) [^\n]{1,300} (?:appeared first on|est apparu en premier sur|erschien zuerst auf) [^\n]{1,200}$/iu,
  /\s*\[(?:…|\.\.\.|&hellip;)\]$/u,
];

/** The text without its trailing boilerplate, applied until nothing more comes off. */
export function stripTrailingBoilerplate(text: string): string {
  let out = text.trimEnd();
  for (let changed = true; changed;) {
    changed = false;
    for (const pattern of TRAILING_BOILERPLATE) {
      const next = out.replace(pattern, '').trimEnd();
      if (next !== out && next !== '') {
        out = next;
        changed = true;
      }
    }
  }
  return out;
}

const isGoogleNewsHost = (url: string | undefined) => url !== undefined && URL.canParse(url) && /(^|\.)news\.google\.com$/i.test(new URL(url).hostname);

/**
 * Google News feeds (read directly or through a proxy: the channel links to news.google.com): the item's description
 * is a list of every outlet's headline and a "full coverage" link, not the item's text.
 */
export function isGoogleNewsFeed(feedUrl: string, channelLink: string | undefined): boolean {
  return isGoogleNewsHost(feedUrl) || isGoogleNewsHost(channelLink);
}

/** A Google News title is "Headline - Publisher": the headline alone. */
export function googleNewsHeadline(title: string, publisher: string | undefined): string {
  if (publisher && title.endsWith(` - ${publisher}`)) return title.slice(0, -(publisher.length + 3)).trim();
  return title;
}
