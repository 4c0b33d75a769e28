// The interaction graph between authors (who reshares, quotes or replies to whom) and its PageRank.
import type { MentionInput } from '../domain/mention.js';

export interface InteractionEdge {
  /** The author who amplifies or answers. */
  from: string;
  /** The author being amplified or answered: rank flows to them. */
  to: string;
  weight?: number;
}

export interface PageRankOptions {
  /** Probability of following an edge rather than jumping anywhere. @defaultValue 0.85 */
  damping?: number;
  /** @defaultValue 100 */
  maxIterations?: number;
  /** Stop when the summed change of all ranks falls below this. @defaultValue 1e-10 */
  tolerance?: number;
}

// A reshare spreads the author's words unchanged, a quote adds commentary, a reply may argue back.
const EDGE_WEIGHT = { reshare: 1, quote: 0.8, reply: 0.5 } as const;

/** Author key unique across platforms. */
export function authorKey(platform: string, externalId: string): string {
  return `${platform}:${externalId}`;
}

/** Edges from each mention's author to the author of the post it reshares, quotes or replies to (when that post is known). */
export function buildInteractionGraph(mentions: readonly MentionInput[]): InteractionEdge[] {
  const authorOfPost = new Map<string, string>();
  for (const mention of mentions) authorOfPost.set(authorKey(mention.platform, mention.externalId), authorKey(mention.platform, mention.author.externalId));
  const edges: InteractionEdge[] = [];
  for (const mention of mentions) {
    const from = authorKey(mention.platform, mention.author.externalId);
    const targets: [string | undefined, number][] = [
      [mention.reshareOf, EDGE_WEIGHT.reshare],
      [mention.quoteOf, EDGE_WEIGHT.quote],
      [mention.replyTo, EDGE_WEIGHT.reply],
    ];
    for (const [postId, weight] of targets) {
      if (!postId) continue;
      const to = authorOfPost.get(authorKey(mention.platform, postId));
      if (to && to !== from) edges.push({ from, to, weight });
    }
  }
  return edges;
}

/**
 * Weighted PageRank by power iteration. Ranks sum to 1. A node with no outgoing edge (it amplifies nobody)
 * spreads its rank evenly over every node, so rank is not lost; parallel edges add their weights.
 */
export function pageRank(edges: readonly InteractionEdge[], options: PageRankOptions = {}): Map<string, number> {
  const damping = options.damping ?? 0.85;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  const index = new Map<string, number>();
  const nodeOf = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = index.size;
      index.set(id, i);
    }
    return i;
  };
  const links: { from: number; to: number; weight: number }[] = [];
  for (const edge of edges) links.push({ from: nodeOf(edge.from), to: nodeOf(edge.to), weight: edge.weight ?? 1 });
  const n = index.size;
  const ranks = new Map<string, number>();
  if (n === 0) return ranks;
  const outWeight = new Float64Array(n);
  for (const link of links) outWeight[link.from] += link.weight;
  let rank = new Float64Array(n).fill(1 / n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let danglingMass = 0;
    for (let i = 0; i < n; i++) if (outWeight[i] === 0) danglingMass += rank[i];
    const next = new Float64Array(n).fill((1 - damping) / n + (damping * danglingMass) / n);
    for (const link of links) next[link.to] += (damping * rank[link.from] * link.weight) / outWeight[link.from];
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs(next[i] - rank[i]);
    rank = next;
    if (change < tolerance) break;
  }
  for (const [id, i] of index) ranks.set(id, rank[i]);
  return ranks;
}

/**
 * Rank relative to the graph, 0..1: 1 for the top node, a node at the uniform share (1/n) gets 0 — being in the
 * graph without being amplified earns nothing.
 */
export function normaliseRanks(ranks: ReadonlyMap<string, number>): Map<string, number> {
  const n = ranks.size;
  const top = Math.max(0, ...ranks.values());
  const floor = n > 0 ? 1 / n : 0;
  const normalised = new Map<string, number>();
  for (const [id, rank] of ranks) normalised.set(id, top > floor ? Math.max(0, (rank - floor) / (top - floor)) : 0);
  return normalised;
}
