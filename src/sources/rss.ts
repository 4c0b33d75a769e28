// RSS / Atom connector: any feed URL (news search feeds, blogs), items de-duplicated by guid or link, RFC 5005 paging.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import type { MentionInput } from '../domain/mention.js';
import type { FetchResult, QuarantinedItem, Source } from './source.js';
import type { SourceContext, SourceFactory } from './source-factory.js';
import { commonSourceFields, retryPolicyOf } from './http/common-config.js';
import { htmlToText } from './http/html-text.js';
import { platformHttp } from './http/http-client.js';
import { quarantineOf } from './http/item-validation.js';
import { retryAfterOnly } from './http/rate-limit-headers.js';
import { eachStream } from './http/stream-failure.js';

/** Feeds rarely change faster than this, and polite readers do not poll them more often. */
const MIN_INTERVAL_MS = 5 * 60 * 1000;

export const rssConfigSchema = z.object({
  ...commonSourceFields,
  type: z.literal('rss'),
  feeds: z.array(z.string().url()).min(1),
  /** How many item ids per feed the cursor remembers (a feed shows its latest items only). */
  maxSeenIds: z.number().int().positive().default(2000),
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
}

function readFeed(xml: string): ParsedFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  const doc = parser.parse(xml) as Record<string, any>;
  if (doc.rss?.channel) {
    const channel = doc.rss.channel;
    return { items: channel.item ?? [], language: textOf(channel.language), next: hrefOf(channel['atom:link'], 'next') };
  }
  if (doc.feed) return { items: doc.feed.entry ?? [], language: doc.feed['@_xml:lang'], next: hrefOf(doc.feed.link, 'next') };
  throw new Error('neither an RSS channel nor an Atom feed');
}

function toMention(item: Record<string, unknown>, feedUrl: string, language: string | undefined, now: number): MentionInput {
  const links = linkSchema.parse(item.link);
  const link = hrefOf(links, 'alternate') ?? textOf(item.link);
  const id = textOf(item.guid) ?? textOf(item.id) ?? link;
  if (!id) throw new Error('item has neither guid, id nor link');
  const title = textOf(item.title);
  const body = textOf(item['content:encoded']) ?? textOf(item.content) ?? textOf(item.description) ?? textOf(item.summary);
  const text = [title && htmlToText(title), body && htmlToText(body)].filter(Boolean).join('\n\n');
  if (!text) throw new Error('item has neither title nor content');
  const dated = textOf(item.pubDate) ?? textOf(item.published) ?? textOf(item.updated) ?? textOf(item['dc:date']);
  const time = dated ? Date.parse(dated) : now;
  if (Number.isNaN(time)) throw new Error(`unreadable date: ${dated}`);
  const host = new URL(feedUrl).host;
  const authorName = textOf(item['dc:creator']) ?? textOf((item.author as Record<string, unknown> | undefined)?.name) ?? textOf(item.author) ?? host;
  const mention: MentionInput = {
    platform: 'rss',
    externalId: id,
    text,
    publishedAt: new Date(time).toISOString(),
    author: { platform: 'rss', externalId: `${host}/${authorName}`, handle: authorName, followers: 0 },
    engagement: { likes: 0, reshares: 0, replies: 0, quotes: 0 },
  };
  if (link) mention.url = link;
  const lang = textOf(item['@_xml:lang']) ?? language;
  if (lang) mention.langHint = lang;
  return mention;
}

function createRssSource(config: RssSourceConfig, ctx: SourceContext): Source {
  const http = platformHttp(ctx, retryPolicyOf(config), retryAfterOnly);
  const where = { platform: 'rss', sourceId: config.id };
  const accept = { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8' };

  /** Reads one feed from its top, then from where the last run stopped; returns what it saw. */
  async function readOne(feedUrl: string, start: FeedCursor, result: FetchResult, signal?: AbortSignal): Promise<FeedCursor> {
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
      const res = await http.request({ url, headers: accept }, signal);
      let feed: ParsedFeed;
      try {
        feed = readFeed(res.text);
      } catch (error) {
        // The whole page is unreadable: quarantine it and keep this feed's cursor as it was.
        result.quarantined.push(quarantineOf('rss', config.id, res.text, (error as Error).message));
        return start;
      }
      let unseenOnPage = false;
      for (const raw of feed.items) {
        const item = itemSchema.safeParse(raw);
        try {
          if (!item.success) throw new Error('item is not an element');
          const mention = toMention(item.data, feedUrl, feed.language, ctx.now());
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
      if (feed.next && unseenOnPage && !queue.includes(feed.next)) queue.unshift(feed.next);
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
          readFeed((await http.request({ url: feedUrl, headers: accept })).text);
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
