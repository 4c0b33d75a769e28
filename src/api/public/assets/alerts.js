// Alerts: the list, and one alert's detail (why, timeline, volume around it, evidence, deliveries) with acknowledge / resolve.
import { api, clear, drawChart, el, fmt, param, query, redraw, setParams, setupEntitySelect, setupPage, showError, TONE_COLOURS, watchAlertEvents } from './common.js';
import { t } from './i18n.js';
import { mentionItem } from './mention-item.js';
import { localTime, rememberedName, rememberName, tc } from './crisis-words.js';

setupPage('alerts');
const list = document.getElementById('alert-list');
const detail = document.getElementById('alert-detail');
const statusSelect = document.getElementById('status');
statusSelect.value = param('status') ?? '';
let entityId;
// /alerts/<id> (the link of alert messages) and /alerts?id=<id> open the same alert.
const pathId = location.pathname.match(/^\/alerts\/([^/]+)$/)?.[1];
let selected = param('id') ?? (pathId ? decodeURIComponent(pathId) : undefined);

async function loadList() {
  try {
    const { alerts } = await api(`/api/alerts${query({ entity: entityId, status: statusSelect.value, limit: 200 })}`);
    if (alerts.length === 0) return clear(list, el('li', { class: 'meta' }, t('noAlerts')));
    // Each alert is a link: Tab reaches it, Enter opens it, and it works without the script too.
    clear(list, alerts.map((a) => el('li', { class: `alert-item${a.id === selected ? ' selected' : ''}`, dataset: { id: a.id, status: a.status } },
      el('span', { class: `badge ${a.severity}` }, tc(a.severity)), ' ', el('span', { class: 'badge' }, t(a.status)), ' ',
      el('a', { href: `/alerts/${encodeURIComponent(a.id)}${location.search}`, class: 'alert-link', 'aria-current': a.id === selected ? 'true' : undefined,
        onclick: (e) => { e.preventDefault(); select(a.id); } }, a.headline ?? a.entityName),
      el('div', {}, a.why),
      el('div', { class: 'meta' }, fmt.date(a.detectedAt)))));
  } catch (error) {
    showError(list, error, loadList);
  }
}

function select(id) {
  selected = id;
  if (pathId) history.replaceState(null, '', `/alerts${location.search}`);
  setParams({ id });
  for (const item of list.querySelectorAll('.alert-item')) item.classList.toggle('selected', item.dataset.id === id);
  loadDetail().then(() => document.getElementById('alert-headline')?.focus());
}

async function act(action) {
  const name = document.getElementById('owner-name')?.value.trim() ?? '';
  if (action === 'acknowledge' && !name) {
    document.getElementById('owner-name').focus();
    document.getElementById('name-needed').hidden = false;
    return;
  }
  if (name) rememberName(name);
  for (const button of detail.querySelectorAll('button')) button.disabled = true;
  try {
    await api(`/api/alerts/${encodeURIComponent(selected)}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(action === 'acknowledge' ? { by: name } : {}) });
  } catch (error) {
    showError(detail, error, loadDetail);
    return;
  }
  await Promise.all([loadDetail(), loadList()]);
  document.getElementById('alert-status')?.focus();
}

const HOUR = 3_600_000;

async function loadDetail() {
  if (!selected) return;
  try {
    const { alert, story, timeline, evidence, deliveries } = await api(`/api/alerts/${encodeURIComponent(selected)}`);
    const fact = (key, value) => (value ? el('tr', {}, el('th', { scope: 'row' }, tc(key)), el('td', {}, value)) : null);
    // Taking charge names a person (the crisis room's owner): a labelled field, then the button; Enter submits.
    const takeCharge = el('form', { class: 'take-charge', onsubmit: (e) => { e.preventDefault(); act('acknowledge'); } },
      el('label', { for: 'owner-name' }, tc('yourName')), ' ',
      el('input', { id: 'owner-name', name: 'by', autocomplete: 'name', maxlength: 120, value: rememberedName(), disabled: alert.status !== 'open' }), ' ',
      el('button', { type: 'submit', id: 'acknowledge', disabled: alert.status !== 'open' }, t('acknowledge')), ' ',
      el('button', { type: 'button', id: 'resolve', class: 'secondary', disabled: alert.status === 'resolved', onclick: () => act('resolve') }, t('resolve')),
      el('p', { id: 'name-needed', class: 'error', role: 'alert', hidden: true }, tc('nameNeeded')));
    // A live event redraws the detail: the keyboard's place in it (the status just focused after taking charge, a
    // button) and a name being typed must survive, or focus falls back to the top of the page.
    redraw(detail,
      el('h2', { id: 'alert-headline', tabindex: '-1' }, el('span', { class: `badge ${alert.severity}` }, tc(alert.severity)), ' ', el('span', { class: 'badge', id: 'alert-status', tabindex: '-1' }, t(alert.status)), ' ', story.headline),
      alert.acknowledgedBy ? el('p', { class: 'meta', id: 'alert-owner' }, `${tc('owner')}: ${alert.acknowledgedBy}`) : null,
      alert.crisisId ? el('p', {}, el('a', { href: `/crises/${encodeURIComponent(alert.crisisId)}${query({ lang: param('lang') })}`, id: 'open-room' }, tc('openRoom'))) : null,
      el('table', { class: 'story' }, el('tbody', {}, fact('whatHappened', story.whatHappened), fact('sinceWhen', story.sinceWhen), fact('howBig', story.howBig), fact('whoDrives', story.whoDrives), fact('nextStep', story.nextStep))),
      alert.phrases.length ? el('p', { class: 'meta' }, alert.phrases.join(' · ')) : null,
      takeCharge,
      el('div', { class: 'chart small', id: 'alert-chart' }),
      el('h3', {}, t('timeline')),
      // Times in the entity's time zone, as its messages give them.
      el('ul', { class: 'plain', id: 'timeline' }, timeline.map((s) => el('li', {}, el('strong', {}, t(s.event)), ' ', localTime(s.at, story.timeZone),
        s.event === 'acknowledged' && alert.acknowledgedBy ? ` (${alert.acknowledgedBy})` : null))),
      el('h3', {}, t('evidence')),
      // Each post's tone for the alert's entity, and why it is not the post's own ("praises Veltra over Kelio").
      el('ul', { class: 'plain', id: 'evidence' }, evidence.map((m) => mentionItem({
        id: m.id, url: m.url, text: m.text, platform: m.id.split(':')[0], publishedAt: m.publishedAt, sentiment: { label: m.tone ?? m.sentiment }, author: { handle: m.authorHandle },
        targets: m.stance ? [{ entityId: m.entityId, stance: m.stance, versus: m.versus }] : [],
      }, { entityId: m.entityId, nameOf: (id) => (id === m.entityId ? m.entityName : m.versusName ?? id) }))),
      el('h3', {}, t('deliveries')),
      el('table', {}, el('thead', {}, el('tr', {}, [t('channel'), t('event'), t('status'), t('attempts'), ''].map((h) => el('th', {}, h)))),
        el('tbody', {}, deliveries.map((d) => el('tr', {}, el('td', {}, d.channel), el('td', {}, d.event), el('td', {}, d.status), el('td', { class: 'num' }, d.attempts),
          el('td', { class: 'meta' }, d.lastError ?? (d.deliveredAt ? fmt.date(d.deliveredAt) : '')))))));
    const end = Math.max(alert.lastFiredAt, alert.resolvedAt ?? 0, alert.detectedAt);
    const around = await api(`/api/kpis${query({ entity: alert.entityId, from: alert.onsetAt - 24 * HOUR, to: end + 12 * HOUR, bucket: 'hour' })}`);
    drawChart(document.getElementById('alert-chart'), {
      tooltip: { trigger: 'axis' },
      grid: { left: 45, right: 15, top: 15, bottom: 30 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value' },
      series: [
        { name: t('negative'), type: 'bar', stack: 'v', itemStyle: { color: TONE_COLOURS.negative }, data: around.series.map((b) => [b.start, b.negative]),
          markLine: { symbol: 'none', label: { formatter: t('detected') }, data: [{ xAxis: alert.detectedAt }] } },
        { name: t('neutral'), type: 'bar', stack: 'v', itemStyle: { color: TONE_COLOURS.neutral }, data: around.series.map((b) => [b.start, b.neutral]) },
        { name: t('positive'), type: 'bar', stack: 'v', itemStyle: { color: TONE_COLOURS.positive }, data: around.series.map((b) => [b.start, b.positive]) },
      ],
    });
  } catch (error) {
    showError(detail, error, loadDetail);
  }
}

({ entityId } = await setupEntitySelect(document.getElementById('entity'), { allowAll: true, onChange: (id) => { entityId = id; loadList(); } }));
statusSelect.addEventListener('change', () => {
  setParams({ status: statusSelect.value });
  loadList();
});
loadList();
loadDetail();
watchAlertEvents((event) => {
  loadList();
  if (event.alertId === selected) loadDetail();
});
