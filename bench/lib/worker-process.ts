// Runs `vigie worker <stages>` as a child process, as production does (compiled, with the heap cap the README
// recommends), and reads its peak resident memory.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
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

/**
 * The V8 heap limits of a worker process, as README "Operating" recommends for production workers: old space capped
 * at 192 MB, and young semi-spaces at 8 MB instead of 16 (the young generation is three of them). The smaller young
 * generation took 20-50 MB off the peak resident memory of the ingest cases (the default let it wander between 266 and
 * 307 MB from run to run) for about 9 % of PostgreSQL ingest throughput.
 */
export const WORKER_NODE_FLAGS = ['--max-old-space-size=192', '--max-semi-space-size=8'];

/** Compiled once per bench run into bench/results/build, so the workers run what production runs, never tsx. */
const BUILD_DIR = join(RESULTS_DIR, 'build');
let compiled = false;

function compileOnce(): void {
  if (compiled) return;
  console.log('  compiling Vigie for the worker processes (tsc)');
  rmSync(BUILD_DIR, { recursive: true, force: true });
  execFileSync(process.execPath, [join(REPO_DIR, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR], { cwd: REPO_DIR, stdio: 'inherit' });
  execFileSync(process.execPath, [join(REPO_DIR, 'scripts', 'copy-build-assets.mjs'), BUILD_DIR], { cwd: REPO_DIR, stdio: 'inherit' });
  compiled = true;
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
  // One profile per thread: each process gets a folder.
  const profileDir = join(RESULTS_DIR, 'profiles', o.label);
  if (o.cpuProf) {
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
  }
  compileOnce();
  const nodeArgs = [...WORKER_NODE_FLAGS, ...(o.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, join(BUILD_DIR, 'src', 'cli.js'), 'worker', ...o.stages, '-c', o.configPath], {
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
      // A process that has exited but is not yet reaped still has a status file, without VmHWM.
      const kb = readKb(pid, 'VmHWM');
      if (Number.isFinite(kb)) peakKb = Math.max(peakKb, kb);
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
