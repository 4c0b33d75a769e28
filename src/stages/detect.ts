// Detect stage: run the detectors over an entity's window, then open, update, escalate or resolve its alert.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../app/context.js';
import { reconcileAlerts, isBackToBaseline, type AlertAction, type OpenAlert } from '../detection/alert-lifecycle.js';
import { detectCrises } from '../detection/detect-crises.js';
import type { Alert } from '../domain/alert.js';
import { floorTo, MINUTE_MS } from '../domain/time-buckets.js';
import { publishAlertEvent } from '../queue/alert-events.js';
import { alertsRaised } from '../observability/metrics.js';
import { jobId } from '../queue/job-id.js';
import type { AlertEvent, DetectJob } from '../queue/names.js';
import { activeAlerts, insertAlert, lastResolvedAlert, resolveAlert, setFirstResponse, updateAlertState } from '../store/alert-repository.js';
import { firstResponseAt } from '../store/response-queries.js';
import { loadEntityWindow } from '../store/detection-window.js';
import { entityLocale } from '../config/entity-locale.js';
import { latestMinute } from '../store/rollup-queries.js';
import { attachToCrisis, resolveCrisisIfQuiet } from '../store/crisis-repository.js';
import { crisisRoot } from '../config/entity-family.js';

/** At most one detection per entity per minute of data: duplicates of the same minute are ignored by job id. */
export async function enqueueDetection(ctx: AppContext, entityId: string, asOf: number): Promise<void> {
  const data: DetectJob = { entityId, asOf };
  await ctx.queues.detect.add('detect', data, { jobId: jobId('detect', entityId, floorTo(asOf, MINUTE_MS)) });
}

export async function runDetect(ctx: AppContext, job: DetectJob): Promise<AlertAction['type'][]> {
  const { db } = ctx.store;
  // Data time, never ahead of what is stored: the job may be older than mentions stored since.
  const latest = await latestMinute(db, job.entityId);
  const now = Math.max(job.asOf, latest === null ? 0 : latest + MINUTE_MS);
  const params = ctx.config.alerts.detectors;
  // Alert sentences are written in the entity's language, as its digest is.
  const window = { ...(await loadEntityWindow(db, job.entityId, now)), language: entityLocale(ctx.config, job.entityId) };
  const candidates = detectCrises(window, params);
  const stored = await activeAlerts(db, job.entityId);
  const open = stored.map(toOpenAlert);
  const resolved = await lastResolvedAlert(db, job.entityId);
  const actions = reconcileAlerts(
    open,
    candidates,
    {
      now,
      backToBaseline: { [job.entityId]: open.length > 0 && candidates.length === 0 ? isBackToBaseline(window, params) : false },
      recentlyResolved: resolved?.resolvedAt ? [{ entityId: resolved.entityId, severity: resolved.severity, resolvedAt: resolved.resolvedAt }] : [],
    },
    params,
  );
  const existing = new Map(stored.map((a) => [a.id, a]));
  for (const action of actions) await apply(ctx, action, existing, now);
  await recordFirstResponses(ctx, job.entityId);
  return actions.map((a) => a.type);
}

async function apply(ctx: AppContext, action: AlertAction, existing: Map<string, Alert>, now: number): Promise<void> {
  const { db } = ctx.store;
  switch (action.type) {
    case 'open': {
      const alert = fromNewAlert(randomUUID(), action.alert);
      if (await insertAlert(db, alert)) {
        // One crisis, one room for the whole family: a product's alert joins its brand's open crisis.
        await attachToCrisis(db, alert.id, crisisRoot(ctx.config, alert.entityId), now);
        await announce(ctx, alert, 'opened');
      }
      ctx.logger.info({ alertId: alert.id, entityId: alert.entityId, severity: alert.severity, detectors: alert.detectors }, alert.why);
      return;
    }
    case 'update':
    case 'escalate': {
      const before = existing.get(action.alertId);
      if (!before) return;
      const after = mergeOpenAlert(before, action.alert);
      await updateAlertState(db, after);
      if (action.type === 'escalate') await announce(ctx, after, 'escalated');
      return;
    }
    case 'resolve': {
      const before = existing.get(action.alertId);
      if (!before) return;
      await updateAlertState(db, { ...mergeOpenAlert(before, action.alert), updatedAt: now });
      const after = await resolveAlert(db, before.id, action.resolvedAt);
      if (after) await announce(ctx, after, 'resolved');
      if (after?.crisisId) await resolveCrisisIfQuiet(db, after.crisisId, action.resolvedAt);
    }
  }
}

/** Time to first response: set once, the first time a brand reply or statement is seen for an active alert. */
async function recordFirstResponses(ctx: AppContext, entityId: string): Promise<void> {
  for (const alert of await activeAlerts(ctx.store.db, entityId)) {
    if (alert.firstResponseAt !== null) continue;
    const at = await firstResponseAt(ctx.store.db, alert);
    if (at !== null) await setFirstResponse(ctx.store.db, alert.id, at);
  }
}

async function announce(ctx: AppContext, alert: Alert, event: AlertEvent): Promise<void> {
  alertsRaised.inc({ event, severity: alert.severity });
  await ctx.queues.notify.add(
    'notify',
    { alertId: alert.id, event, severity: alert.severity },
    { jobId: jobId('notify', alert.id, event, alert.severity) },
  );
  await publishAlertEvent(ctx.redis, ctx.config.redis.prefix, { alertId: alert.id, entityId: alert.entityId, event, severity: alert.severity, at: ctx.now() });
}

function toOpenAlert(a: Alert): OpenAlert {
  return {
    id: a.id,
    dedupKey: a.dedupKey,
    entityId: a.entityId,
    severity: a.severity,
    status: a.status === 'acknowledged' ? 'acknowledged' : 'open',
    onsetAt: a.onsetAt,
    openedAt: a.detectedAt,
    lastUpdatedAt: a.updatedAt,
    lastFiredAt: a.lastFiredAt,
    lastSeenAt: a.lastSeenAt,
    ...(a.quietSince !== null ? { quietSince: a.quietSince } : {}),
    detectors: a.detectors as OpenAlert['detectors'],
    evidence: a.evidence,
    phrases: a.phrases,
    why: a.why,
    numbers: a.numbers,
  };
}

function fromNewAlert(id: string, n: Omit<OpenAlert, 'id' | 'status'>): Alert {
  return {
    id,
    dedupKey: n.dedupKey,
    entityId: n.entityId,
    detectors: n.detectors,
    severity: n.severity,
    status: 'open',
    why: n.why,
    numbers: n.numbers,
    evidence: n.evidence,
    phrases: n.phrases,
    onsetAt: n.onsetAt,
    detectedAt: n.openedAt,
    notifiedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    firstResponseAt: null,
    updatedAt: n.lastUpdatedAt,
    lastFiredAt: n.lastFiredAt,
    lastSeenAt: n.lastSeenAt,
    quietSince: n.quietSince ?? null,
  };
}

/** The lifecycle's view of an alert written back onto the stored one (status and people's actions are kept). */
function mergeOpenAlert(before: Alert, o: OpenAlert): Alert {
  return {
    ...before,
    detectors: o.detectors,
    severity: o.severity,
    why: o.why,
    numbers: o.numbers,
    evidence: o.evidence,
    phrases: o.phrases,
    onsetAt: o.onsetAt,
    updatedAt: o.lastUpdatedAt,
    lastFiredAt: o.lastFiredAt,
    lastSeenAt: o.lastSeenAt,
    quietSince: o.quietSince ?? null,
  };
}
