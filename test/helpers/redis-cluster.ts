// Starts a throwaway 3-master Redis Cluster on 127.0.0.1 (own ports, own folder) for tests and the bench, and stops it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ClusterSeeds } from '../../src/queue/cluster-seeds.js';

const run = promisify(execFile);

export interface TestRedisCluster {
  seeds: ClusterSeeds;
  /** The seeds as the config writes them: ["127.0.0.1:port", ...]. */
  addresses: string[];
  stop(): Promise<void>;
}

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A port free along with its cluster bus port (port + 10000), which redis-server opens too. */
async function freePort(taken: Set<number>): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    if (taken.has(port) || taken.has(port + 10_000) || taken.has(port - 10_000)) continue;
    if ((await portFree(port)) && (await portFree(port + 10_000))) return port;
  }
  throw new Error('no free port pair for a Redis Cluster node');
}

async function cli(port: number, ...args: string[]): Promise<string> {
  return (await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { timeout: 30_000 })).stdout;
}

/** Three masters, no replicas, no persistence: enough for every key-slot and pub/sub path Vigie takes. */
export async function startRedisCluster(masters = 3): Promise<TestRedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-redis-cluster-'));
  const taken = new Set<number>();
  const ports: number[] = [];
  for (let i = 0; i < masters; i++) {
    const port = await freePort(taken);
    taken.add(port);
    ports.push(port);
  }
  const stop = async () => {
    await Promise.all(ports.map((port) => cli(port, 'shutdown', 'nosave').catch(() => {})));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports) {
      await run('redis-server', [
        '--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes',
        '--cluster-config-file', join(dir, `nodes-${port}.conf`), '--dir', dir, '--dbfilename', `dump-${port}.rdb`,
        '--save', '', '--appendonly', 'no', '--daemonize', 'yes', '--logfile', join(dir, `redis-${port}.log`),
        '--maxmemory-policy', 'noeviction',
      ]);
    }
    for (const port of ports) await waitFor(async () => (await cli(port, 'ping').catch(() => '')).includes('PONG'), `node ${port} to answer`);
    await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], { timeout: 60_000 });
    // CLUSTERDOWN for a moment after creation: wait until every node agrees the cluster is ok.
    for (const port of ports) await waitFor(async () => (await cli(port, 'cluster', 'info')).includes('cluster_state:ok'), `node ${port} to report cluster_state:ok`);
  } catch (error) {
    const logs = ports.map((p) => { try { return readFileSync(join(dir, `redis-${p}.log`), 'utf8').slice(-500); } catch { return ''; } }).join('\n');
    await stop();
    throw new Error(`cannot start a Redis Cluster (needs redis-server and redis-cli 7, apt-get install redis-server): ${(error as Error).message}\n${logs}`);
  }
  const addresses = ports.map((p) => `127.0.0.1:${p}`);
  return { seeds: { nodes: ports.map((port) => ({ host: '127.0.0.1', port })) }, addresses, stop };
}

async function waitFor(ok: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
