// Alerts and their deliveries: read and written as domain Alerts, JSON fields encoded here only.
import type { Kysely } from 'kysely';
import { SEVERITY_RANK, type Alert, type AlertSeverity, type AlertStatus } from '../domain/alert.js';
import type { AlertRow, Database } from './tables.js';

export function rowToAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    dedupKey: row.dedup_key,
    entityId: row.entity_id,
    detectors: JSON.parse(row.detectors),
    severity: row.severity as Alert['severity'],
    status: row.status as AlertStatus,
    why: row.why,
    numbers: JSON.parse(row.numbers),
    evidence: JSON.parse(row.evidence),
    phrases: JSON.parse(row.phrases),
    onsetAt: row.onset_at,
    detectedAt: row.detected_at,
    notifiedAt: row.notified_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    resolvedAt: row.resolved_at,
    firstResponseAt: row.first_response_at,
    updatedAt: row.updated_at,
    lastFiredAt: row.last_fired_at,
    lastSeenAt: row.last_seen_at,
    quietSince: row.quiet_since,
    crisisId: row.crisis_id ?? null,
  };
}

function alertToRow(a: Alert): Omit<AlertRow, 'crisis_id'> {
  // The crisis link is written by the crisis repository only.
  return {
    id: a.id,
    dedup_key: a.dedupKey,
    entity_id: a.entityId,
    detectors: JSON.stringify(a.detectors),
    severity: a.severity,
    status: a.status,
    why: a.why,
    numbers: JSON.stringify(a.numbers),
    evidence: JSON.stringify(a.evidence),
    phrases: JSON.stringify(a.phrases),
    onset_at: a.onsetAt,
    detected_at: a.detectedAt,
    notified_at: a.notifiedAt,
    acknowledged_at: a.acknowledgedAt,
    acknowledged_by: a.acknowledgedBy,
    resolved_at: a.resolvedAt,
    first_response_at: a.firstResponseAt,
    updated_at: a.updatedAt,
    last_fired_at: a.lastFiredAt,
    last_seen_at: a.lastSeenAt,
    quiet_since: a.quietSince,
  };
}

/** Inserts a new alert; the unique dedup key makes a repeated insert of the same crisis a no-op. Returns true if inserted. */
export async function insertAlert(db: Kysely<Database>, alert: Alert): Promise<boolean> {
  const rows = await db.insertInto('alerts').values(alertToRow(alert)).onConflict((oc) => oc.column('dedup_key').doNothing()).returning('id').execute();
  return rows.length > 0;
}

/**
 * Writes what the detectors own (severity, why, evidence, timing). What people own (acknowledgement),
 * delivery and response times are left alone, so a detection never undoes an acknowledgement.
 */
export async function updateAlertState(db: Kysely<Database>, alert: Alert): Promise<void> {
  const row = alertToRow(alert);
  await db
    .updateTable('alerts')
    .set({
      detectors: row.detectors,
      severity: row.severity,
      why: row.why,
      numbers: row.numbers,
      evidence: row.evidence,
      phrases: row.phrases,
      onset_at: row.onset_at,
      updated_at: row.updated_at,
      last_fired_at: row.last_fired_at,
      last_seen_at: row.last_seen_at,
      quiet_since: row.quiet_since,
    })
    .where('id', '=', alert.id)
    .execute();
}

export async function getAlert(db: Kysely<Database>, id: string): Promise<Alert | undefined> {
  const row = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToAlert(row) : undefined;
}

export async function activeAlerts(db: Kysely<Database>, entityId?: string): Promise<Alert[]> {
  let q = db.selectFrom('alerts').selectAll().where('status', 'in', ['open', 'acknowledged']);
  if (entityId) q = q.where('entity_id', '=', entityId);
  return (await q.orderBy('detected_at', 'desc').execute()).map(rowToAlert);
}

/** The last resolved alert of an entity, for the cooldown. */
export async function lastResolvedAlert(db: Kysely<Database>, entityId: string): Promise<Alert | undefined> {
  const row = await db
    .selectFrom('alerts')
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('status', '=', 'resolved')
    .orderBy('resolved_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? rowToAlert(row) : undefined;
}

export interface AlertListFilter {
  entityId?: string;
  status?: AlertStatus;
  limit?: number;
}

export async function listAlerts(db: Kysely<Database>, filter: AlertListFilter = {}): Promise<Alert[]> {
  let q = db.selectFrom('alerts').selectAll();
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.status) q = q.where('status', '=', filter.status);
  return (await q.orderBy('detected_at', 'desc').limit(Math.min(filter.limit ?? 100, 1000)).execute()).map(rowToAlert);
}

export async function acknowledgeAlert(db: Kysely<Database>, id: string, by: string, now = Date.now()): Promise<Alert | undefined> {
  await db
    .updateTable('alerts')
    .set({ status: 'acknowledged', acknowledged_at: now, acknowledged_by: by.slice(0, 200), updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
  return getAlert(db, id);
}

export async function resolveAlert(db: Kysely<Database>, id: string, now = Date.now()): Promise<Alert | undefined> {
  await db.updateTable('alerts').set({ status: 'resolved', resolved_at: now, updated_at: now }).where('id', '=', id).where('status', '!=', 'resolved').execute();
  return getAlert(db, id);
}

export async function setFirstResponse(db: Kysely<Database>, id: string, at: number): Promise<void> {
  await db.updateTable('alerts').set({ first_response_at: at }).where('id', '=', id).where('first_response_at', 'is', null).execute();
}

export async function markNotified(db: Kysely<Database>, id: string, now = Date.now()): Promise<void> {
  await db.updateTable('alerts').set({ notified_at: now }).where('id', '=', id).where('notified_at', 'is', null).execute();
}

// --- deliveries -------------------------------------------------------------------------------

/**
 * One delivery of one event to one channel, the same for every retry (also the webhook's X-Vigie-Delivery). An alert
 * can escalate more than once (medium, then high, then critical), so an escalation is keyed by the severity it reached.
 */
export const deliveryId = (alertId: string, channelId: string, event: string, severity: AlertSeverity) =>
  `${alertId}:${channelId}:${event === 'escalated' ? `escalated:${severity}` : event}`;

export async function deliveryStatus(db: Kysely<Database>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('alert_deliveries').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status;
}

/**
 * `delivered` and `failed` are attempts (`note`: the failure's error); `covered` records an event not sent because
 * the channel was already told of the same crisis through another entity's alert (`note` names it).
 */
export type DeliveryStatus = 'delivered' | 'failed' | 'covered';

export async function recordDeliveryAttempt(
  db: Kysely<Database>,
  d: { alertId: string; channelId: string; event: string; severity: AlertSeverity; status: DeliveryStatus; note?: string },
  now = Date.now(),
): Promise<void> {
  const id = deliveryId(d.alertId, d.channelId, d.event, d.severity);
  const { status } = d;
  const delivered = status === 'delivered';
  await db
    .insertInto('alert_deliveries')
    .values({ id, alert_id: d.alertId, channel_id: d.channelId, event: d.event, severity: d.severity, status, attempts: status === 'covered' ? 0 : 1, last_error: d.note ?? null, created_at: now, delivered_at: delivered ? now : null })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        status,
        severity: d.severity,
        attempts: status === 'covered' ? eb.ref('alert_deliveries.attempts') : eb('alert_deliveries.attempts', '+', 1),
        last_error: d.note ?? null,
        delivered_at: delivered ? now : null,
      })),
    )
    .execute();
}

/**
 * Per alert, the channels told of it, each with the highest severity told there: delivered at that severity, or
 * covered there at it by another alert told before. The severity told, not the alert's current one: two alerts of one
 * family that escalate together must not each count the other's escalation, not yet told, as told.
 */
export async function toldChannels(db: Kysely<Database>, alertIds: readonly string[]): Promise<Map<string, Map<string, AlertSeverity>>> {
  const out = new Map<string, Map<string, AlertSeverity>>();
  if (alertIds.length === 0) return out;
  const rows = await db
    .selectFrom('alert_deliveries')
    .select(['id', 'alert_id', 'channel_id', 'severity'])
    .where('alert_id', 'in', [...alertIds])
    .where('status', 'in', ['delivered', 'covered'])
    .execute();
  for (const r of rows) {
    const told = (r.severity ?? severityInId(r.id)) as AlertSeverity;
    const channels = out.get(r.alert_id) ?? new Map<string, AlertSeverity>();
    const before = channels.get(r.channel_id);
    if (before === undefined || SEVERITY_RANK[told] > SEVERITY_RANK[before]) channels.set(r.channel_id, told);
    out.set(r.alert_id, channels);
  }
  return out;
}

/** Deliveries older than migration 0004 have no severity: an escalation's is in its id, an opening's counts as low. */
const severityInId = (id: string): AlertSeverity => {
  const last = id.slice(id.lastIndexOf(':') + 1);
  return last in SEVERITY_RANK ? (last as AlertSeverity) : 'low';
};

export async function listDeliveries(db: Kysely<Database>, alertId: string) {
  return db.selectFrom('alert_deliveries').selectAll().where('alert_id', '=', alertId).orderBy('created_at').execute();
}
