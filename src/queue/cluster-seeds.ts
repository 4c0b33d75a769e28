// The seed nodes of a Redis Cluster, read from the config's `redis.cluster` (pure: no connection here).

export interface ClusterSeeds {
  nodes: { host: string; port: number }[];
  username?: string;
  password?: string;
  tls?: boolean;
}

/**
 * `redis.cluster` as written in the config: a list of "host:port", or one URL whose host part lists the seeds,
 * `redis://[user:password@]host1:port1,host2:port2` (rediss:// for TLS). Throws a sentence naming what is wrong.
 */
export function parseClusterSeeds(value: string | readonly string[]): ClusterSeeds {
  let list: string[];
  let auth: Pick<ClusterSeeds, 'username' | 'password' | 'tls'> = {};
  if (typeof value === 'string') {
    const m = /^(rediss?):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?#]+)\/?$/i.exec(value.trim());
    if (!m) throw new Error('expected redis://[user:password@]host:port,host:port,... or a list of "host:port"');
    auth = { tls: m[1].toLowerCase() === 'rediss', ...(m[2] ? { username: decodeURIComponent(m[2]) } : {}), ...(m[3] ? { password: decodeURIComponent(m[3]) } : {}) };
    list = m[4].split(',');
  } else list = [...value];
  if (list.length === 0) throw new Error('expected at least one "host:port" seed node');
  const nodes = list.map((entry) => {
    const m = /^\s*\[?([^\]\s]+?)\]?:(\d{1,5})\s*$/.exec(entry);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) throw new Error(`"${entry}" is not host:port`);
    return { host: m[1], port: Number(m[2]) };
  });
  return { nodes, ...auth };
}
