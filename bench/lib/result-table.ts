// One row of the benchmark table per figure, printed as aligned columns and saved as JSON for comparing runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';

export interface BenchRow {
  case: string;
  figure: string;
  /** The measured value, formatted with its unit. */
  value: string;
  /** What the same run measured for the reference, formatted; '' when the figure has none. */
  baseline: string;
  /** value / baseline (or the figure the target is stated on), null when not meaningful. */
  ratio: number | null;
  target: string;
  /** null: informative only, no target. */
  pass: boolean | null;
  /** Raw numbers for later comparison. */
  raw: Record<string, number>;
  notes?: string;
}

export const fmtRate = (perSec: number) => `${Math.round(perSec).toLocaleString('en')}/s`;
export const fmtMs = (ms: number) => `${ms < 10 ? ms.toFixed(2) : Math.round(ms).toLocaleString('en')} ms`;
export const fmtMb = (mb: number) => `${Math.round(mb)} MB`;

const verdict = (pass: boolean | null) => (pass === null ? 'info' : pass ? 'PASS' : 'FAIL');

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['case', 'figure', 'value', 'baseline (same run)', 'ratio', 'target', 'result'];
  const lines = rows.map((r) => [r.case, r.figure, r.value, r.baseline, r.ratio === null ? '' : r.ratio.toFixed(3), r.target, verdict(r.pass)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd();
  const notes = rows.filter((r) => r.notes).map((r) => `  ${r.case} / ${r.figure}: ${r.notes}`);
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(line), ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}

export function machineDescription(): { cpu: string; cores: number; memoryGb: number; node: string; platform: string } {
  const list = cpus();
  return { cpu: list[0]?.model ?? 'unknown', cores: list.length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}` };
}

export function writeResults(path: string, rows: readonly BenchRow[], meta: Record<string, unknown>): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ ...meta, machine: machineDescription(), rows }, null, 2)}\n`);
}
