// Reads the interaction graph and per-author activity from stored mentions, and writes influence back.
import type { Kysely } from 'kysely';
import type { InteractionEdge } from '../scoring/author-graph.js';
import { chunkRows } from './chunk.js';
import type { Database } from './tables.js';

/** Who reshared, quoted or answered whom since `since`, weighted by how often. */
export async function interactionEdges(db: Kysely<Database>, since: number): Promise<InteractionEdge[]> {
  const rows = await db
    .selectFrom('mentions as m')
    .innerJoin('mentions as t', (join) =>
      join.on((eb) => eb.or([eb('t.id', '=', eb.ref('m.reshare_of')), eb('t.id', '=', eb.ref('m.quote_of')), eb('t.id', '=', eb.ref('m.reply_to'))])),
    )
    .select((eb) => ['m.author_id as from', 't.author_id as to', eb.fn.countAll<number>().as('weight')])
    .where('m.published_at', '>=', since)
    .whereRef('m.author_id', '!=', 't.author_id')
    .groupBy(['m.author_id', 't.author_id'])
    .execute();
  return rows.map((r) => ({ from: r.from, to: r.to, weight: Number(r.weight) }));
}

export interface AuthorActivity {
  id: string;
  followers: number;
  verified: boolean;
  description: string | null;
  isOwn: boolean;
  posts: number;
  engagementEarned: number;
}

export async function authorActivity(db: Kysely<Database>, since: number): Promise<AuthorActivity[]> {
  const rows = await db
    .selectFrom('mentions as m')
    .innerJoin('authors as a', 'a.id', 'm.author_id')
    .select((eb) => [
      'a.id', 'a.followers', 'a.verified', 'a.description', 'a.is_own',
      eb.fn.countAll<number>().as('posts'),
      eb.fn.sum<number>(eb(eb(eb('m.likes', '+', eb.ref('m.reshares')), '+', eb.ref('m.replies')), '+', eb.ref('m.quotes'))).as('earned'),
    ])
    .where('m.published_at', '>=', since)
    .groupBy(['a.id', 'a.followers', 'a.verified', 'a.description', 'a.is_own'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    followers: Number(r.followers),
    verified: r.verified === 1,
    description: r.description,
    isOwn: r.is_own === 1,
    posts: Number(r.posts),
    engagementEarned: Number(r.earned ?? 0),
  }));
}

export interface AuthorInfluenceUpdate {
  id: string;
  posts: number;
  engagementEarned: number;
  amplifiedCount: number;
  graphRank: number;
  influence: number;
}

export async function writeAuthorInfluence(db: Kysely<Database>, updates: readonly AuthorInfluenceUpdate[]): Promise<void> {
  for (const chunk of chunkRows(updates, 1, 500)) {
    await db.transaction().execute(async (trx) => {
      for (const u of chunk) {
        await trx
          .updateTable('authors')
          .set({ posts: u.posts, engagement_earned: u.engagementEarned, amplified_count: u.amplifiedCount, graph_rank: u.graphRank, influence: u.influence })
          .where('id', '=', u.id)
          .execute();
      }
    });
  }
}
