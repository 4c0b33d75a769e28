// Evaluation of crisis detection on simulated timelines: recall, false alerts per entity-week and delay, per volume level and scenario.
// Usage: npm run eval:detection [-- --json] [--seed 1] [--runs 8] [--levels 5,50,500,5000] [--kinds slow_burn,...] [--step 2] [--workers 2]
//        [--params '{"emergingTopic":{"minAuthors":3}}'] (detector parameters over the defaults, as in config)
//        [--sim realistic|poisson] (realistic, the default: reshare cascades, benign spikes, news days, outages; sim-bursts.ts)
//        [--calibration [--nab ../shared/eval/nab_dev]] prints the simulator's burstiness beside real series' and exits
// Parameters were tuned with --seed 1000; the reported figures use the default seed 1.
// Cells are shared among child processes (one per core by default); each prints its cells as JSON to the parent.
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { burstinessStats, type BurstinessStats } from '../src/detection/burstiness-stats.js';
import { detectionParamsSchema } from '../src/detection/detection-params.js';
import { REALISTIC_BURSTS } from '../src/detection/sim-bursts.js';
import { parseCountCsv } from '../src/detection/series-csv.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, WEEK_MS, severityRank } from '../src/detection/series.js';
import { Random } from '../src/detection/sim-random.js';
import { detectionFloorMinutes } from '../src/detection/sim-floor.js';
import { replayTimeline } from '../src/detection/sim-replay.js';
import { CRISIS_KINDS, type ScenarioKind, TRAP_KINDS, simulateTimeline } from '../src/detection/simulator.js';

interface CellResult {
  level: number;
  kind: ScenarioKind;
  isCrisis: boolean;
  runs: number;
  detected: number;
  recall: number | null;
  falseAlerts: number;
  falseAlertsPerEntityWeek: number;
  /** Minutes from onset to the first alert, one per detected run (pooled per level in the summary). */
  delays: number[];
  delayMedianMinutes: number | null;
  delayP90Minutes: number | null;
  /** Minutes to the first alert of medium severity or more: what config/vigie.yaml routes to a channel. */
  mediumDelays: number[];
  /** Median delay to the first alert of medium severity or more. */
  mediumDelayMedianMinutes: number | null;
  /** Median over the runs of the detection floor (sim-floor.ts): the delay no count-based detector can beat. */
  floorMedianMinutes: number | null;
  detectors: Record<string, number>;
  /** Detectors behind the false alerts, to see what to tune. */
  falseAlertDetectors: Record<string, number>;
}

const HISTORY_DAYS = 28;
const EVAL_DAYS = 7;
/** An alert opened this long after a crisis ends still belongs to it (not a false alert). */
const AFTERMATH_MS = 2 * HOUR_MS;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const json = process.argv.includes('--json');
const seed = Number(option('seed', '1'));
const runs = Number(option('runs', '8'));
const stepMinutes = Number(option('step', '2'));
const levels = option('levels', '5,50,500,5000').split(',').map(Number);
const kinds: ScenarioKind[] = (option('kinds', [...CRISIS_KINDS, ...TRAP_KINDS].join(',')).split(',') as ScenarioKind[]);
const params = detectionParamsSchema.parse(JSON.parse(option('params', '{}')));
const simKind = option('sim', 'realistic');
if (simKind !== 'realistic' && simKind !== 'poisson') throw new Error(`--sim: expected realistic or poisson, got ${simKind}`);
const bursts = simKind === 'realistic' ? REALISTIC_BURSTS : undefined;

if (process.argv.includes('--calibration')) {
  calibration(option('nab', '../shared/eval/nab_dev'));
  process.exit(0);
}

/** Burstiness of the real series (5-minute counts) beside the simulator's at comparable usual levels (35 days, 3 seeds each). */
function calibration(nabDir: string): void {
  const FIVE_MIN = 5 * MINUTE_MS;
  const rows: [string, BurstinessStats][] = [];
  if (existsSync(nabDir)) {
    for (const file of readdirSync(nabDir).filter((f) => f.endsWith('.csv')).sort()) {
      const points = parseCountCsv(readFileSync(join(nabDir, file), 'utf8'));
      const start = points[0].at;
      const counts = new Float64Array(Math.round((points[points.length - 1].at - start) / FIVE_MIN) + 1);
      for (const p of points) counts[Math.round((p.at - start) / FIVE_MIN)] += p.value;
      rows.push([`real ${file.replace(/^Twitter_volume_|\.csv$/g, '')}`, burstinessStats(counts, start, FIVE_MIN)]);
    }
  } else console.log(`(${nabDir} not found: simulator figures only)`);
  for (const level of [5, 50, 200, 1000, 5000]) {
    const runs = [1, 2, 3].map((s) => {
      const t = simulateTimeline({ seed: seed * 7919 + s, meanPerHour: level, start: Date.UTC(2026, 0, 5), days: 35, events: [], notableFrom: Infinity, ...(bursts ? { bursts } : {}) });
      const counts = new Float64Array(Math.floor(t.minutes.length / 5));
      for (let i = 0; i < counts.length * 5; i++) counts[Math.floor(i / 5)] += t.minutes[i].total;
      return burstinessStats(counts, t.start, FIVE_MIN);
    });
    const mean = (f: (s: BurstinessStats) => number) => runs.reduce((a, s) => a + f(s), 0) / runs.length;
    rows.push([
      `sim ${level}/h (${simKind})`,
      {
        meanPerHour: mean((s) => s.meanPerHour),
        zeroShare: mean((s) => s.zeroShare),
        dispersionStep: mean((s) => s.dispersionStep),
        dispersionStepMedian: mean((s) => s.dispersionStepMedian),
        dispersionHour: mean((s) => s.dispersionHour),
        spikesPerWeek: mean((s) => s.spikesPerWeek),
        spikeRatio: [0, 1, 2].map((k) => mean((s) => s.spikeRatio[k])) as [number, number, number],
      },
    ]);
  }
  console.log('5-minute counts. ID: variance / mean (1 = Poisson) within each hour (pooled, and the median hour) and of hourly counts within 6 h.');
  console.log('spikes: a 5-min count >= 5x the mean of the previous 24 h and >= 10, episodes an hour apart; ratio = peak / that mean.');
  console.log('series                    mean/h  zeros  ID 5min  ID 5min median  ID 1h  spikes/week  spike ratio p50 / p90 / max');
  for (const [name, s] of rows) {
    console.log(
      `${name.padEnd(24)} ${s.meanPerHour.toFixed(0).padStart(7)}  ${(s.zeroShare * 100).toFixed(0).padStart(4)}%  ${s.dispersionStep.toFixed(1).padStart(7)}  ${s.dispersionStepMedian.toFixed(2).padStart(14)}  ${s.dispersionHour.toFixed(0).padStart(5)}  ${s.spikesPerWeek.toFixed(1).padStart(11)}  ${s.spikeRatio.map((r) => r.toFixed(0)).join(' / ')}`,
    );
  }
}

function runCell(level: number, kind: ScenarioKind, kindIndex: number): CellResult {
  const isCrisis = (CRISIS_KINDS as readonly string[]).includes(kind);
  const delays: number[] = [];
  const floors: number[] = [];
  const mediumDelays: number[] = [];
  const detectors: Record<string, number> = {};
  const falseAlertDetectors: Record<string, number> = {};
  let detected = 0;
  let falseAlerts = 0;
  for (let r = 0; r < runs; r++) {
    // Derived from the level and kind themselves, so a cell gives the same figures whatever else is run.
    const runSeed = (seed * 1_000_003 + level * 10_007 + kindIndex * 101 + r) | 0;
    const rng = new Random(runSeed ^ 0x5bd1e995);
    // A Monday in 2026, shifted by a random number of days and hours so weekdays and hours vary between runs.
    const start = Date.UTC(2026, 0, 5) + rng.int(0, 6) * DAY_MS + rng.int(0, 23) * HOUR_MS;
    const evalStart = start + HISTORY_DAYS * DAY_MS;
    const evalEnd = evalStart + EVAL_DAYS * DAY_MS;
    const onset = evalStart + DAY_MS + Math.floor(rng.uniform(0, 4 * DAY_MS) / MINUTE_MS) * MINUTE_MS;
    const timeline = simulateTimeline({
      seed: runSeed,
      meanPerHour: level,
      start,
      days: HISTORY_DAYS + EVAL_DAYS,
      events: [{ kind, at: onset }],
      notableFrom: evalStart - 27 * HOUR_MS,
      ...(bursts ? { bursts } : {}),
    });
    const event = timeline.events[0];
    const floor = isCrisis ? detectionFloorMinutes(event.excessNegative, event.usualNegativeMean) : null;
    if (floor !== null) floors.push(floor);
    const log = replayTimeline(timeline, { from: evalStart, to: evalEnd, stepMinutes, params });
    let found = false;
    let foundMedium = false;
    for (const { at, action } of log.actions) {
      const inCrisis = isCrisis && at >= event.onsetAt && at < event.endAt + AFTERMATH_MS;
      if (action.type === 'open' && !inCrisis) {
        falseAlerts++;
        for (const d of action.alert.detectors) falseAlertDetectors[d] = (falseAlertDetectors[d] ?? 0) + 1;
        if (process.env.VIGIE_EVAL_DEBUG) console.error(level, kind, r, ((at - event.onsetAt) / HOUR_MS).toFixed(1), 'h after onset:', action.alert.why);
      }
      if (!found && isCrisis && (action.type === 'open' || action.type === 'escalate') && at >= event.onsetAt && at < event.endAt) {
        found = true;
        detected++;
        delays.push((at - event.onsetAt) / MINUTE_MS);
        for (const d of action.alert.detectors) detectors[d] = (detectors[d] ?? 0) + 1;
      }
      if (!foundMedium && isCrisis && (action.type === 'open' || action.type === 'escalate') && at >= event.onsetAt && at < event.endAt && severityRank(action.alert.severity) >= severityRank('medium')) {
        foundMedium = true;
        mediumDelays.push((at - event.onsetAt) / MINUTE_MS);
      }
    }
  }
  const entityWeeks = (runs * EVAL_DAYS * DAY_MS) / WEEK_MS;
  return {
    level,
    kind,
    isCrisis,
    runs,
    detected,
    recall: isCrisis ? detected / runs : null,
    falseAlerts,
    falseAlertsPerEntityWeek: falseAlerts / entityWeeks,
    delays,
    mediumDelays,
    ...delayStats(delays, mediumDelays),
    floorMedianMinutes: floors.length ? quantile(floors, 0.5) : null,
    detectors,
    falseAlertDetectors,
  };
}

/** Median and p90 of the delays to the first alert, and median of those to the first medium+ one (null: none). */
function delayStats(delays: number[], mediumDelays: number[]) {
  const at = (values: number[], q: number) => (values.length ? quantile(values, q) : null);
  return { delayMedianMinutes: at(delays, 0.5), delayP90Minutes: at(delays, 0.9), mediumDelayMedianMinutes: at(mediumDelays, 0.5) };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

const started = Date.now();
const cellList = levels.flatMap((level) => kinds.map((kind) => ({ level, kind, ki: [...CRISIS_KINDS, ...TRAP_KINDS].indexOf(kind) })));
const shard = option('shard', '');
if (shard) {
  // Child: run every cell whose position falls in this shard and hand the results back.
  const [index, count] = shard.split('/').map(Number);
  const mine = cellList.filter((_, i) => i % count === index).map((c) => runCell(c.level, c.kind, c.ki));
  process.send!(mine, () => process.exit(0));
} else {
  const workers = Math.max(1, Math.min(Number(option('workers', String(availableParallelism()))), cellList.length));
  const parts = await Promise.all(
    Array.from({ length: workers }, (_, index) =>
      new Promise<CellResult[]>((resolve, reject) => {
        const child = fork(process.argv[1], [...process.argv.slice(2), '--shard', `${index}/${workers}`], { execArgv: process.execArgv });
        child.once('message', (cells) => resolve(cells as CellResult[]));
        child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`evaluation shard ${index} exited with ${code}`))));
      }),
    ),
  );
  const byKey = new Map(parts.flat().map((c) => [`${c.level}|${c.kind}`, c]));
  report(cellList.map((c) => byKey.get(`${c.level}|${c.kind}`)!));
}

function report(results: CellResult[]): void {
  const summary = levels.map((level) => {
    const cells = results.filter((c) => c.level === level);
    const crises = cells.filter((c) => c.isCrisis);
    const entityWeeks = cells.reduce((sum, c) => sum + (c.runs * EVAL_DAYS) / 7, 0);
    // Every crisis run of the level, whatever its kind: the issue's targets are per volume level.
    const delays = crises.flatMap((c) => c.delays);
    const mediumDelays = crises.flatMap((c) => c.mediumDelays);
    return {
      level,
      recall: crises.reduce((s, c) => s + c.detected, 0) / Math.max(1, crises.reduce((s, c) => s + c.runs, 0)),
      falseAlertsPerEntityWeek: cells.reduce((s, c) => s + c.falseAlerts, 0) / entityWeeks,
      ...delayStats(delays, mediumDelays),
    };
  });

  if (json) {
    console.log(JSON.stringify({ seed, runs, stepMinutes, evalDaysPerRun: EVAL_DAYS, seconds: (Date.now() - started) / 1000, cells: results, summary }, null, 2));
  } else {
    const fmt = (x: number | null, digits = 1) => (x === null ? '-' : x.toFixed(digits));
    for (const level of levels) {
      console.log(`\n${level} mentions/hour (${runs} runs x ${EVAL_DAYS} days per scenario, seed ${seed}, step ${stepMinutes} min, ${simKind} simulator)`);
      console.log('scenario             recall  false/entity-week  delay median  delay p90  medium+ median  floor median  detectors (first alert) | (false alerts)');
      for (const c of results.filter((r) => r.level === level)) {
        const recall = c.recall === null ? '  trap' : `${(c.recall * 100).toFixed(0).padStart(5)}%`;
        const list = (counts: Record<string, number>) => Object.entries(counts).map(([d, n]) => `${d}:${n}`).join(' ');
        const dets = `${list(c.detectors)}${Object.keys(c.falseAlertDetectors).length ? ` | ${list(c.falseAlertDetectors)}` : ''}`;
        console.log(`${c.kind.padEnd(20)} ${recall}  ${fmt(c.falseAlertsPerEntityWeek, 2).padStart(17)}  ${fmt(c.delayMedianMinutes).padStart(12)}  ${fmt(c.delayP90Minutes).padStart(9)}  ${fmt(c.mediumDelayMedianMinutes).padStart(14)}  ${fmt(c.floorMedianMinutes).padStart(12)}  ${dets}`);
      }
      const s = summary.find((x) => x.level === level)!;
      console.log(`all                  ${(s.recall * 100).toFixed(0).padStart(5)}%  ${s.falseAlertsPerEntityWeek.toFixed(2).padStart(17)}  ${fmt(s.delayMedianMinutes).padStart(12)}  ${fmt(s.delayP90Minutes).padStart(9)}  ${fmt(s.mediumDelayMedianMinutes).padStart(14)}`);
    }
    console.log(
      '\nall: every crisis run of the level pooled, whatever its kind (false alerts: traps included).\n' +
        'medium+: delay to the first alert of medium severity or more, the lowest config/vigie.yaml routes to a channel.\n' +
        'floor: minutes after onset at which the negatives a crisis added first exceed 3 standard deviations of the usual\n' +
        'negative count over the same minutes (Poisson, exact simulated mean): no detector that counts negative mentions can\n' +
        'reliably be earlier. Reading the texts (a new phrase repeated by several authors) can be.',
    );
    console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}
