// Opens ioredis connections for BullMQ (one Redis or a Redis Cluster), with an error that says where we looked and how to start Redis.
import { Cluster, Redis, type ClusterNode, type RedisOptions } from 'ioredis';
import type { ClusterSeeds } from './cluster-seeds.js';

export class RedisUnavailableError extends Error {
  constructor(where: string, cause: string) {
    super(
      `Redis is not reachable at ${where} (${cause}). Start it with:\n` +
        `  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no\n` +
        `or set REDIS_URL=redis://host:port to a Redis you run elsewhere (redis.cluster: [host:port, ...] for a cluster).`,
    );
    this.name = 'RedisUnavailableError';
  }
}

/** A single Redis or a cluster: every Vigie key carries the hash-tagged prefix, so both answer the same commands. */
export type RedisClient = Redis | Cluster;

export interface RedisTarget {
  url?: string;
  /** A unix socket path (the embedded Redis Vigie starts itself). */
  socket?: string;
  /** Seed nodes of a Redis Cluster; the client discovers the others. */
  cluster?: ClusterSeeds;
}

export function describeRedis(target: RedisTarget): string {
  if (target.cluster) return `cluster ${target.cluster.nodes.map((n) => `${n.host}:${n.port}`).join(',')}`;
  if (target.socket) return `unix:${target.socket}`;
  if (!target.url) return '127.0.0.1:6379';
  const u = new URL(target.url);
  return `${u.hostname}:${u.port || 6379}`; // never the password
}

/** A connection suitable for BullMQ workers (no per-command retry limit: blocking commands must wait). */
export function createRedis(target: RedisTarget, extra: RedisOptions = {}): RedisClient {
  const options: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false, ...extra };
  if (target.cluster) return createCluster(target.cluster, options);
  if (target.socket) return new Redis({ path: target.socket, ...options });
  if (target.url) return new Redis(target.url, options);
  return new Redis({ host: '127.0.0.1', port: 6379, ...options });
}

function createCluster(seeds: ClusterSeeds, options: RedisOptions): Cluster {
  const { lazyConnect, enableReadyCheck, retryStrategy, ...perNode } = options;
  const nodes: ClusterNode[] = seeds.nodes.map((n) => ({ host: n.host, port: n.port }));
  return new Cluster(nodes, {
    lazyConnect,
    enableReadyCheck,
    // A failed first connection gives up like the single-Redis client does when told to (doctor, ping).
    ...(retryStrategy ? { clusterRetryStrategy: (times: number) => retryStrategy(times) ?? null } : {}),
    redisOptions: {
      ...perNode,
      ...(seeds.username ? { username: seeds.username } : {}),
      ...(seeds.password ? { password: seeds.password } : {}),
      ...(seeds.tls ? { tls: {} } : {}),
    },
  });
}

export const isCluster = (client: RedisClient): client is Cluster => client instanceof Cluster;

/** Resolves when Redis (every master, for a cluster) answers PING; rejects with RedisUnavailableError otherwise. */
export async function pingRedis(target: RedisTarget, timeoutMs = 3000): Promise<void> {
  const client = createRedis(target, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null, connectTimeout: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    if (isCluster(client)) {
      const state = /cluster_state:(\w+)/.exec(String(await client.cluster('INFO')))?.[1];
      if (state !== 'ok') throw new Error(`cluster_state is ${state ?? 'unknown'}, not ok`);
      await Promise.all(client.nodes('master').map((node) => node.ping()));
    } else await client.ping();
  } catch (error) {
    throw new RedisUnavailableError(describeRedis(target), (error as Error).message || String(error));
  } finally {
    client.disconnect();
  }
}

/**
 * BullMQ keeps jobs as Redis keys: under any eviction policy but noeviction, a full Redis silently drops queued jobs.
 * Returns one sentence per node whose policy is another (every master of a cluster is asked).
 */
export async function evictionProblems(client: RedisClient): Promise<string[]> {
  const nodes: Redis[] = isCluster(client) ? client.nodes('master') : [client];
  const problems: string[] = [];
  for (const node of nodes) {
    const reply = (await node.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1] ?? 'unknown';
    if (policy !== 'noeviction') problems.push(`${node.options.host ?? node.options.path}:${node.options.port} has maxmemory-policy ${policy}`);
  }
  return problems;
}
