// The digest's one-sentence verdict, as facts: better, worse or stable, what drove it, and the crisis behind it.
import { SEVERITY_RANK } from '../domain/alert.js';
import type { DigestCrisis, Verdict } from './digest-content.js';
import type { ReputationDriver } from './reputation-index.js';

/** A move of the 0-100 index smaller than this is noise from one week to the next, not news. */
export const STABLE_BAND = 3;

export interface VerdictInputs {
  index: number | null;
  previous: number | null;
  contributions: Record<ReputationDriver, number> | null;
  crises: readonly DigestCrisis[];
}

export function decideVerdict(v: VerdictInputs): Verdict {
  const crisis = [...v.crises].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.onsetAt - b.onsetAt)[0] ?? null;
  if (v.index === null) return { direction: 'no-data', driver: null, crisis };
  if (v.previous === null) return { direction: 'first-week', driver: null, crisis };
  const change = v.index - v.previous;
  const direction = change >= STABLE_BAND ? 'better' : change <= -STABLE_BAND ? 'worse' : 'stable';
  let driver: ReputationDriver | null = null;
  if (direction !== 'stable' && v.contributions) {
    const entries = Object.entries(v.contributions) as [ReputationDriver, number][];
    driver = entries.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))[0][0];
  }
  return { direction, driver, crisis };
}
