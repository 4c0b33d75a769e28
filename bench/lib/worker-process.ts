// Runs `vigie worker <stages>` as a child process, as production does, and reads its peak resident memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Stage } from '../../src/queue/names.js';
import { REPO_DIR, RESULTS_DIR } from './services.js';

export interface WorkerProcess {
  pid: number;
  /** VmHWM: the peak resident set of the process so far, in MB. */
  peakRssMb(): number;
  /** SIGTERM (finish jobs in flight), then wait for the exit. */
  stop(): Promise<void>;
}

export interface WorkerOptions {
  configPath: string;
  stages: readonly Stage[];
  /** Names the log file bench/results/logs/<label>.log. */
  label: string;
  /** Write V8 CPU profiles to bench/results/profiles/<label>/ when the process exits. */
  cpuProf?: boolean;
  logLevel?: string;
}

const READY_LINE = 'workers running';
const START_TIMEOUT_MS = 60_000;

function readKb(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : NaN;
}

export async function startWorkerProcess(o: WorkerOptions): Promise<WorkerProcess> {
  const logDir = join(RESULTS_DIR, 'logs');
  mkdirSync(logDir, { recursive: true });
  // One profile per thread (tsx's loader runs in its own): each process gets a folder.
  const profileDir = join(RESULTS_DIR, 'profiles', o.label);
  if (o.cpuProf) {
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
  }
  const nodeArgs = o.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, join(REPO_DIR, 'bin', 'vigie.js'), 'worker', ...o.stages, '-c', o.configPath], {
    cwd: REPO_DIR,
    env: { ...process.env, LOG_LEVEL: o.logLevel ?? 'info', LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(join(logDir, `${o.label}.log`));
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let peakKb = 0;
  const pid = child.pid!;
  // VmHWM is only readable while the process lives: sample it until it exits.
  const sample = () => {
    try {
      peakKb = Math.max(peakKb, readKb(pid, 'VmHWM'));
    } catch {
      /* the process has exited */
    }
  };
  const sampler = setInterval(sample, 500);

  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`${o.label}: no "${READY_LINE}" within ${START_TIMEOUT_MS / 1000} s (see bench/results/logs/${o.label}.log)`)), START_TIMEOUT_MS);
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      log.write(chunk);
      buffered = (buffered + chunk.toString()).slice(-4096);
      if (buffered.includes(READY_LINE)) {
        clearTimeout(timer);
        ready();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`${o.label} exited with code ${code} before it was ready (see bench/results/logs/${o.label}.log)`));
    });
  });

  return {
    pid,
    peakRssMb: () => (sample(), peakKb / 1024),
    async stop() {
      sample();
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      clearInterval(sampler);
      log.end();
    },
  };
}
