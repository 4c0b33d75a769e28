// Reads that need the mentions themselves (authors, languages, advocacy, texts): each bounded by entity, period and a limit.
import type { Kysely } from 'kysely';

import type { AdvocateActivity, AdvocateKind } from '../analytics/advocacy.js';
import type { PeriodQuery } from './kpi-queries.js';
import type { Database } from './tables.js';

/**
 * Per-author and per-language figures are read from the newest mentions of the period only, at most this many:
 * the rollups have no author or language, and a busy entity has millions of mentions a week.
 */
export const MENTION_SAMPLE = 2_000;

export interface SampleQuery extends PeriodQuery {
  /** @defaultValue MENTION_SAMPLE */
  sample?: number;
}

/** The ids of an entity's newest mentions in the period (the mention_entities (entity_id, published_at) index). */
function newestMentions(db: Kysely<Database>, entityId: string, q: SampleQuery) {
  return db
    .selectFrom('mention_entities')
    .select(['mention_id', 'sentiment_label', 'influence'])
    .where('entity_id', '=', entityId)
    .where('published_at', '>=', q.from)
    .where('published_at', '<', q.to)
    .orderBy('published_at', 'desc')
    .limit(q.sample ?? MENTION_SAMPLE);
}

export interface SampleCoverage {
  size: number;
  /** The sample holds every mention of the period. */
  complete: boolean;
}

export interface AuthorSummary {
  id: string;
  platform: string;
  handle: string;
  displayName: string | null;
  description: string | null;
  followers: number;
  verified: boolean;
  own: boolean;
  /** Author-level figures from the author-graph job (0 until it has run). */
  influence: number;
  graphRank: number;
  posts: number;
  engagementEarned: number;
  amplifiedCount: number;
  /** In the period, about this entity. */
  mentions: number;
  negativeMentions: number;
  /** Highest influence of one of their mentions in the period. */
  topMentionInfluence: number;
}

/** Who wrote the period's newest mentions, and in which language: everything the audience and influencer views need. */
export interface AuthorSample {
  coverage: SampleCoverage;
  /** Every author of the sample, most influential first (then by their most influential mention, then by id). */
  authors: AuthorSummary[];
  languages: { key: string; count: number }[];
  /** Audience reached once each: the followers of the distinct authors of the sample. */
  uniqueAudience: number;
}

/**
 * One pass over the period's newest mentions joined to their authors; the grouping happens here rather than in SQL,
 * so that authors, languages, unique audience and coverage cost one join of the sample instead of one each.
 */
export async function authorSample(db: Kysely<Database>, entityId: string, q: SampleQuery): Promise<AuthorSample> {
  const limit = q.sample ?? MENTION_SAMPLE;
  // One row more than the sample tells whether it covers the whole period; that row is then left out.
  const rows = await db
    .selectFrom(newestMentions(db, entityId, { ...q, sample: limit + 1 }).select('published_at').as('me'))
    // The period on mentions too: PostgreSQL then looks each id up in that period's weekly partitions only. (Joining on
    // published_at as well made it misjudge the join as one row and hash-join whole partitions: 4 s instead of ms.)
    .innerJoin('mentions as m', 'm.id', 'me.mention_id')
    .innerJoin('authors as a', 'a.id', 'm.author_id')
    .where('m.published_at', '>=', q.from)
    .where('m.published_at', '<', q.to)
    .select([
      'a.id', 'a.platform', 'a.handle', 'a.display_name', 'a.description', 'a.followers', 'a.verified', 'a.is_own',
      'a.influence', 'a.graph_rank', 'a.posts', 'a.engagement_earned', 'a.amplified_count',
      'm.lang', 'me.sentiment_label', 'me.influence as mention_influence',
    ])
    .orderBy('me.published_at', 'desc')
    .execute();
  const sampled = rows.slice(0, limit);
  const languages = new Map<string, number>();
  const authors = new Map<string, AuthorSummary>();
  for (const r of sampled) {
    languages.set(r.lang, (languages.get(r.lang) ?? 0) + 1);
    let author = authors.get(r.id);
    if (!author) {
      author = {
        id: r.id,
        platform: r.platform,
        handle: r.handle,
        displayName: r.display_name,
        description: r.description,
        followers: Number(r.followers),
        verified: r.verified === 1,
        own: r.is_own === 1,
        influence: Number(r.influence),
        graphRank: Number(r.graph_rank),
        posts: Number(r.posts),
        engagementEarned: Number(r.engagement_earned),
        amplifiedCount: Number(r.amplified_count),
        mentions: 0,
        negativeMentions: 0,
        topMentionInfluence: 0,
      };
      authors.set(r.id, author);
    }
    author.mentions += 1;
    if (r.sentiment_label === 'negative') author.negativeMentions += 1;
    author.topMentionInfluence = Math.max(author.topMentionInfluence, Number(r.mention_influence));
  }
  const ranked = [...authors.values()].sort(
    (x, y) => y.influence - x.influence || y.topMentionInfluence - x.topMentionInfluence || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  let uniqueAudience = 0;
  for (const a of ranked) uniqueAudience += a.followers;
  return {
    coverage: { size: sampled.length, complete: rows.length <= limit },
    authors: ranked,
    languages: [...languages].map(([key, count]) => ({ key, count })),
    uniqueAudience,
  };
}

/** The authors who talked most influentially about an entity in a period (among its newest mentions). */
export async function topAuthors(db: Kysely<Database>, entityId: string, q: SampleQuery, limit = 20): Promise<AuthorSummary[]> {
  return (await authorSample(db, entityId, q)).authors.slice(0, Math.min(Math.max(limit, 1), 200));
}

/** The newest texts about an entity in the period (for topics), at most `limit`. */
export async function recentTexts(db: Kysely<Database>, entityId: string, q: PeriodQuery, limit = 500): Promise<string[]> {
  const rows = await db
    .selectFrom('mention_entities as me')
    .innerJoin('mentions as m', 'm.id', 'me.mention_id')
    .select('m.text')
    .where('m.published_at', '>=', q.from)
    .where('m.published_at', '<', q.to)
    .where('me.entity_id', '=', entityId)
    .where('me.published_at', '>=', q.from)
    .where('me.published_at', '<', q.to)
    .orderBy('me.published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.text);
}

/**
 * Posts and engagement of the given accounts in the period, whatever entity they name (an official account's post
 * need not say the brand's name). One row per account, zeros for accounts that did not post.
 */
export async function advocacyActivity(
  db: Kysely<Database>,
  accounts: readonly { kind: AdvocateKind; platform: string; handle: string }[],
  q: PeriodQuery,
): Promise<AdvocateActivity[]> {
  if (accounts.length === 0) return [];
  // Handles are stored as the platform gives them, with or without "@"; exact variants keep the (platform, handle) index usable.
  const variants = [...new Set(accounts.flatMap((a) => [a.handle, a.handle.toLowerCase()]).flatMap((h) => [h, `@${h}`]))];
  // "*" (ownHandles: { "*": [acme] }) is the same handle on every platform, as the score stage reads it.
  const platforms = [...new Set(accounts.map((a) => a.platform))];
  let query = db
    .selectFrom('authors as a')
    .innerJoin('mentions as m', 'm.author_id', 'a.id')
    .select((eb) => [
      'a.platform', 'a.handle',
      eb.fn.countAll<number>().as('posts'),
      eb.fn.sum<number>(eb.ref('m.likes')).as('likes'),
      eb.fn.sum<number>(eb.ref('m.reshares')).as('reshares'),
      eb.fn.sum<number>(eb.ref('m.replies')).as('replies'),
      eb.fn.sum<number>(eb.ref('m.quotes')).as('quotes'),
    ])
    .where('a.handle', 'in', variants)
    .where('m.published_at', '>=', q.from)
    .where('m.published_at', '<', q.to)
    .groupBy(['a.platform', 'a.handle']);
  if (!platforms.includes('*')) query = query.where('a.platform', 'in', platforms);
  const rows = await query.execute();
  const found = new Map<string, { posts: number; engagement: number }>();
  for (const r of rows) {
    const key = `${r.platform}\u0000${r.handle.replace(/^@/, '').toLowerCase()}`;
    const prev = found.get(key) ?? { posts: 0, engagement: 0 };
    found.set(key, {
      posts: prev.posts + Number(r.posts),
      engagement: prev.engagement + Number(r.likes) + Number(r.reshares) + Number(r.replies) + Number(r.quotes),
    });
  }
  const activityOf = (a: { platform: string; handle: string }) => {
    const handle = a.handle.toLowerCase();
    if (a.platform !== '*') return found.get(`${a.platform}\u0000${handle}`) ?? { posts: 0, engagement: 0 };
    let posts = 0;
    let engagement = 0;
    for (const [key, v] of found) {
      if (key.slice(key.indexOf('\u0000') + 1) !== handle) continue;
      posts += v.posts;
      engagement += v.engagement;
    }
    return { posts, engagement };
  };
  return accounts.map((a) => ({ ...a, ...activityOf(a) }));
}
