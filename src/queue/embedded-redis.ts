// On the embedded default (no REDIS_URL) with nothing on 127.0.0.1:6379, runs a private redis-server on a socket under data/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pingRedis, RedisUnavailableError, type RedisTarget } from './redis-connection.js';

export interface EmbeddedRedis {
  target: RedisTarget;
  stop(): Promise<void>;
}

export function redisServerInstalled(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

export async function startEmbeddedRedis(dataDir: string): Promise<EmbeddedRedis> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const socket = resolve(dir, 'redis.sock');
  if (existsSync(socket)) rmSync(socket); // left by a crashed run
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', '0', '--unixsocket', socket, '--unixsocketperm', '700', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const target = { socket };
  for (let i = 0; i < 50; i++) {
    if (child.exitCode !== null) break;
    try {
      await pingRedis(target, 500);
      return {
        target,
        stop: async () => {
          if (child.exitCode === null) {
            child.kill('SIGTERM');
            await new Promise((done) => child.once('exit', done));
          }
        },
      };
    } catch {
      await sleep(100);
    }
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(`unix:${socket}`, 'the private redis-server did not start');
}
