// One crisis, one alert: turns detector candidates into open / update / escalate / resolve actions (pure).
import type { DetectionParams } from './detection-params.js';
import { type AlertCandidate, type DetectorName, MINUTE_MS, type Severity, maxSeverity, severityRank } from './series.js';

export { isBackToBaseline } from './back-to-baseline.js';

/** An alert as the store keeps it while it is not resolved. */
export interface OpenAlert {
  id: string;
  /** `<entityId>:<openedAt ISO>`: one key per entity and crisis episode. */
  dedupKey: string;
  entityId: string;
  severity: Severity;
  status: 'open' | 'acknowledged';
  /** Earliest onset reported by the merged candidates. */
  onsetAt: number;
  openedAt: number;
  lastUpdatedAt: number;
  /** Last time a notification went out (open or escalate). */
  lastFiredAt: number;
  /** Last time a detector still reported this crisis. */
  lastSeenAt: number;
  /** Since when the series has been back near baseline with no candidate; absent while the crisis goes on. */
  quietSince?: number;
  detectors: DetectorName[];
  evidence: string[];
  phrases: string[];
  /** The strongest candidate's sentence. */
  why: string;
  /** The strongest candidate's figures. */
  numbers: Record<string, number>;
}

/** An alert resolved recently, so that the cooldown can hold back a flickering crisis. */
export interface ResolvedAlert {
  entityId: string;
  severity: Severity;
  resolvedAt: number;
}

/** The fields of a new alert; the store assigns the id. */
export type NewAlert = Omit<OpenAlert, 'id' | 'status'>;

export type AlertAction =
  /** Create the alert and notify. */
  | { type: 'open'; alert: NewAlert }
  /** Store the new state silently (merged detectors, evidence, quiet period). */
  | { type: 'update'; alertId: string; alert: OpenAlert }
  /** Store the new state and notify again: the crisis got worse. */
  | { type: 'escalate'; alertId: string; alert: OpenAlert; previousSeverity: Severity }
  /** The series has been near its baseline long enough: close the alert. */
  | { type: 'resolve'; alertId: string; resolvedAt: number; alert: OpenAlert };

export interface ReconcileContext {
  now: number;
  /** Per entity, `isBackToBaseline(window, params)` at `now`; an entity absent here counts as not back. */
  backToBaseline: Readonly<Record<string, boolean>>;
  /** Alerts resolved within the cooldown, for the entities concerned. */
  recentlyResolved?: readonly ResolvedAlert[];
}

const EVIDENCE_KEPT = 50;

/**
 * Rules, per entity:
 * - candidates and an open (or acknowledged) alert: merged into it (detectors union, max severity,
 *   evidence union, the why and numbers of the strongest candidate); `escalate` when the severity
 *   rises clearly (see `shouldEscalate`; notify again), `update` when anything else changed, nothing otherwise;
 * - candidates and no open alert: `open`, unless an alert of that entity resolved less than
 *   `cooldownMinutes` ago and the new one is not at least two levels more severe (a flickering crisis, or the
 *   evening echo of the morning's news, does not open fifty alerts; a medium news day turning critical does);
 * - no candidate and the series back near baseline: the alert records `quietSince`, and resolves
 *   once quiet for `resolveAfterMinutes`; any candidate or excess clears `quietSince`.
 */
export function reconcileAlerts(
  open: readonly OpenAlert[],
  candidates: readonly AlertCandidate[],
  context: ReconcileContext,
  params: DetectionParams,
): AlertAction[] {
  const actions: AlertAction[] = [];
  const byEntity = groupBy(candidates, (c) => c.entityId);
  const openByEntity = new Map<string, OpenAlert>();
  for (const alert of open) {
    const current = openByEntity.get(alert.entityId);
    if (!current || alert.openedAt < current.openedAt) openByEntity.set(alert.entityId, alert);
  }

  for (const [entityId, alert] of openByEntity) {
    const found = byEntity.get(entityId) ?? [];
    if (found.length > 0) {
      const reached = mergeInto(alert, found, context.now);
      const escalates = shouldEscalate(alert, reached.severity, context.now, params);
      // Held back, the alert keeps the severity people were told, so the escalation can still go out later.
      const merged = escalates || severityRank(reached.severity) <= severityRank(alert.severity) ? reached : { ...reached, severity: alert.severity };
      if (escalates) {
        actions.push({ type: 'escalate', alertId: alert.id, alert: { ...merged, lastFiredAt: context.now }, previousSeverity: alert.severity });
      } else if (changed(alert, merged)) {
        actions.push({ type: 'update', alertId: alert.id, alert: merged });
      }
      continue;
    }
    if (context.backToBaseline[entityId] !== true) {
      if (alert.quietSince !== undefined) actions.push({ type: 'update', alertId: alert.id, alert: withoutQuiet(alert, context.now) });
      continue;
    }
    if (alert.quietSince === undefined) {
      actions.push({ type: 'update', alertId: alert.id, alert: { ...alert, quietSince: context.now, lastUpdatedAt: context.now } });
    } else if (context.now - alert.quietSince >= params.lifecycle.resolveAfterMinutes * MINUTE_MS) {
      actions.push({ type: 'resolve', alertId: alert.id, resolvedAt: context.now, alert });
    }
  }

  for (const [entityId, found] of byEntity) {
    if (openByEntity.has(entityId)) continue;
    const fresh = newAlert(found, context.now);
    const heldBack = (context.recentlyResolved ?? []).some(
      (r) =>
        r.entityId === entityId &&
        context.now - r.resolvedAt < params.lifecycle.cooldownMinutes * MINUTE_MS &&
        severityRank(fresh.severity) < severityRank(r.severity) + 2,
    );
    if (!heldBack) actions.push({ type: 'open', alert: fresh });
  }
  return actions;
}

/**
 * Escalate (notify again) only when the crisis is clearly worse: two severity levels above what was last sent, or one
 * level once `escalateAfterMinutes` have passed since the last notification; from low (not routed by default) at once.
 * A surge that climbs medium, high, critical in ten minutes sends medium then critical, not three messages; one that
 * settles at high sends it an hour later.
 */
export function shouldEscalate(alert: Pick<OpenAlert, 'severity' | 'lastFiredAt'>, reached: Severity, now: number, params: DetectionParams): boolean {
  const rise = severityRank(reached) - severityRank(alert.severity);
  if (rise <= 0) return false;
  // Low is shown on the dashboard, not sent (the shipped routes start at medium): leaving it is the first message.
  return alert.severity === 'low' || rise >= 2 || now - alert.lastFiredAt >= params.lifecycle.escalateAfterMinutes * MINUTE_MS;
}

function newAlert(candidates: readonly AlertCandidate[], now: number): NewAlert {
  const strongest = strongestOf(candidates);
  const openedAt = now;
  return {
    dedupKey: `${strongest.entityId}:${new Date(openedAt).toISOString()}`,
    entityId: strongest.entityId,
    severity: strongest.severity,
    onsetAt: Math.min(...candidates.map((c) => c.onsetAt)),
    openedAt,
    lastUpdatedAt: now,
    lastFiredAt: now,
    lastSeenAt: now,
    detectors: unique(candidates.map((c) => c.detector)),
    evidence: unique([...strongest.evidence, ...candidates.flatMap((c) => c.evidence)]).slice(0, EVIDENCE_KEPT),
    phrases: unique(candidates.flatMap((c) => c.phrases)),
    why: strongest.why,
    numbers: strongest.numbers,
  };
}

function mergeInto(alert: OpenAlert, candidates: readonly AlertCandidate[], now: number): OpenAlert {
  const strongest = strongestOf(candidates);
  const severity = candidates.reduce((s, c) => maxSeverity(s, c.severity), alert.severity);
  // The sentence follows the strongest evidence: a stronger candidate than the alert replaces it.
  const replacesWhy = severityRank(strongest.severity) >= severityRank(alert.severity);
  return {
    ...alert,
    severity,
    onsetAt: Math.min(alert.onsetAt, ...candidates.map((c) => c.onsetAt)),
    lastUpdatedAt: now,
    lastSeenAt: now,
    quietSince: undefined,
    detectors: unique([...alert.detectors, ...candidates.map((c) => c.detector)]),
    // The mentions the sentence speaks of come first: messages show the first few as the top mentions.
    evidence: unique([...(replacesWhy ? strongest.evidence : []), ...alert.evidence, ...candidates.flatMap((c) => c.evidence)]).slice(0, EVIDENCE_KEPT),
    phrases: unique([...alert.phrases, ...candidates.flatMap((c) => c.phrases)]),
    why: replacesWhy ? strongest.why : alert.why,
    numbers: replacesWhy ? strongest.numbers : alert.numbers,
  };
}

/** Whether a merge changed what the store should know (lastSeenAt alone is not worth a write). */
function changed(before: OpenAlert, after: OpenAlert): boolean {
  return (
    before.severity !== after.severity ||
    before.onsetAt !== after.onsetAt ||
    before.quietSince !== after.quietSince ||
    before.why !== after.why ||
    before.detectors.length !== after.detectors.length ||
    before.evidence.length !== after.evidence.length ||
    before.phrases.length !== after.phrases.length
  );
}

function withoutQuiet(alert: OpenAlert, now: number): OpenAlert {
  const { quietSince: _dropped, ...rest } = alert;
  return { ...rest, lastUpdatedAt: now };
}

/** Highest severity, then the earliest onset (the candidate that saw it first explains it best). */
function strongestOf(candidates: readonly AlertCandidate[]): AlertCandidate {
  return candidates.reduce((best, c) =>
    severityRank(c.severity) > severityRank(best.severity) || (c.severity === best.severity && c.onsetAt < best.onsetAt) ? c : best,
  );
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
