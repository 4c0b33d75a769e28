// RSS / Atom connector: any feed URL (news search feeds, blogs), items de-duplicated by guid or link, RFC 5005 paging.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import type { MentionInput } from '../domain/mention.js';
import { RateLimitedError, type FetchResult, type QuarantinedItem, type Source } from './source.js';
import type { SourceContext, SourceFactory } from './source-factory.js';
import { commonSourceFields, retryPolicyOf } from './http/common-config.js';
import { htmlToText } from './http/html-text.js';
import { safeUrl } from './http/http-client.js';
import { HttpStatusError, TooManyRequestsError, TransientError } from './http/http-errors.js';
import { guardedGet } from './http/guarded-get.js';
import { quarantineOf } from './http/item-validation.js';
import { platformMessage } from './http/platform-message.js';
import { retryAfterAt } from './http/rate-limit-headers.js';
import { withRetries } from './http/retry-policy.js';
import { stripTrackingParams } from './http/tracking-params.js';
import { decodeFeed } from './feed-charset.js';
import { parseWebhookUrl, SsrfBlockedError } from '../notify/ssrf-guard.js';
import { googleNewsHeadline, isGoogleNewsFeed, stripTrailingBoilerplate } from './feed-text.js';
import { eachStream } from './http/stream-failure.js';

/** Feeds rarely change faster than this, and polite readers do not poll them more often. */
const MIN_INTERVAL_MS = 5 * 60 * 1000;

export const rssConfigSchema = z.object({
  ...commonSourceFields,
  type: z.literal('rss'),
  feeds: z.array(z.string().url()).min(1),
  /** How many item ids per feed the cursor remembers (a feed shows its latest items only). */
  maxSeenIds: z.number().int().positive().default(2000),
  /**
   * Lets a configured feed's own host be a private or loopback address (an intranet feed). Every other URL a feed or
   * a redirect names (rel="next", Location) is refused when it leads to one, whatever this says.
   */
  allowPrivateNetwork: z.boolean().default(false),
}).strict().superRefine((config, ctx) => {
  // Refused at config check, not at the first poll: a feed on a literal internal address or localhost.
  config.feeds.forEach((feed, i) => {
    if (config.allowPrivateNetwork) return;
    try {
      const { host, hostname } = parseWebhookUrl(feed, false);
      if (/(^|\.)localhost\.?$/i.test(hostname)) throw new SsrfBlockedError(host, hostname, 'loopback');
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['feeds', i], message: (error as Error).message.replace('on the channel', 'on the source').replace(/^webhook URL/, 'feed URL') });
    }
  });
});
export type RssSourceConfig = z.infer<typeof rssConfigSchema>;

interface FeedCursor {
  seen: string[];
  /** The next archive page still to read when a run stopped at maxPages. */
  resume?: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  isArray: (name) => ['item', 'entry', 'link', 'category', 'atom:link'].includes(name),
});

/** A text node that may carry attributes (`<title type="html">`, `<guid isPermaLink>`). */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (value && typeof value === 'object' && '#text' in value) return textOf((value as Record<string, unknown>)['#text']);
  return undefined;
}

const linkSchema = z.array(z.union([z.string(), z.object({ '@_href': z.string().optional(), '@_rel': z.string().optional() }).passthrough()])).optional();

function hrefOf(links: z.infer<typeof linkSchema>, rel: string): string | undefined {
  for (const link of links ?? []) {
    if (typeof link === 'string') { if (rel === 'alternate') return link.trim(); continue; }
    if ((link['@_rel'] ?? 'alternate') === rel && link['@_href']) return link['@_href'];
  }
  return undefined;
}

const itemSchema = z.record(z.string(), z.unknown());

interface ParsedFeed {
  items: Array<Record<string, unknown>>;
  language?: string;
  next?: string;
  /** Atom's feed-level <author>: the author of every entry that names none. */
  author?: string;
  /** The channel's own <link> (the site, or for Google News its search page). */
  site?: string;
}

/** An author element's name: RSS gives text, Atom a <name> (and sometimes several authors). */
function authorName(value: unknown): string | undefined {
  if (Array.isArray(value)) return authorName(value[0]);
  if (value && typeof value === 'object' && 'name' in value) return textOf((value as Record<string, unknown>).name);
  return textOf(value);
}

/** A document that is not a feed; it keeps its text, for the quarantine. */
class XmlError extends Error {
  constructor(message: string, readonly document: string) {
    super(message);
    this.name = 'XmlError';
  }
}

function readFeed(xml: string): ParsedFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new XmlError(`malformed XML at line ${valid.err.line}: ${valid.err.msg}`, xml);
  let doc: Record<string, any>;
  try {
    doc = parser.parse(xml) as Record<string, any>;
  } catch (error) {
    // The validator lets a few broken documents through that the parser then refuses (`<!"` inside an element):
    // still a malformed document, quarantined like the others, not a failure of the source.
    throw new XmlError(`malformed XML: ${(error as Error).message}`, xml);
  }
  if (doc.rss?.channel) {
    const channel = doc.rss.channel;
    return { items: channel.item ?? [], language: textOf(channel.language), next: hrefOf(channel['atom:link'], 'next'), site: hrefOf(channel.link, 'alternate') };
  }
  if (doc.feed) return { items: doc.feed.entry ?? [], language: doc.feed['@_xml:lang'], next: hrefOf(doc.feed.link, 'next'), author: authorName(doc.feed.author) };
  throw new XmlError('neither an RSS channel nor an Atom feed', xml);
}

function toMention(item: Record<string, unknown>, feedUrl: string, feed: ParsedFeed, now: number): MentionInput {
  const links = linkSchema.parse(item.link);
  const link = hrefOf(links, 'alternate') ?? textOf(item.link);
  const id = textOf(item.guid) ?? textOf(item.id) ?? link;
  if (!id) throw new Error('item has neither guid, id nor link');
  // RSS <source url="...">Publisher</source>: where the item comes from (Google News names the outlet there).
  const source = item.source && typeof item.source === 'object' ? (item.source as Record<string, unknown>) : undefined;
  const publisher = textOf(item.source);
  const publisherUrl = typeof source?.['@_url'] === 'string' && URL.canParse(source['@_url']) ? new URL(source['@_url']) : undefined;
  const rawTitle = textOf(item.title);
  let title = rawTitle && htmlToText(rawTitle);
  let body = textOf(item['content:encoded']) ?? textOf(item.content) ?? textOf(item.description) ?? textOf(item.summary);
  if (isGoogleNewsFeed(feedUrl, feed.site)) {
    // The description lists every outlet's headline and "full coverage": the item's own text is its headline.
    title = title && googleNewsHeadline(title, publisher);
    body = undefined;
  }
  const bodyText = body && stripTrailingBoilerplate(htmlToText(body));
  const text = [title, bodyText].filter(Boolean).join('\n\n');
  if (!text) throw new Error('item has neither title nor content');
  const dated = textOf(item.pubDate) ?? textOf(item.published) ?? textOf(item.updated) ?? textOf(item['dc:date']);
  const time = dated ? Date.parse(dated) : now;
  if (Number.isNaN(time)) throw new Error(`unreadable date: ${dated}`);
  const host = publisherUrl?.host ?? new URL(feedUrl).host;
  const name = textOf(item['dc:creator']) ?? authorName(item.author) ?? publisher ?? feed.author ?? host;
  const mention: MentionInput = {
    platform: 'rss',
    externalId: id,
    text,
    publishedAt: new Date(time).toISOString(),
    author: { platform: 'rss', externalId: `${host}/${name}`, handle: name, followers: 0 },
    engagement: { likes: 0, reshares: 0, replies: 0, quotes: 0 },
  };
  if (publisher && name !== publisher) mention.author.displayName = `${name} (${publisher})`;
  if (link) mention.url = stripTrackingParams(link);
  const lang = textOf(item['@_xml:lang']) ?? feed.language;
  if (lang) mention.langHint = lang;
  return mention;
}

function createRssSource(config: RssSourceConfig, ctx: SourceContext): Source {
  const policy = retryPolicyOf(config);
  const where = { platform: 'rss', sourceId: config.id };
  const accept = { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8' };

  /** One document of a feed, decoded in its charset; every host it or its redirects lead to is vetted. */
  async function getFeed(url: string, configuredHost: string, signal?: AbortSignal): Promise<string> {
    const allowPrivate = (target: URL) => config.allowPrivateNetwork && target.host === configuredHost;
    const answer = await withRetries(ctx, policy, async () => {
      const a = await guardedGet(url, { allowPrivate, headers: accept, signal }).catch((error: unknown) => {
        // The guard speaks of channels (webhooks); here the setting is the source's, and only for its own host.
        if (error instanceof SsrfBlockedError) error.message = error.message.replace(/; set allowPrivateNetwork.*$/, [configuredHost, new URL(`http://${configuredHost}`).hostname].includes(error.host) ? '; set allowPrivateNetwork: true on the source if this feed is intended' : `; only ${configuredHost}, the configured feed's host, may be internal`);
        throw error;
      });
      if (a.status === 429) throw new TooManyRequestsError(retryAfterAt(a.headers, ctx.now()));
      if (a.status >= 500) throw new TransientError(`${safeUrl(url)} answered ${a.status}`, a.status);
      if (a.status >= 300) {
        const said = platformMessage(a.body.toString('utf8'));
        throw new HttpStatusError(a.status, `${safeUrl(url)} answered ${a.status}${said ? `: ${said}` : ''}`, a.body.toString('utf8'));
      }
      return a;
    }, signal);
    return decodeFeed(answer.body, answer.headers.get('content-type'));
  }

  /** Reads one feed from its top, then from where the last run stopped; returns what it saw. */
  async function readOne(feedUrl: string, start: FeedCursor, result: FetchResult, signal?: AbortSignal): Promise<FeedCursor> {
    const configuredHost = new URL(feedUrl).host;
    const seen = new Set(start.seen);
    const fresh: string[] = [];
    const quarantined: QuarantinedItem[] = [];
    const mentions: MentionInput[] = [];
    let resume: string | undefined;
    const queue = [feedUrl, ...(start.resume ? [start.resume] : [])];
    let pages = 0;
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (pages === config.maxPages) { resume = url; break; }
      pages++;
      const first = url === feedUrl;
      let feed: ParsedFeed;
      try {
        feed = readFeed(await getFeed(url, configuredHost, signal));
      } catch (error) {
        // The feed itself failing is this stream's failure; the rest of the source goes on.
        if (first && !(error instanceof XmlError)) throw error;
        if (first) {
          // The whole page is unreadable: quarantine it and keep this feed's cursor as it was.
          result.quarantined.push(quarantineOf('rss', config.id, (error as XmlError).document, (error as Error).message));
          return start;
        }
        // A broken or refused older page costs that page only: what the newer ones gave is kept.
        if (signal?.aborted) throw error;
        const retryLater = error instanceof TransientError || error instanceof RateLimitedError;
        if (retryLater) resume = url;
        else quarantined.push(quarantineOf('rss', config.id, error instanceof XmlError ? error.document : url, `older page ${safeUrl(url)}: ${(error as Error).message}`));
        ctx.logger.warn({ sourceId: config.id, page: safeUrl(url), err: (error as Error).message.split('\n')[0] }, 'feed page failed; the newer pages are kept');
        break;
      }
      let unseenOnPage = false;
      for (const raw of feed.items) {
        const item = itemSchema.safeParse(raw);
        try {
          if (!item.success) throw new Error('item is not an element');
          const mention = toMention(item.data, feedUrl, feed, ctx.now());
          if (seen.has(mention.externalId)) continue;
          seen.add(mention.externalId);
          fresh.push(mention.externalId);
          mentions.push(mention);
          unseenOnPage = true;
        } catch (error) {
          quarantined.push(quarantineOf('rss', config.id, raw, (error as Error).message));
        }
      }
      // Older pages matter only while this one still had news; an unfinished resume is kept.
      if (feed.next && unseenOnPage && !queue.includes(feed.next)) queue.unshift(new URL(feed.next, url).href);
    }
    result.mentions.push(...mentions);
    result.quarantined.push(...quarantined);
    return { seen: [...fresh, ...start.seen].slice(0, config.maxSeenIds), ...(resume && { resume }) };
  }

  return {
    id: config.id,
    platform: 'rss',
    async fetch(cursor, signal) {
      const state = (cursor ? JSON.parse(cursor) : {}) as Record<string, FeedCursor>;
      const result: FetchResult = { mentions: [], quarantined: [], nextCursor: null };
      let changed = false;
      // One feed that fails costs its own items only.
      const failures = await eachStream(config.feeds.map((feedUrl) => ({ key: feedUrl })), async ({ key: feedUrl }) => {
        const before = state[feedUrl] ?? { seen: [] };
        const after = await readOne(feedUrl, before, result, signal);
        if (JSON.stringify(after) !== JSON.stringify(before)) {
          state[feedUrl] = after;
          changed = true;
        }
      }, signal);
      if (failures.length > 0) result.failures = failures;
      if (changed) result.nextCursor = JSON.stringify(state);
      return result;
    },
    async check() {
      for (const feedUrl of config.feeds) {
        try {
          readFeed(await getFeed(feedUrl, new URL(feedUrl).host));
        } catch (error) {
          throw new Error(`RSS ${feedUrl}: ${(error as Error).message}`);
        }
      }
      return `RSS: ${config.feeds.length} feed(s) reachable and readable (no credentials needed)`;
    },
  };
}

export const rssSourceFactory: SourceFactory<RssSourceConfig> = {
  type: 'rss',
  platform: 'rss',
  configSchema: rssConfigSchema,
  create: createRssSource,
  pollIntervalMs: () => MIN_INTERVAL_MS,
};
