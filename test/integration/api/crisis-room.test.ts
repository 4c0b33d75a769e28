// The crisis room on SQLite and PostgreSQL: a brand, its product and its CEO under fire are one crisis with one room,
// owned by the person who takes charge (by the signed email link or the dashboard), with notes, the playbook's
// checklist against the response clock, the unanswered influential posts, and the evidence by influence and reach.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../../src/api/server.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { linkSecret } from '../../../src/notify/link-secret.js';
import { createTargetStance } from '../../../src/scoring/target-stance.js';
import { signAction } from '../../../src/notify/signed-link.js';
import { getAlert, insertAlert, resolveAlert } from '../../../src/store/alert-repository.js';
import { attachToCrisis } from '../../../src/store/crisis-repository.js';
import { storeMentions } from '../../../src/store/mention-repository.js';
import { syncEntities } from '../../../src/store/entity-repository.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/services.js';
import { END, HOUR, mention, openAlert, silentLogger } from './api-fixtures.js';

const config = parseConfig(
  `
dataDir: /tmp/vigie-crisis-room-test
api: { linkSecret: crisis-room-test-secret }
timezone: Europe/Paris
entities:
  - { id: kelio, name: Kelio, kind: brand, terms: [kelio], locale: fr }
  - { id: aura, name: Kelio Aura, kind: product, parent: kelio, terms: [kelio aura] }
  - { id: ceo, name: Anne Kelio, kind: person, parent: kelio, terms: [anne kelio] }
  - { id: veltra, name: Veltra, kind: competitor, parent: kelio, terms: [veltra] }
alerts:
  playbook:
    - { id: holding-statement, label: Déclaration d'attente, withinMinutes: 30 }
    - { id: brief-ceo, label: Briefer la direction, withinMinutes: 60 }
`,
  'crisis-room.yaml',
  {},
);

const AT = END - 2 * HOUR;
const XSS = '<img src=x onerror=alert(1)>';
const MENTIONS = [
  // Fifty small posts first, then the journalist's, which the detectors listed last.
  ...Array.from({ length: 50 }, (_, i) => ({ ...mention({ id: `s${i}`, at: AT + i * 60_000, text: `Kelio Aura overheats ${i}`, tone: 'negative', entity: 'aura', reach: 20 }), entityIds: ['aura', 'kelio'] })),
  { ...mention({ id: 'journalist', at: AT + 5 * 60_000, text: `Kelio Aura melts: our test ${XSS}`, tone: 'negative', entity: 'aura', author: 'la_journaliste', followers: 410_000, reach: 400_000 }), influence: 85, entityIds: ['aura', 'kelio'] },
  { ...mention({ id: 'ceo-post', at: AT + 8 * 60_000, text: 'Anne Kelio must answer for the Aura', tone: 'negative', entity: 'ceo', author: 'analyst', followers: 40_000, reach: 30_000 }), influence: 55, entityIds: ['ceo', 'aura'] },
  { ...mention({ id: 'rival', at: AT + 9 * 60_000, text: 'glad i went with Veltra', tone: 'positive', entity: 'veltra', author: 'fan', reach: 50 }), entityIds: ['veltra'] },
  // Bad news for Kelio, good news for Veltra: linked to Veltra as favoured (positive) and to Kelio as implied (negative).
  switcher(),
];

/** A negative post that names only Veltra, chosen over Kelio; its links are the stance's, as the score stage stores them. */
function switcher() {
  const text = `glad i went with Veltra. at least it does not melt ${XSS}`;
  const targets = createTargetStance(config.entities).targets({ text, lang: 'en', tone: 'negative', entityIds: ['veltra'] });
  return { ...mention({ id: 'switcher', at: AT + 10 * 60_000, text, tone: 'negative', entity: 'veltra', author: 'switcher', reach: 60 }), entityIds: targets.map((t) => t.entityId), targets };
}

describe.each(DIALECTS)('crisis room on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  const evidence = [...Array.from({ length: 50 }, (_, i) => `x:s${i}`), 'x:journalist'];
  const brand = openAlert({ id: 'a-brand', entityId: 'kelio', severity: 'high', evidence, dedupKey: 'kelio:1', detectors: ['volume'], onsetAt: AT, detectedAt: AT });
  const product = openAlert({ id: 'a-aura', entityId: 'aura', severity: 'critical', evidence, dedupKey: 'aura:1', detectors: ['velocity'], onsetAt: AT, detectedAt: AT });
  const ceo = openAlert({ id: 'a-ceo', entityId: 'ceo', severity: 'medium', evidence: ['x:ceo-post'], dedupKey: 'ceo:1', detectors: ['influencer'], onsetAt: AT, detectedAt: AT });
  const rival = openAlert({ id: 'a-veltra', entityId: 'veltra', severity: 'high', evidence: ['x:rival', 'x:switcher'], dedupKey: 'veltra:1', detectors: ['volume'] });
  // The same post as evidence against Kelio (an alert of its own, outside the crisis).
  const switched = openAlert({ id: 'a-switch', entityId: 'kelio', severity: 'medium', evidence: ['x:switcher', 'x:journalist'], dedupKey: 'kelio:switch', detectors: ['volume'], onsetAt: AT, detectedAt: AT });
  const json = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const response = await app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  };

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await syncEntities(db.store.db, config.entities);
    await storeMentions(db.store, MENTIONS);
    for (const a of [brand, product, ceo, rival, switched]) await insertAlert(db.store.db, a);
    // The brand, its product and its CEO alerted at the same moment (three detect workers): one crisis.
    const crises = await Promise.all([attachToCrisis(db.store.db, brand.id, 'kelio', AT), attachToCrisis(db.store.db, product.id, 'kelio', AT), attachToCrisis(db.store.db, ceo.id, 'kelio', AT)]);
    expect(new Set(crises.map((c) => c.id)).size).toBe(1);
    await attachToCrisis(db.store.db, rival.id, 'veltra', AT);
    app = await buildApi({ config, store: db.store, logger: silentLogger(), now: () => AT + 45 * 60_000 });
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  it('holds the brand, its product and its CEO in one crisis, shown open on every entity of the family', async () => {
    const ids = new Set((await Promise.all([brand, product, ceo].map((a) => getAlert(db.store.db, a.id)))).map((a) => a?.crisisId));
    expect(ids.size).toBe(1);
    for (const entity of ['kelio', 'aura', 'ceo']) {
      const { crises } = await json('GET', `/api/crises?entity=${entity}&active=true`);
      expect(crises).toHaveLength(1);
      expect(crises[0]).toMatchObject({ status: 'open', rootEntityId: 'kelio', severity: 'critical', headline: 'Kelio : post négatif viral' });
      expect(crises[0].entities.map((e: { id: string }) => e.id).sort()).toEqual(['aura', 'ceo', 'kelio']);
    }
    // The competitor is a room of its own, never the brand's crisis.
    const { crises: rival } = await json('GET', '/api/crises?entity=veltra&active=true');
    expect(rival.map((c: { rootEntityId: string }) => c.rootEntityId)).toEqual(['veltra']);
  });

  it('shows the evidence by influence and reach, the unanswered influential posts and the response clock', async () => {
    const [crisis] = (await json('GET', '/api/crises?entity=kelio')).crises;
    const room = await json('GET', `/api/crises/${crisis.id}`);
    expect(room.evidence[0]).toMatchObject({ id: 'x:journalist', authorHandle: 'la_journaliste', text: `Kelio Aura melts: our test ${XSS}` });
    expect(room.evidence).toHaveLength(52);
    expect(room.unanswered.map((m: { id: string }) => m.id)).toEqual(['x:journalist', 'x:ceo-post']);
    expect(room.clock).toMatchObject({ openedAt: AT, ownedAt: null, firstResponseAt: null, now: AT + 45 * 60_000 });
    // 45 minutes in: the 30-minute holding statement is late, the 60-minute brief is not yet.
    expect(room.checklist.map((c: { id: string; overdue: boolean; dueAt: number }) => [c.id, c.overdue, c.dueAt - AT])).toEqual([
      ['holding-statement', true, 30 * 60_000],
      ['brief-ceo', false, 60 * 60_000],
    ]);
  });

  it("gives each evidence post its tone for the entity whose alert cited it, and the stance, not the post's tone", async () => {
    // The stored links are what the stance made of the post.
    expect(MENTIONS.at(-1)!.targets).toEqual([
      { entityId: 'veltra', role: 'favoured', label: 'positive', versus: 'kelio' },
      { entityId: 'kelio', role: 'implied', label: 'negative', versus: 'veltra' },
    ]);
    const [crisis] = (await json('GET', '/api/crises?entity=veltra')).crises;
    const room = await json('GET', `/api/crises/${crisis.id}`);
    const byId = new Map(room.evidence.map((m: { id: string }) => [m.id, m]));
    expect(byId.get('x:switcher')).toMatchObject({ entityId: 'veltra', sentiment: 'positive', tone: 'negative', stance: 'favoured', versus: 'kelio', entityName: 'Veltra', versusName: 'Kelio', text: `glad i went with Veltra. at least it does not melt ${XSS}` });
    expect(byId.get('x:rival')).toMatchObject({ entityId: 'veltra', sentiment: 'positive', tone: 'positive', stance: 'direct', versus: null, versusName: null });
    // Kelio's room: its posts are read for the family's entity whose alert cited them.
    const [kelioCrisis] = (await json('GET', '/api/crises?entity=kelio')).crises;
    const kelioRoom = await json('GET', `/api/crises/${kelioCrisis.id}`);
    expect(kelioRoom.evidence[0]).toMatchObject({ id: 'x:journalist', sentiment: 'negative', tone: 'negative', stance: 'direct' });
    expect(['kelio', 'aura']).toContain(kelioRoom.evidence[0].entityId);
    // The alert page reads the same post for Kelio: implied, compared with Veltra.
    const { evidence } = await json('GET', `/api/alerts/${switched.id}`);
    expect(evidence.map((m: { id: string }) => m.id)).toEqual(['x:switcher', 'x:journalist']);
    expect(evidence[0]).toMatchObject({ entityId: 'kelio', sentiment: 'negative', tone: 'negative', stance: 'implied', versus: 'veltra', entityName: 'Kelio', versusName: 'Veltra' });
    expect(evidence[1]).toMatchObject({ entityId: 'kelio', sentiment: 'negative', stance: 'direct', versusName: null });
    // Read for Veltra, the alert page says the opposite of the post's tone.
    const veltra = (await json('GET', `/api/alerts/${rival.id}`)).evidence;
    expect(veltra.find((m: { id: string }) => m.id === 'x:switcher')).toMatchObject({ sentiment: 'positive', tone: 'negative', stance: 'favoured', versusName: 'Kelio' });
  });

  it('names the owner who takes charge through the signed link, asking for a name, and makes the crisis handled', async () => {
    const signed = Object.fromEntries(new URLSearchParams(signAction(linkSecret(config.api, config.dataDir), { action: 'acknowledge', id: product.id, expires: AT + 7 * 24 * HOUR })));
    const form = (fields: Record<string, string>) => ({ method: 'POST' as const, url: '/ack', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
    const page = await app.inject({ method: 'GET', url: `/ack?${new URLSearchParams(signed)}` });
    expect(page.body).toContain('name="by"');
    // The same headline as the alert's messages and its dashboard page.
    expect(page.body).toContain('<h2 class="headline">Kelio Aura : post négatif viral</h2>');
    expect((await json('GET', `/api/alerts/${product.id}`)).alert.headline).toBe('Kelio Aura : post négatif viral');
    expect((await json('GET', `/api/alerts/${product.id}`)).story.headline).toBe('Kelio Aura : post négatif viral');
    expect(page.body).toContain('Prendre en charge');
    const nameless = await app.inject(form(signed));
    expect(nameless.statusCode).toBe(400);
    expect(nameless.body).toContain('Donnez votre nom');
    const taken = await app.inject(form({ ...signed, by: '  Léa   Martin ' }));
    expect(taken.statusCode).toBe(200);
    expect(taken.body).toContain('Prise en charge par Léa Martin.');
    expect((await getAlert(db.store.db, product.id))?.acknowledgedBy).toBe('Léa Martin');
    const [crisis] = (await json('GET', '/api/crises?entity=aura')).crises;
    expect(crisis).toMatchObject({ owner: 'Léa Martin', status: 'handled' });
    // A colleague taking charge later does not silently replace the owner; handing over is explicit.
    await json('POST', `/api/crises/${crisis.id}/take-charge`, { by: 'Marc' });
    expect((await json('GET', `/api/crises/${crisis.id}`)).crisis.owner).toBe('Léa Martin');
    await json('POST', `/api/crises/${crisis.id}/owner`, { owner: 'Marc' });
    expect((await json('GET', `/api/crises/${crisis.id}`)).crisis.owner).toBe('Marc');
    // Taking charge of the room took charge of its open alerts, in the owner's name.
    expect((await getAlert(db.store.db, brand.id))?.acknowledgedBy).toBe('Léa Martin');
  });

  it("keeps the team's notes as written and the checklist's ticks, and refuses an unknown step", async () => {
    const [crisis] = (await json('GET', '/api/crises?entity=kelio')).crises;
    await json('POST', `/api/crises/${crisis.id}/notes`, { author: 'Marc', text: `Statement drafted ${XSS}` });
    await json('POST', `/api/crises/${crisis.id}/checklist/holding-statement`, { done: true, by: 'Marc' });
    const room = await json('GET', `/api/crises/${crisis.id}`);
    expect(room.notes).toEqual([expect.objectContaining({ author: 'Marc', text: `Statement drafted ${XSS}` })]);
    expect(room.checklist[0]).toMatchObject({ id: 'holding-statement', doneBy: 'Marc', doneAt: AT + 45 * 60_000, overdue: true });
    const unknown = await app.inject({ method: 'POST', url: `/api/crises/${crisis.id}/checklist/nope`, payload: { done: true } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatch(/expected one of holding-statement, brief-ceo/);
  });

  it('resolves the crisis when its last alert resolves, and only then', async () => {
    const [crisis] = (await json('GET', '/api/crises?entity=kelio')).crises;
    await json('POST', `/api/alerts/${brand.id}/resolve`);
    await json('POST', `/api/alerts/${product.id}/resolve`);
    expect((await json('GET', `/api/crises/${crisis.id}`)).crisis.status).toBe('handled');
    await resolveAlert(db.store.db, 'unrelated');
    await json('POST', `/api/alerts/${ceo.id}/resolve`);
    const after = await json('GET', `/api/crises/${crisis.id}`);
    expect(after.crisis.status).toBe('resolved');
    expect((await json('GET', '/api/crises?entity=aura&active=true')).crises).toEqual([]);
  });
});
