// The crisis room: one crisis of an entity family, with its owner, status, response clock, playbook, unanswered
// influential posts, evidence by influence and reach, alerts and team notes. Without an id: the list of crises.
import { api, clear, el, param, query, redraw, safeUrl, setupPage, showError, watchAlertEvents } from './common.js';
import { t } from './i18n.js';
import { duration, localTime, rememberedName, rememberName, tc } from './crisis-words.js';
import { toneBadges } from './stance-words.js';

setupPage('alerts');
const room = document.getElementById('room');
const pathId = location.pathname.match(/^\/crises\/([^/]+)$/)?.[1];
const crisisId = param('id') ?? (pathId ? decodeURIComponent(pathId) : undefined);
const keep = () => query({ lang: param('lang') });
/** Who is acting: the name typed in the room, else the one given last time. */
const who = () => document.getElementById('room-name')?.value.trim() || rememberedName();
/** A change to the room; the name of whoever made it is kept for the next ones (the room re-renders after). */
const post = (path, body) => {
  if (who()) rememberName(who());
  return api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
};

async function showList() {
  document.title = `${tc('crises')} · Vigie`;
  const { crises } = await api('/api/crises?limit=100');
  clear(room, el('section', { class: 'card' }, el('h1', {}, tc('crises')),
    crises.length === 0 ? el('p', { class: 'meta' }, tc('noCrisis')) :
      el('ul', { class: 'plain', id: 'crisis-list' }, crises.map((c) => el('li', {},
        el('span', { class: `badge ${c.severity}` }, tc(c.severity)), ' ', el('span', { class: `badge status-${c.status}` }, tc(c.status)), ' ',
        el('a', { href: `/crises/${encodeURIComponent(c.id)}${keep()}` }, c.headline),
        el('div', { class: 'meta' }, `${localTime(c.openedAt, c.timeZone)} · ${tc('owner')}: ${c.owner ?? tc('noOwner')}`))))));
}

/** A post of the room; `tone` (evidence only) shows its tone for the entity that cited it, and why, as badges. */
function mentionLine(m, timeZone, extra, tone) {
  const url = safeUrl(m.url);
  const badges = tone ? toneBadges(tone) : null;
  return el('li', { dataset: badges ? { id: m.id, linkLabel: badges.label } : { id: m.id } },
    el('div', { class: 'meta' }, badges ? [badges.badge, ' ', badges.stance, badges.stance ? ' ' : null] : null, `@${m.authorHandle.replace(/^@/, '')} · ${m.authorFollowers.toLocaleString()} ${t('followers').toLowerCase()} · ${localTime(m.publishedAt, timeZone)}`, extra ? ` · ${extra}` : '',
      url ? [' · ', el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, t('openOriginal'))] : null),
    el('div', { class: 'mention-text' }, m.text));
}

/** Renders started so far: a render whose answer comes back after a newer one's would show older data. */
let roomRenders = 0;

/**
 * After a change and the redraw that follows, puts the focus on `id`, unless the person moved to another control while
 * the request was on its way: a slow answer must not pull them back from the note they have started typing.
 */
function focusAfterChange(startedFrom, id) {
  const active = document.activeElement;
  if (!active || active === document.body || active.id === startedFrom) document.getElementById(id)?.focus();
}

/** Someone is working in the room (a field, a box, a button has the focus): a live redraw must wait. */
const working = () => room.contains(document.activeElement) && document.activeElement !== document.body;

async function showRoom(live = false) {
  const render = ++roomRenders;
  const data = await api(`/api/crises/${encodeURIComponent(crisisId)}`);
  // A newer render started meanwhile, or the team member started working while a live update was on its way.
  if (render !== roomRenders || (live && working())) return;
  const { crisis, clock, checklist, notes, unanswered, evidence } = data;
  const tz = crisis.timeZone;
  document.title = `${tc('crisisRoom')} · ${crisis.rootName} · Vigie`;
  const end = clock.resolvedAt ?? clock.now;
  const after = (at) => (at === null ? tc('notYet') : duration(at - clock.openedAt));

  const takeCharge = el('form', { id: 'take-charge', class: 'take-charge', onsubmit: async (e) => {
    e.preventDefault();
    const startedFrom = document.activeElement?.id;
    const name = document.getElementById('room-name').value.trim();
    if (!name) return document.getElementById('room-name').focus();
    rememberName(name);
    await post(`/api/crises/${encodeURIComponent(crisis.id)}/${crisis.owner ? 'owner' : 'take-charge'}`, crisis.owner ? { owner: name } : { by: name });
    await showRoom();
    focusAfterChange(startedFrom, 'crisis-owner');
  } },
  el('label', { for: 'room-name' }, tc('yourName')), ' ',
  el('input', { id: 'room-name', autocomplete: 'name', maxlength: 120, required: true, value: rememberedName() }), ' ',
  el('button', { type: 'submit', id: 'room-take-charge' }, crisis.owner ? tc('handOver') : tc('takeCharge')));

  const statusForm = el('form', { class: 'take-charge', onsubmit: async (e) => {
    e.preventDefault();
    await post(`/api/crises/${encodeURIComponent(crisis.id)}/status`, { status: document.getElementById('crisis-status-select').value });
    await showRoom();
  } },
  el('label', { for: 'crisis-status-select' }, tc('status')), ' ',
  el('select', { id: 'crisis-status-select' }, ['open', 'handled', 'resolved'].map((s) => el('option', { value: s, selected: s === crisis.status }, tc(s)))), ' ',
  el('button', { type: 'submit', class: 'secondary', id: 'crisis-status-set' }, tc('setStatus')));

  const steps = el('ul', { class: 'plain', id: 'checklist' }, checklist.map((step) => {
    const box = el('input', { type: 'checkbox', id: `step-${step.id}`, checked: step.doneAt !== null, onchange: async (e) => {
      const startedFrom = document.activeElement?.id;
      await post(`/api/crises/${encodeURIComponent(crisis.id)}/checklist/${encodeURIComponent(step.id)}`, { done: e.target.checked, by: who() });
      await showRoom();
      focusAfterChange(startedFrom, `step-${step.id}`);
    } });
    return el('li', { class: step.overdue ? 'overdue' : undefined }, box, ' ', el('label', { for: `step-${step.id}` }, step.label),
      el('div', { class: 'meta' },
        step.dueAt !== null ? `${tc('due')} ${localTime(step.dueAt, tz)}` : '',
        step.overdue ? [' · ', el('strong', { class: 'late' }, tc('overdue'))] : '',
        step.doneAt !== null ? ` · ${tc('doneBy')} ${step.doneBy ?? '?'} ${localTime(step.doneAt, tz)}` : ''));
  }));

  const noteText = el('textarea', { id: 'note-text', rows: 3, maxlength: 4000, required: true });
  const notesForm = el('form', { id: 'note-form', onsubmit: async (e) => {
    e.preventDefault();
    const startedFrom = document.activeElement?.id;
    const author = who();
    if (!author) return document.getElementById('room-name').focus();
    if (!noteText.value.trim()) return noteText.focus();
    await post(`/api/crises/${encodeURIComponent(crisis.id)}/notes`, { author, text: noteText.value });
    noteText.value = ''; // stored: no longer a draft for the redraw to keep
    await showRoom();
    focusAfterChange(startedFrom, 'note-text');
  } }, el('label', { for: 'note-text' }, tc('note')), noteText, el('button', { type: 'submit', id: 'note-add' }, tc('addNote')));

  // A live event may redraw the room while someone works in it, and the redraw after their own change may land after
  // they moved on to typing a note: every control of the room has an id, so that redraw() keeps its focus and text.
  redraw(room,
    el('section', { class: 'card room-head' },
      el('h1', { id: 'crisis-headline' }, el('span', { class: `badge ${crisis.severity}` }, tc(crisis.severity)), ' ', el('span', { class: `badge status-${crisis.status}`, id: 'crisis-status' }, tc(crisis.status)), ' ', crisis.headline),
      el('p', { id: 'crisis-owner', tabindex: '-1' }, `${tc('owner')}: `, el('strong', {}, crisis.owner ?? tc('noOwner'))),
      el('p', { class: 'meta' }, `${tc('entities')}: ${crisis.entities.map((e) => e.name).join(', ')}`),
      takeCharge, statusForm),
    el('section', { class: 'card' }, el('h2', {}, tc('clock')),
      el('table', { id: 'clock' }, el('tbody', {},
        el('tr', {}, el('th', { scope: 'row' }, tc('openedAt')), el('td', {}, localTime(clock.openedAt, tz))),
        el('tr', {}, el('th', { scope: 'row' }, tc('elapsed')), el('td', {}, duration(end - clock.openedAt))),
        el('tr', {}, el('th', { scope: 'row' }, tc('ownedAfter')), el('td', {}, after(clock.ownedAt))),
        el('tr', {}, el('th', { scope: 'row' }, tc('firstResponseAfter')), el('td', {}, after(clock.firstResponseAt)))))),
    el('section', { class: 'card' }, el('h2', {}, tc('checklist')), steps),
    el('section', { class: 'card' }, el('h2', {}, tc('unanswered')),
      unanswered.length === 0 ? el('p', { class: 'meta' }, tc('noUnanswered')) :
        el('ul', { class: 'plain', id: 'unanswered' }, unanswered.map((m) => mentionLine(m, tz, `${tc('influence')} ${Math.round(m.influence)}`)))),
    el('section', { class: 'card' }, el('h2', {}, tc('alertsInCrisis')),
      el('ul', { class: 'plain', id: 'crisis-alerts' }, crisis.alerts.map((a) => el('li', {},
        el('span', { class: `badge ${a.severity}` }, tc(a.severity)), ' ', el('span', { class: 'badge' }, t(a.status)), ' ',
        el('a', { href: `/alerts/${encodeURIComponent(a.id)}${keep()}` }, a.headline), el('div', { class: 'meta' }, a.why))))),
    el('section', { class: 'card' }, el('h2', {}, tc('notes')),
      notes.length === 0 ? el('p', { class: 'meta' }, tc('noNotes')) :
        el('ul', { class: 'plain', id: 'notes' }, notes.map((n) => el('li', {}, el('div', { class: 'meta' }, `${n.author} · ${localTime(n.createdAt, tz)}`), el('div', { class: 'mention-text' }, n.text)))),
      notesForm),
    el('section', { class: 'card' }, el('h2', {}, tc('evidence')),
      el('ol', { id: 'evidence' }, evidence.map((m) => mentionLine(m, tz, `${tc('influence')} ${Math.round(m.influence)} · ${tc('reach')} ${m.reach.toLocaleString()}${m.answered ? ` · ${tc('answered')}` : ''}`,
        { role: m.stance, tone: m.tone, entityName: m.entityName, versusName: m.versusName })))));
}

async function show(live = false) {
  try {
    await (crisisId ? showRoom(live) : showList());
  } catch (error) {
    // The room is the page's <main>: the error keeps a heading, so the page still has its one h1.
    showError(room, error, () => show());
    room.prepend(el('h1', { class: 'page-title' }, crisisId ? tc('crisisRoom') : tc('crises')));
  }
}

await show();
// Another member of the team took charge or changed the status: the room follows.
watchAlertEvents(() => {
  if (!working()) show(true);
});
