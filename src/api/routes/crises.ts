// The crisis room: one crisis per entity family episode, with its owner, status, notes, checklist, response clock,
// unanswered influential negative posts and evidence; and the active crises of a family for the overview.
import type { FastifyInstance } from 'fastify';
import { crisisRoot, entityFamily } from '../../config/entity-family.js';
import { entityLocale } from '../../config/entity-locale.js';
import { entityTimeZone } from '../../config/entity-time-zone.js';
import { SEVERITY_RANK, type Alert, type AlertSeverity } from '../../domain/alert.js';
import { alertHeadline } from '../../notify/alert-story.js';
import { checklist, playbookSteps } from '../../notify/playbook.js';
import { acknowledgeAlert } from '../../store/alert-repository.js';
import { rankedEvidence } from '../../store/crisis-evidence.js';
import {
  addNote,
  checklistState,
  CRISIS_STATUSES,
  crisisAlerts,
  getCrisis,
  listCrises,
  listNotes,
  otherActiveCrisis,
  setChecklistItem,
  setCrisisStatus,
  setOwner,
  takeCharge,
  type Crisis,
  type CrisisStatus,
} from '../../store/crisis-repository.js';
import { responseInbox } from '../../store/response-queries.js';
import { BadRequestError, entityFromQuery } from '../query-params.js';
import type { RouteContext } from '../route-context.js';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 200 } } } as const;
const personSchema = { type: 'string', minLength: 1, maxLength: 120 } as const;
/** A negative post from an author at least this influential (0-100) needs an answer in a crisis. */
const INFLUENTIAL = 30;

export async function crisisRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const nameOf = (id: string) => ctx.config.entities.find((e) => e.id === id)?.name ?? id;
  const found = async (id: string): Promise<Crisis> => {
    const crisis = await getCrisis(ctx.store.db, id);
    if (!crisis) throw new BadRequestError(`no crisis has the id "${id.slice(0, 60)}"`, 404);
    return crisis;
  };

  /** What a list shows of a crisis: its family, its worst severity, its first alert's headline, its alerts. */
  const summary = (crisis: Crisis, alerts: Alert[]) => {
    const language = entityLocale(ctx.config, crisis.rootEntityId);
    const worst = alerts.reduce<AlertSeverity>((s, a) => (SEVERITY_RANK[a.severity] > SEVERITY_RANK[s] ? a.severity : s), 'low');
    const first = alerts[0];
    return {
      ...crisis,
      rootName: nameOf(crisis.rootEntityId),
      language,
      timeZone: entityTimeZone(ctx.config, crisis.rootEntityId),
      // The family's crisis, named after its brand and the kind of its first alert: stable while the crisis grows.
      headline: first ? alertHeadline(first, nameOf(crisis.rootEntityId), language) : nameOf(crisis.rootEntityId),
      severity: worst,
      entities: [...new Set(alerts.map((a) => a.entityId))].map((id) => ({ id, name: nameOf(id) })),
      alerts: alerts.map((a) => ({
        id: a.id,
        entityId: a.entityId,
        entityName: nameOf(a.entityId),
        headline: alertHeadline(a, nameOf(a.entityId), entityLocale(ctx.config, a.entityId)),
        why: a.why,
        severity: a.severity,
        status: a.status,
        onsetAt: a.onsetAt,
        detectedAt: a.detectedAt,
        acknowledgedBy: a.acknowledgedBy,
        firstResponseAt: a.firstResponseAt,
      })),
    };
  };

  app.get<{ Querystring: { entity?: string; active?: boolean; limit?: number } }>('/crises', {
    schema: {
      summary: "Crises, newest first; with entity, the crises of the entity's family (a brand, its products and people)",
      tags: ['crises'],
      querystring: {
        type: 'object',
        properties: { entity: { type: 'string' }, active: { type: 'boolean', default: false }, limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
      },
    },
  }, async (request) => {
    const rootEntityId = request.query.entity ? crisisRoot(ctx.config, entityFromQuery(ctx.config, request.query.entity).id) : undefined;
    const crises = await listCrises(ctx.store.db, { rootEntityId, active: request.query.active, limit: request.query.limit });
    return { crises: await Promise.all(crises.map(async (c) => summary(c, await crisisAlerts(ctx.store.db, c.id)))) };
  });

  app.get<{ Params: { id: string } }>('/crises/:id', {
    schema: { summary: 'The crisis room: owner, status, notes, checklist, response clock, unanswered posts, evidence', tags: ['crises'], params: idParams },
  }, async (request) => {
    const { db } = ctx.store;
    const crisis = await found(request.params.id);
    const now = ctx.now();
    const [alerts, notes, done] = await Promise.all([crisisAlerts(db, crisis.id), listNotes(db, crisis.id), checklistState(db, crisis.id)]);
    const kindOf = (id: string) => ctx.config.entities.find((e) => e.id === id)?.kind;
    // A brand's room watches the brand, its products and people; a competitor's room, the competitor alone.
    const family = kindOf(crisis.rootEntityId) === 'competitor' ? [crisis.rootEntityId] : [crisis.rootEntityId, ...entityFamily(ctx.config, crisis.rootEntityId).filter((id) => kindOf(id) !== 'competitor')];
    const since = Math.min(crisis.openedAt, ...alerts.map((a) => a.onsetAt));
    const [unanswered, evidence] = await Promise.all([
      responseInbox(db, { entityIds: family, since, minInfluence: INFLUENTIAL, limit: 50 }),
      rankedEvidence(db, alerts.map((a) => ({ entityId: a.entityId, evidence: a.evidence }))),
    ]);
    const responses = alerts.map((a) => a.firstResponseAt).filter((t): t is number => t !== null);
    const base = summary(crisis, alerts);
    return {
      crisis: base,
      clock: {
        openedAt: crisis.openedAt,
        onsetAt: since,
        ownedAt: crisis.ownedAt,
        firstResponseAt: responses.length ? Math.min(...responses) : null,
        resolvedAt: crisis.resolvedAt,
        now,
      },
      checklist: checklist(playbookSteps(ctx.config.alerts.playbook, base.language), done, crisis.openedAt, crisis.resolvedAt ?? now),
      notes,
      unanswered,
      // Each post's tone for the entity whose alert cited it, with the names its stance badge needs.
      evidence: evidence.map((m) => ({ ...m, entityName: nameOf(m.entityId), versusName: m.versus ? nameOf(m.versus) : null })),
    };
  });

  const announce = async (crisis: Crisis) => {
    const [first] = await crisisAlerts(ctx.store.db, crisis.id);
    if (first) await ctx.hub.publish({ alertId: first.id, entityId: first.entityId, event: 'acknowledged', severity: first.severity, at: ctx.now() });
  };

  app.post<{ Params: { id: string }; Body: { by: string } }>('/crises/:id/take-charge', {
    schema: {
      summary: 'Take charge of the crisis: the first to do so owns it; its open alerts are taken in charge in their name',
      tags: ['crises'],
      params: idParams,
      body: { type: 'object', required: ['by'], properties: { by: personSchema } },
    },
  }, async (request) => {
    const now = ctx.now();
    await found(request.params.id);
    const crisis = (await takeCharge(ctx.store.db, request.params.id, request.body.by, now)) as Crisis;
    for (const alert of await crisisAlerts(ctx.store.db, crisis.id)) {
      if (alert.status === 'open') await acknowledgeAlert(ctx.store.db, alert.id, crisis.owner ?? request.body.by, now);
    }
    await announce(crisis);
    return { crisis };
  });

  app.post<{ Params: { id: string }; Body: { owner: string } }>('/crises/:id/owner', {
    schema: { summary: 'Hand the crisis to a named person', tags: ['crises'], params: idParams, body: { type: 'object', required: ['owner'], properties: { owner: personSchema } } },
  }, async (request) => {
    await found(request.params.id);
    return { crisis: await setOwner(ctx.store.db, request.params.id, request.body.owner, ctx.now()) };
  });

  app.post<{ Params: { id: string }; Body: { status: CrisisStatus } }>('/crises/:id/status', {
    schema: {
      summary: 'Set the status: open, handled or resolved',
      tags: ['crises'],
      params: idParams,
      body: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: [...CRISIS_STATUSES] } } },
    },
  }, async (request) => {
    const before = await found(request.params.id);
    const active = request.body.status !== 'resolved' ? await otherActiveCrisis(ctx.store.db, before) : undefined;
    if (active) throw new BadRequestError(`another crisis of this family is active (${active.id}): add to it rather than reopen this one`, 409);
    const crisis = (await setCrisisStatus(ctx.store.db, request.params.id, request.body.status, ctx.now())) as Crisis;
    await announce(crisis);
    return { crisis };
  });

  app.post<{ Params: { id: string }; Body: { author: string; text: string } }>('/crises/:id/notes', {
    schema: {
      summary: "Add a note to the crisis room's log",
      tags: ['crises'],
      params: idParams,
      body: { type: 'object', required: ['author', 'text'], properties: { author: personSchema, text: { type: 'string', minLength: 1, maxLength: 4000 } } },
    },
  }, async (request) => {
    await found(request.params.id);
    if (!request.body.text.trim()) throw new BadRequestError('expected a note with some text');
    return { note: await addNote(ctx.store.db, request.params.id, request.body.author, request.body.text, ctx.now()) };
  });

  app.post<{ Params: { id: string; item: string }; Body: { done: boolean; by?: string } }>('/crises/:id/checklist/:item', {
    schema: {
      summary: 'Tick or untick a step of the playbook',
      tags: ['crises'],
      params: { type: 'object', required: ['id', 'item'], properties: { id: { type: 'string', maxLength: 200 }, item: { type: 'string', maxLength: 100 } } },
      body: { type: 'object', required: ['done'], properties: { done: { type: 'boolean' }, by: { type: 'string', maxLength: 120 } } },
    },
  }, async (request) => {
    const crisis = await found(request.params.id);
    const steps = playbookSteps(ctx.config.alerts.playbook, entityLocale(ctx.config, crisis.rootEntityId));
    if (!steps.some((s) => s.id === request.params.item)) {
      throw new BadRequestError(`no playbook step has the id "${request.params.item.slice(0, 60)}"; expected one of ${steps.map((s) => s.id).join(', ')}`, 404);
    }
    await setChecklistItem(ctx.store.db, crisis.id, request.params.item, request.body.done, request.body.by ?? '', ctx.now());
    return { ok: true };
  });
}
