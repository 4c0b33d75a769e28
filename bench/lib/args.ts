// Command-line flags of `npm run bench`: which cases to run and how big.
export const CASE_IDS = ['scoring', 'ingest', 'scale-out', 'alert-latency', 'dashboard', 'sqlite'] as const;
export type CaseId = (typeof CASE_IDS)[number];

export interface BenchArgs {
  /** Cases to run, in the order of CASE_IDS. */
  cases: CaseId[];
  /** Smaller N everywhere: a smoke run of a few minutes, whose figures are not the reference ones. */
  quick: boolean;
  /** Run the worker processes under `node --cpu-prof`, profiles written to bench/results/profiles/. */
  cpuProf: boolean;
  /** Run the ingest and scale-out cases on a private 3-master Redis Cluster instead of one Redis. */
  redisCluster: boolean;
}

export const USAGE = `usage: npm run bench -- [--only <case>[,<case>...]] [--quick] [--cpu-prof] [--redis-cluster]
cases: ${CASE_IDS.join(', ')}`;

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let only: CaseId[] | undefined;
  let quick = false;
  let cpuProf = false;
  let redisCluster = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--cpu-prof') cpuProf = true;
    else if (arg === '--redis-cluster') redisCluster = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      if (!value) throw new Error(`--only needs a case name\n${USAGE}`);
      only = value.split(',').map((name) => {
        if (!(CASE_IDS as readonly string[]).includes(name)) throw new Error(`unknown case "${name}"\n${USAGE}`);
        return name as CaseId;
      });
    } else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  return { cases: only ? CASE_IDS.filter((c) => only!.includes(c)) : [...CASE_IDS], quick, cpuProf, redisCluster };
}
