// Crises of entity families (a brand with its products and people), their notes and checklist state.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from './tables.js';
import { rowToAlert } from './alert-repository.js';
import type { Alert } from '../domain/alert.js';

export type CrisisStatus = 'open' | 'handled' | 'resolved';
export const CRISIS_STATUSES: readonly CrisisStatus[] = ['open', 'handled', 'resolved'];

export interface Crisis {
  id: string;
  rootEntityId: string;
  status: CrisisStatus;
  owner: string | null;
  ownedAt: number | null;
  openedAt: number;
  handledAt: number | null;
  resolvedAt: number | null;
  updatedAt: number;
}

export interface CrisisNote {
  id: string;
  author: string;
  text: string;
  createdAt: number;
}

type CrisisRow = Awaited<ReturnType<typeof selectCrises>>[number];
const selectCrises = (db: Kysely<Database>) => db.selectFrom('crises').selectAll().execute();

const toCrisis = (r: CrisisRow): Crisis => ({
  id: r.id,
  rootEntityId: r.root_entity_id,
  status: r.status as CrisisStatus,
  owner: r.owner,
  ownedAt: r.owned_at === null ? null : Number(r.owned_at),
  openedAt: Number(r.opened_at),
  handledAt: r.handled_at === null ? null : Number(r.handled_at),
  resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at),
  updatedAt: Number(r.updated_at),
});

/** Names are people's, typed in a form: one line, bounded. */
const personName = (name: string) => name.replace(/\s+/g, ' ').trim().slice(0, 120);

async function activeCrisisOf(db: Kysely<Database>, rootEntityId: string): Promise<Crisis | undefined> {
  const row = await db
    .selectFrom('crises')
    .selectAll()
    .where('root_entity_id', '=', rootEntityId)
    .where('status', '!=', 'resolved')
    .orderBy('opened_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row && toCrisis(row);
}

/**
 * Puts a new alert in its family's active crisis, or opens one. A family has at most one active crisis (a partial
 * unique index, migration 0004): when two workers open alerts of one family at the same moment, the second insert
 * does nothing and both alerts join the crisis that was stored.
 */
export async function attachToCrisis(db: Kysely<Database>, alertId: string, rootEntityId: string, now: number): Promise<Crisis> {
  let crisis = await activeCrisisOf(db, rootEntityId);
  if (!crisis) {
    await db
      .insertInto('crises')
      .values({ id: randomUUID(), root_entity_id: rootEntityId, status: 'open', owner: null, owned_at: null, opened_at: now, handled_at: null, resolved_at: null, updated_at: now })
      .onConflict((oc) => oc.column('root_entity_id').where(sql.ref('status'), '!=', sql.lit('resolved')).doNothing())
      .execute();
    crisis = (await activeCrisisOf(db, rootEntityId)) as Crisis;
  }
  await db.updateTable('alerts').set({ crisis_id: crisis.id }).where('id', '=', alertId).execute();
  return crisis;
}

export async function getCrisis(db: Kysely<Database>, id: string): Promise<Crisis | undefined> {
  const row = await db.selectFrom('crises').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCrisis(row);
}

export async function crisisIdOfAlert(db: Kysely<Database>, alertId: string): Promise<string | null> {
  const row = await db.selectFrom('alerts').select('crisis_id').where('id', '=', alertId).executeTakeFirst();
  return row?.crisis_id ?? null;
}

export async function listCrises(db: Kysely<Database>, filter: { rootEntityId?: string; active?: boolean; limit?: number } = {}): Promise<Crisis[]> {
  let q = db.selectFrom('crises').selectAll();
  if (filter.rootEntityId) q = q.where('root_entity_id', '=', filter.rootEntityId);
  if (filter.active) q = q.where('status', '!=', 'resolved');
  return (await q.orderBy('opened_at', 'desc').limit(Math.min(filter.limit ?? 50, 500)).execute()).map(toCrisis);
}

/** The crisis's alerts, oldest first (the same order on every database: its headline follows the first). */
export async function crisisAlerts(db: Kysely<Database>, crisisId: string): Promise<Alert[]> {
  return (await db.selectFrom('alerts').selectAll().where('crisis_id', '=', crisisId).orderBy('detected_at').orderBy('id').execute()).map(rowToAlert);
}

/**
 * Someone takes charge: the first to do so is the owner (a later one does not silently replace them), and an open
 * crisis becomes handled. Returns the crisis as it is after.
 */
export async function takeCharge(db: Kysely<Database>, id: string, who: string, now: number): Promise<Crisis | undefined> {
  const name = personName(who);
  if (name) await db.updateTable('crises').set({ owner: name, owned_at: now, updated_at: now }).where('id', '=', id).where('owner', 'is', null).execute();
  await db.updateTable('crises').set({ status: 'handled', handled_at: now, updated_at: now }).where('id', '=', id).where('status', '=', 'open').execute();
  return getCrisis(db, id);
}

/** Hands the crisis to a named person (an explicit change of owner, from the room). */
export async function setOwner(db: Kysely<Database>, id: string, who: string, now: number): Promise<Crisis | undefined> {
  const name = personName(who);
  if (name) await db.updateTable('crises').set({ owner: name, owned_at: now, updated_at: now }).where('id', '=', id).execute();
  return getCrisis(db, id);
}

/** Whether another crisis of the same family is active (a resolved crisis cannot be reopened beside it). */
export async function otherActiveCrisis(db: Kysely<Database>, crisis: Crisis): Promise<Crisis | undefined> {
  const active = await activeCrisisOf(db, crisis.rootEntityId);
  return active && active.id !== crisis.id ? active : undefined;
}

export async function setCrisisStatus(db: Kysely<Database>, id: string, status: CrisisStatus, now: number): Promise<Crisis | undefined> {
  await db
    .updateTable('crises')
    .set({
      status,
      updated_at: now,
      ...(status === 'handled' ? { handled_at: now } : {}),
      resolved_at: status === 'resolved' ? now : null,
    })
    .where('id', '=', id)
    .execute();
  return getCrisis(db, id);
}

/** When the last alert of a crisis resolves, the crisis does too: detection says it is over everywhere in the family. */
export async function resolveCrisisIfQuiet(db: Kysely<Database>, crisisId: string, now: number): Promise<boolean> {
  const active = await db.selectFrom('alerts').select('id').where('crisis_id', '=', crisisId).where('status', '!=', 'resolved').limit(1).execute();
  if (active.length > 0) return false;
  const done = await db.updateTable('crises').set({ status: 'resolved', resolved_at: now, updated_at: now }).where('id', '=', crisisId).where('status', '!=', 'resolved').executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

export async function addNote(db: Kysely<Database>, crisisId: string, author: string, text: string, now: number): Promise<CrisisNote> {
  const note = { id: randomUUID(), author: personName(author) || '?', text: text.trim().slice(0, 4000), createdAt: now };
  await db.insertInto('crisis_notes').values({ id: note.id, crisis_id: crisisId, author: note.author, text: note.text, created_at: now }).execute();
  return note;
}

export async function listNotes(db: Kysely<Database>, crisisId: string): Promise<CrisisNote[]> {
  const rows = await db.selectFrom('crisis_notes').selectAll().where('crisis_id', '=', crisisId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, author: r.author, text: r.text, createdAt: Number(r.created_at) }));
}

/** Ticks (or unticks) a playbook step; the same step of the same crisis has one state. */
export async function setChecklistItem(db: Kysely<Database>, crisisId: string, itemId: string, done: boolean, by: string, now: number): Promise<void> {
  const id = `${crisisId}:${itemId}`;
  const values = { done_at: done ? now : null, done_by: done ? personName(by) || null : null };
  await db
    .insertInto('crisis_checklist')
    .values({ id, crisis_id: crisisId, item_id: itemId, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export async function checklistState(db: Kysely<Database>, crisisId: string): Promise<Map<string, { doneAt: number; doneBy: string | null }>> {
  const rows = await db.selectFrom('crisis_checklist').selectAll().where('crisis_id', '=', crisisId).where('done_at', 'is not', null).execute();
  return new Map(rows.map((r) => [r.item_id, { doneAt: Number(r.done_at), doneBy: r.done_by }]));
}
