// Ids, links and author records in each platform's own shape, as its connector would store them (tweet ids, t3_/t1_ fullnames, at:// URIs...).
import type { AuthorInput } from '../domain/mention.js';
import type { ScenarioAuthor } from './author-pool.js';
import type { Lang } from './bank.js';
import { stableHash } from '../domain/stable-hash.js';
import { handleOn, type DemoPlatform } from './platforms.js';

/** What the ids are made from: the post's place in the scenario, its time, platform, author and parent. */
export interface PostToIdentify {
  /** Position in the scenario: unique, so every id made from it is. */
  serial: number;
  at: number;
  platform: DemoPlatform;
  lang: Lang;
  author: ScenarioAuthor;
  /** The post this one answers or shares (for the thread it belongs to). */
  parent?: PostToIdentify;
}

export interface PlatformIdentity {
  externalId: string;
  url: string;
  /** Reddit: the subreddit and the thread's post; YouTube: the video and the top comment. */
  thread?: { where: string; root: string };
}

const TWITTER_EPOCH = 1_288_834_974_657;
const SUBREDDITS: Readonly<Record<Lang, readonly string[]>> = { en: ['smarthome', 'AirPurifiers', 'gadgets', 'BuyItForLife'], fr: ['france', 'domotique', 'AskFrance'] };
/** The videos the demo's YouTube comments sit under: reviews and the brand's own channel. */
const VIDEOS: Readonly<Record<Lang, readonly string[]>> = { en: ['k3LioAuRa01', 'hN7rev1ewX2', 'gGr1Purif3Q'], fr: ['cL4raT3st0A', 'k3LioFr0nc9', 'pAp4G33kDm0'] };
const NEWS_SITES: Readonly<Record<string, string>> = {
  dailybyte: 'dailybyte.news',
  homegearnews: 'homegearnews.com',
  consumer_watch: 'consumerwatch.org',
  la_maison_connectee: 'lamaisonconnectee.fr',
  lefilconso: 'lefilconso.fr',
  octets_fr: 'octets.fr',
};

const base36 = (n: number) => n.toString(36);
/** A fixed-length id from a seed text, in the alphabet the platform uses. */
function token(seed: string, length: number, alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'): string {
  let out = '';
  let hash = stableHash(seed);
  for (let i = 0; i < length; i += 1) {
    if (i % 5 === 0) hash = stableHash(`${seed}/${i}`);
    out += alphabet[hash % alphabet.length];
    hash = Math.floor(hash / alphabet.length);
  }
  return out;
}

export function identify(post: PostToIdentify, parentIdentity?: PlatformIdentity): PlatformIdentity {
  const handle = handleOn(post.platform, post.author.input, post.author.lang);
  switch (post.platform) {
    case 'x': {
      // A snowflake: milliseconds since X's epoch, then a sequence, as real tweet ids sort by time.
      const id = ((BigInt(post.at - TWITTER_EPOCH) << 22n) | BigInt(post.serial & 0x3fffff)).toString();
      return { externalId: id, url: `https://x.com/${handle}/status/${id}` };
    }
    case 'mastodon': {
      const [user, instance] = handle.split('@');
      const id = ((BigInt(post.at) << 16n) | BigInt(post.serial & 0xffff)).toString();
      return { externalId: `https://${instance}/users/${user}/statuses/${id}`, url: `https://${instance}/@${user}/${id}` };
    }
    case 'bluesky': {
      const rkey = `3l${token(`${post.serial}`, 11, 'abcdefghijklmnopqrstuvwxyz234567')}`;
      return { externalId: `at://${authorId('bluesky', post.author)}/app.bsky.feed.post/${rkey}`, url: `https://bsky.app/profile/${handle}/post/${rkey}` };
    }
    case 'reddit': {
      const id36 = base36(1_200_000_000 + post.serial);
      if (parentIdentity?.thread) {
        const { where, root } = parentIdentity.thread;
        return { externalId: `t1_${id36}`, url: `https://www.reddit.com/r/${where}/comments/${root}/comment/${id36}/`, thread: parentIdentity.thread };
      }
      const subs = SUBREDDITS[post.lang];
      const where = subs[stableHash(`${post.serial}`) % subs.length];
      return { externalId: `t3_${id36}`, url: `https://www.reddit.com/r/${where}/comments/${id36}/`, thread: { where, root: id36 } };
    }
    case 'youtube': {
      const id = `Ugz${token(`${post.serial}`, 20)}4AaABAg`;
      if (parentIdentity?.thread) {
        const { where, root } = parentIdentity.thread;
        const reply = `${root}.${token(`r${post.serial}`, 22)}`;
        return { externalId: reply, url: `https://www.youtube.com/watch?v=${where}&lc=${reply}`, thread: parentIdentity.thread };
      }
      if (post.author.role === 'influencer' || post.author.role === 'brand' || post.author.role === 'rivalBrand') {
        // A creator's or a brand's own post on YouTube is a video; comments under it answer it.
        const video = token(`v${post.serial}`, 11);
        return { externalId: video, url: `https://www.youtube.com/watch?v=${video}`, thread: { where: video, root: video } };
      }
      const videos = VIDEOS[post.lang];
      const video = videos[stableHash(`${post.serial}`) % videos.length];
      return { externalId: id, url: `https://www.youtube.com/watch?v=${video}&lc=${id}`, thread: { where: video, root: id } };
    }
    case 'rss': {
      const site = NEWS_SITES[post.author.input.handle] ?? `${post.author.input.handle}.news`;
      const day = new Date(post.at).toISOString().slice(0, 10).replaceAll('-', '/');
      const url = `https://${site}/${day}/${base36(post.serial)}`;
      return { externalId: url, url };
    }
  }
}

/** The author as that platform's connector stores them: its own id, its handle there, and what it reports of the audience. */
export function authorOn(platform: DemoPlatform, author: ScenarioAuthor): AuthorInput {
  const input: AuthorInput = { ...author.input, platform, externalId: authorId(platform, author), handle: handleOn(platform, author.input, author.lang) };
  // Reddit and news feeds report no audience (their connectors store 0 followers).
  if (platform === 'reddit' || platform === 'rss') {
    input.followers = 0;
    delete input.following;
  }
  return input;
}

function authorId(platform: DemoPlatform, author: ScenarioAuthor): string {
  const handle = author.input.handle;
  switch (platform) {
    case 'x':
      return String(10_000_000 + (stableHash(`x/${handle}`) % 1_900_000_000));
    case 'reddit':
      return `t2_${token(`reddit/${handle}`, 8, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
    case 'mastodon': {
      const [user, instance] = handleOn('mastodon', author.input, author.lang).split('@');
      return `https://${instance}/@${user}`;
    }
    case 'bluesky':
      return `did:plc:${token(`bsky/${handle}`, 24, 'abcdefghijklmnopqrstuvwxyz234567')}`;
    case 'youtube':
      return `UC${token(`yt/${handle}`, 22)}`;
    case 'rss':
      return `${NEWS_SITES[handle] ?? `${handle}.news`}/${author.input.displayName ?? handle}`;
  }
}
