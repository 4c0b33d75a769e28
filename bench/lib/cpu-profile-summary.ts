// Reads a V8 .cpuprofile (node --cpu-prof) and lists the functions with the most self time, for the report.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { REPO_DIR } from './services.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotSpot {
  /** "function (file:line)", file relative to the repository. */
  where: string;
  selfMs: number;
  share: number;
}

function where(frame: ProfileNode['callFrame']): string {
  const file = frame.url.startsWith('file://') ? relative(REPO_DIR, new URL(frame.url).pathname) : frame.url || '(native)';
  return `${frame.functionName || '(anonymous)'} (${file}:${frame.lineNumber + 1})`;
}

export function hotSpots(profilePath: string, top = 15): HotSpot[] {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]);
    if (!node) continue;
    const key = where(node.callFrame);
    selfUs.set(key, (selfUs.get(key) ?? 0) + (deltas[i] ?? 0));
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0) || 1;
  return [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => ({ where: key, selfMs: Math.round(us / 1000), share: us / total }));
}

export function formatHotSpots(spots: readonly HotSpot[]): string {
  return spots.map((s) => `${(s.share * 100).toFixed(1).padStart(5)} %  ${String(s.selfMs).padStart(7)} ms  ${s.where}`).join('\n');
}
