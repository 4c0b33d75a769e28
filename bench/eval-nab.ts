// Runs `detect-series` over every timestamp,value CSV of a directory and, when the directory holds a NAB windows.json,
// scores the alerts with the NAB scorer (standard profile) and prints a per-file table.
// Usage: npm run eval:nab -- <dir> [--half first|second] [--params '{"volume":{...}}'] [--scorer <nab-score.mjs>]
//        [--out <alerts-dir>] [--json]
// --half runs on the first or second half of each series alone (rows split in two in the middle, or just after the
// labelled window the middle falls in), a fresh detector for each: a rule that only helps one half is tuned to it, not to mention streams.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { detectSeries } from '../src/detection/detect-series.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !(i > 0 && all[i - 1].startsWith('--') && all[i - 1] !== '--json'));
const dir = positional[0];
if (!dir) {
  console.error('usage: npm run eval:nab -- <dir> [--half first|second] [--params <json>] [--out <alerts-dir>] [--json]');
  process.exit(2);
}
const half = option('half');
if (half !== undefined && half !== 'first' && half !== 'second') {
  console.error(`--half: expected "first" or "second", got "${half}"`);
  process.exit(2);
}
const params = JSON.parse(option('params') ?? '{}');
const json = process.argv.includes('--json');
const scorer = resolve(option('scorer') ?? join(dir, '..', 'nab-score.mjs'));

const windowsPath = join(dir, 'windows.json');
const windows: Record<string, [string, string][]> | null = existsSync(windowsPath) ? JSON.parse(readFileSync(windowsPath, 'utf8')) : null;
const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
if (files.length === 0) {
  console.error(`${dir}: no .csv file (expected timestamp,value series)`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'vigie-nab-'));
const seriesDir = half ? join(work, 'series') : resolve(dir);
const alertsDir = resolve(option('out') ?? join(work, 'alerts'));
mkdirSync(alertsDir, { recursive: true });
if (half) mkdirSync(seriesDir, { recursive: true });
const halfWindows: Record<string, [string, string][]> = {};
const symbolOf = (file: string) => basename(file, '.csv').replace(/^Twitter_volume_/, '');
const toMs = (t: string) => Date.parse(`${t.replace(' ', 'T').replace(/(\.\d+)?Z?$/, '')}Z`);

const rows: { symbol: string; alerts: number; days: number; seconds: number }[] = [];
for (const file of files) {
  let text = readFileSync(join(dir, file), 'utf8');
  const key = windows ? Object.keys(windows).find((k) => k.endsWith(`/${file}`) || k === file) : undefined;
  if (half) {
    const lines = text.trim().split('\n');
    const [header, body] = /^[^,;\t]*[,;\t]\s*-?\d/.test(lines[1] ?? '') && !/\d/.test(lines[0].split(/[,;\t]/)[1] ?? '') ? [lines[0], lines.slice(1)] : ['timestamp,value', lines];
    // The middle row, moved past the end of a labelled window it would cut in two.
    let mid = body.length >> 1;
    const rowAt = (i: number) => toMs(body[i].split(/[,;\t]/)[0]);
    for (const [from, to] of key && windows ? windows[key] : []) {
      if (rowAt(mid) >= toMs(from) && rowAt(mid) <= toMs(to)) while (mid < body.length - 1 && rowAt(mid) <= toMs(to)) mid++;
    }
    const part = half === 'first' ? body.slice(0, mid) : body.slice(mid);
    text = `${header}\n${part.join('\n')}\n`;
    writeFileSync(join(seriesDir, file), text);
    if (key && windows) {
      const midAt = toMs(body[mid].split(/[,;\t]/)[0]);
      halfWindows[key] = windows[key].filter(([from]) => (half === 'first' ? toMs(from) < midAt : toMs(from) >= midAt));
    }
  }
  const started = performance.now();
  const alerts = detectSeries(text, params);
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(join(alertsDir, `${symbolOf(file)}.jsonl`), alerts.map((a) => JSON.stringify(a)).join('\n') + (alerts.length ? '\n' : ''));
  const stamps = text.trim().split('\n').slice(1).map((l) => toMs(l.split(/[,;\t]/)[0])).filter(Number.isFinite);
  rows.push({ symbol: symbolOf(file), alerts: alerts.length, days: (stamps[stamps.length - 1] - stamps[0]) / 86_400_000, seconds });
}

interface Scored { score: number; hits: number; windows: number; falseAlerts: number; falseAlertsPerSeriesWeek: number; per: Record<string, { raw: number; hits: string; falseAlerts: number }> }
let scored: Scored | null = null;
if (windows) {
  if (half) writeFileSync(join(seriesDir, 'windows.json'), JSON.stringify(halfWindows));
  if (!existsSync(scorer)) {
    console.error(`scorer not found: ${scorer} (give it with --scorer)`);
    process.exit(2);
  }
  scored = JSON.parse(execFileSync(process.execPath, [scorer, seriesDir, alertsDir], { encoding: 'utf8' }).trim().split('\n').pop()!);
}

if (json) {
  console.log(JSON.stringify({ half: half ?? 'all', params, files: rows, scored }, null, 2));
} else {
  console.log(`${resolve(dir)}${half ? ` (${half} half of each series)` : ''}, alerts in ${alertsDir}`);
  console.log('series      score   hits  alerts  false  false/series-week   s');
  for (const r of rows) {
    const p = scored?.per[r.symbol];
    const fpw = p ? ((p.falseAlerts / r.days) * 7).toFixed(2) : '-';
    console.log(`${r.symbol.padEnd(10)} ${(p ? p.raw.toFixed(3) : '-').padStart(6)}  ${(p?.hits ?? '-').padStart(5)}  ${String(r.alerts).padStart(6)}  ${String(p?.falseAlerts ?? '-').padStart(5)}  ${fpw.padStart(17)}  ${r.seconds.toFixed(1).padStart(3)}`);
  }
  if (scored) {
    console.log(`all: NAB score ${scored.score} (standard profile, 100 perfect, 0 never alerting), ${scored.hits}/${scored.windows} windows hit, ${scored.falseAlerts} false alerts = ${scored.falseAlertsPerSeriesWeek} per series-week`);
  }
}
