// An endless stream of distinct mentions built from the demo posts: unique ids, many authors, published at a steady rate.
import type { MentionInput } from '../../src/domain/mention.js';
import { demoMentions } from './demo-texts.js';

/** Each pass over the demo posts gets new author ids, up to this many passes (about 80,000 authors in all). */
const AUTHOR_GENERATIONS = 64;

export interface StreamOptions {
  /** Distinguishes runs, so ids never collide with an earlier run's. */
  runTag: string;
  /** Publication time of the first mention, epoch ms. */
  start: number;
  /** Mentions per second of data time: the stream looks like live traffic at that rate. */
  perSecond: number;
}

/** The i-th mention of the stream (same i, same mention). */
export function streamMention(o: StreamOptions, i: number): MentionInput {
  const posts = demoMentions();
  const pass = Math.floor(i / posts.length);
  const post = posts[i % posts.length];
  const copyId = (id: string) => `${o.runTag}-${pass}-${id}`;
  const mention: MentionInput = {
    ...post,
    platform: 'replay',
    externalId: `${o.runTag}-${i}`,
    url: undefined,
    publishedAt: new Date(o.start + Math.floor((i * 1000) / o.perSecond)).toISOString(),
    author: { ...post.author, platform: 'replay', externalId: `${post.author.externalId}-g${pass % AUTHOR_GENERATIONS}` },
    engagement: { ...post.engagement },
  };
  if (post.replyTo) mention.replyTo = copyId(post.replyTo);
  if (post.quoteOf) mention.quoteOf = copyId(post.quoteOf);
  if (post.reshareOf) mention.reshareOf = copyId(post.reshareOf);
  return mention;
}

export function streamSlice(o: StreamOptions, from: number, count: number): MentionInput[] {
  return Array.from({ length: count }, (_, k) => streamMention(o, from + k));
}
