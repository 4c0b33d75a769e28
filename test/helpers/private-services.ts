// Private Redis and PostgreSQL instances for chaos tests: stopped and restarted at will, never the shared ones.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export interface PrivateRedis {
  url: string;
  port: number;
  /** SIGTERM, as an orchestrator would; resolves once the process is gone. */
  stop(): Promise<void>;
  /** Starts again on the same port, with the same append-only file. */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * A redis-server of one's own. It keeps an append-only file (as a production Redis behind BullMQ should),
 * so that a restart loses nothing that was acknowledged; `persistent: false` gives the plain in-memory one.
 */
export async function startPrivateRedis(options: { persistent?: boolean } = {}): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'vigie-redis-'));
  const persistence = options.persistent === false ? ['--appendonly', 'no'] : ['--appendonly', 'yes', '--appendfsync', 'always'];
  let child: ChildProcess | undefined;
  const ping = () =>
    new Promise<boolean>((resolve) => {
      const r = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' });
      resolve(r.stdout.trim() === 'PONG');
    });
  const redis: PrivateRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      if (child && child.exitCode === null && child.signalCode === null) return;
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir, ...persistence], { stdio: 'ignore' });
      await waitFor(ping, `private redis-server on port ${port} (is redis-server installed? apt-get install -y redis-server)`);
    },
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    },
    async destroy() {
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await redis.start();
  return redis;
}

export interface PrivatePostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** Runs a PostgreSQL binary as the postgres user: initdb and pg_ctl refuse to run as root. */
function asPostgres(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const r = spawnSync(asRoot ? 'runuser' : command, asRoot ? ['-u', 'postgres', '--', command, ...args] : args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
}

/** A PostgreSQL 15 cluster of one's own in a temp dir, trust auth, database "test". */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'vigie-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  asPostgres(`${PG_BIN}/initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const url = `postgres://postgres@127.0.0.1:${port}/test`;
  const canConnect = async (database: string) => {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/${database}` });
    try {
      await client.connect();
      return true;
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  const cluster: PrivatePostgres = {
    url,
    port,
    async start() {
      asPostgres(`${PG_BIN}/pg_ctl`, ['-D', data, '-o', `-p ${port} -k ${dir} -c fsync=off -c listen_addresses=127.0.0.1`, '-l', join(dir, 'log'), '-w', 'start']);
      await waitFor(() => canConnect('postgres'), `private PostgreSQL on port ${port}`);
    },
    async stop() {
      asPostgres(`${PG_BIN}/pg_ctl`, ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    async destroy() {
      await cluster.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE test');
  await admin.end();
  return cluster;
}

function postgresUser(): { uid: number; gid: number } {
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('no "postgres" user: install PostgreSQL 15 (apt-get install -y postgresql-15)');
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}
