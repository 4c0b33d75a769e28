// Makes hostile mention text safe to show in Slack and Teams: no pings, no injected links or markup, no invisible tricks.

/**
 * Characters that change how text looks without being seen: bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069, which can reverse a link or a name), zero-width space, word joiner
 * and invisible operators (U+200B, U+2060–U+2064), the BOM, and C0/C1 controls. ZWJ/ZWNJ and the
 * LRM/RLM marks stay: real words and emoji in Arabic, Persian, Hebrew and Indic scripts need them.
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Invisible, and used below to break a word that the chat service would otherwise act on. */
const WORD_JOINER = '\u2060';

/** One line of at most `max` characters (code points, so an emoji is never cut in half), invisible characters removed. */
export function cleanLine(text: string, max: number): string {
  const flat = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
}

/** Slack turns these bare words into pings of a whole channel or workspace in some message paths. */
const SLACK_BROADCAST = /([@!])(channel|here|everyone)\b/gi;

/**
 * For a Slack mrkdwn field: `&`, `<` and `>` escaped as Slack documents, so `<!channel>`, `<@U123>` and
 * `<https://evil|click>` show as typed instead of pinging or linking; broadcast words are broken.
 */
export function slackMrkdwn(text: string, max: number): string {
  return cleanLine(text, max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(SLACK_BROADCAST, `$1${WORD_JOINER}$2`);
}

/**
 * For a Slack plain_text field, which Slack shows without mrkdwn, links or mentions. Entities are not
 * escaped there (they would show as `&lt;`); every `<…>` token is still broken as a second fence.
 */
export function slackPlain(text: string, max: number): string {
  return cleanLine(text, max)
    .replace(/<(?=\S)/g, `<${WORD_JOINER}`)
    .replace(SLACK_BROADCAST, `$1${WORD_JOINER}$2`);
}

/**
 * For an Adaptive Card TextRun, which Teams renders without markdown. Tag-like `<` (as in `<at>`, the
 * Teams mention tag, or `<a href>`) becomes `‹`; `{{` is broken so the card's DATE()/TIME() functions
 * cannot rewrite the text. "I <3 it" keeps its `<`.
 */
export function teamsText(text: string, max: number): string {
  return cleanLine(text, max)
    .replace(/<(?=[a-z/!?])/gi, '‹')
    .replace(/\{\{/g, `{${WORD_JOINER}{`);
}

/** A link target that is safe to put behind a button or a link: http(s) only, or null. */
export function safeLinkUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
