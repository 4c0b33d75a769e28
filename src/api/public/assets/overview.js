// Overview of a brand: KPI cards against the previous period, volume and sentiment, share of voice, open alerts, latest mentions.
import { api, clear, drawChart, el, fmt, formatKpi, query, RATIO_KPIS, setupEntitySelect, setupPage, showError, TONE_COLOURS, watchAlertEvents } from './common.js';
import { mentionItem } from './mention-item.js';
import { t } from './i18n.js';
import { periodQuery, setupPeriodSelect } from './period.js';

setupPage('overview');
const entitySelect = document.getElementById('entity');
const period = setupPeriodSelect(document.getElementById('period'), () => load());
let entityId;

const CARDS = ['volume', 'negativeShare', 'positiveShare', 'netSentiment', 'engagementRate', 'engagement', 'impressions'];
/** For these a rise is bad news, so it is shown in red. */
const RISE_IS_BAD = new Set(['negativeShare']);

/** Shares move in percentage points, sentiment in its own units, counts in percent of the previous value. */
function changeText(row) {
  if (RATIO_KPIS.has(row.name)) return `${fmt.signed(row.change * 100, 1)} ${t('pctPoints')} ${t('vsPrevious')}`;
  if (row.name.endsWith('Sentiment')) return `${fmt.signed(row.change)} ${t('vsPrevious')}`;
  if (row.changeRatio === null) return t('noPrevious');
  return `${row.change >= 0 ? '+' : ''}${fmt.percent(row.changeRatio)} ${t('vsPrevious')}`;
}

function card(row) {
  const direction = row.change > 0 ? 'up' : row.change < 0 ? 'down' : 'flat';
  const good = RISE_IS_BAD.has(row.name) ? (direction === 'up' ? 'down' : direction === 'down' ? 'up' : 'flat') : direction;
  return el('div', { class: 'kpi', dataset: { kpi: row.name } },
    el('div', { class: 'label' }, t(row.name)),
    el('div', { class: 'value' }, formatKpi(row.name, row.value)),
    el('div', { class: `change ${good}` }, `${direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■'} ${changeText(row)}`),
    row.norm === null ? null : el('div', { class: 'meta' }, `${t('norm')} ${formatKpi(row.name, row.norm)}`));
}

function volumeChart(data) {
  const x = data.series.map((b) => b.start);
  const tones = ['negative', 'neutral', 'positive'].map((tone) => ({
    name: t(tone), type: 'bar', stack: 'volume', itemStyle: { color: TONE_COLOURS[tone] },
    data: data.series.map((b) => [b.start, b[tone]]),
  }));
  drawChart(document.getElementById('volume-chart'), {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemGap: 20 },
    grid: { left: 50, right: 50, top: 30, bottom: 30 },
    xAxis: { type: 'time', min: x[0], max: data.period.to },
    yAxis: [{ type: 'value', name: t('volume') }, { type: 'value', name: t('netSentiment'), min: -1, max: 1 }],
    series: [...tones, { name: t('netSentiment'), type: 'line', yAxisIndex: 1, showSymbol: false, connectNulls: false, itemStyle: { color: '#2563eb' }, data: data.series.map((b) => [b.start, b.netSentiment]) }],
  });
}

function shareOfVoiceChart(data) {
  const names = data.shareOfVoice.map((s) => s.name);
  drawChart(document.getElementById('sov-chart'), {
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmt.percent(v) },
    legend: { top: 0 },
    grid: { left: 100, right: 20, top: 30, bottom: 20 },
    xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v) => fmt.percent(v) } },
    yAxis: { type: 'category', data: names },
    series: [
      { name: t('byVolume'), type: 'bar', data: data.shareOfVoice.map((s) => s.volumeShare) },
      { name: t('byReach'), type: 'bar', data: data.shareOfVoice.map((s) => s.reachShare) },
    ],
  });
}

function platformChart(data) {
  drawChart(document.getElementById('platform-chart'), {
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: data.platforms.map((p) => ({ name: p.key, value: p.count })) }],
  });
}

function competitorTable(data) {
  const target = document.getElementById('competitors');
  if (data.competitors.length === 0) return clear(target, el('p', { class: 'meta' }, '–'));
  const kpis = ['volume', 'negativeShare', 'netSentiment', 'engagementRate'];
  clear(target, el('table', {},
    el('thead', {}, el('tr', {}, el('th', {}, ''), kpis.map((k) => el('th', { class: 'num' }, t(k))))),
    el('tbody', {},
      el('tr', {}, el('th', {}, data.entity.name), kpis.map((k) => el('td', { class: 'num' }, formatKpi(k, data.kpis[k])))),
      data.competitors.map((c) => el('tr', {}, el('th', {}, c.name), kpis.map((k) => el('td', { class: 'num' }, formatKpi(k, c.kpis[k]))))))));
}

async function loadAlerts() {
  const list = document.getElementById('open-alerts');
  try {
    // A crisis stays open on every entity of its family (brand, products, people) until it is resolved.
    const [{ alerts: all }, { crises }] = await Promise.all([
      api(`/api/alerts${query({ entity: entityId, status: 'open', limit: 20 })}`),
      api(`/api/crises${query({ entity: entityId, active: true, limit: 20 })}`),
    ]);
    const alerts = all.filter((a) => !a.crisisId);
    if (alerts.length === 0 && crises.length === 0) return clear(list, el('li', { class: 'meta' }, t('noOpenAlerts')));
    const lang = new URLSearchParams(location.search).get('lang');
    clear(list, crises.map((c) => el('li', { class: 'crisis-item', dataset: { crisis: c.id } },
      el('span', { class: `badge ${c.severity}` }, c.severity), ' ', el('span', { class: 'badge' }, t(c.status === 'handled' ? 'acknowledged' : c.status)), ' ',
      el('a', { href: `/crises/${encodeURIComponent(c.id)}${query({ lang })}` }, c.headline),
      el('div', { class: 'meta' }, `${c.entities.map((e) => e.name).join(', ')}${c.owner ? ` · ${c.owner}` : ''}`))),
    alerts.map((a) => el('li', { dataset: { id: a.id } },
      el('span', { class: `badge ${a.severity}` }, a.severity), ' ',
      el('a', { href: `/alerts${query({ id: a.id, entity: entityId, lang })}` }, a.headline ?? a.why),
      el('div', { class: 'meta' }, fmt.date(a.detectedAt)))));
  } catch (error) {
    showError(list, error);
  }
}

async function loadAudience(p) {
  try {
    const a = await api(`/api/audience${query({ entity: entityId, ...p })}`);
    clear(document.getElementById('languages'), el('p', {}, a.languages.map((l) => `${l.key} ${fmt.percent(l.share)}`).join(' · ') || '–'));
    clear(document.getElementById('topics'), a.topics.map((topic) => el('li', {}, topic.phrase, ' ', el('span', { class: 'meta' }, `(${topic.count})`))));
    clear(document.getElementById('top-authors'), a.topAuthors.map((author) => el('li', {}, `@${author.handle.replace(/^@/, '')}`, ' ',
      el('span', { class: 'meta' }, `${author.platform} · ${fmt.number(author.followers)} ${t('followers').toLowerCase()} · ${author.mentions} ${t('mentions').toLowerCase()}`))));
    const adv = a.advocacy;
    const group = (label, g) => el('tr', {}, el('th', {}, label), el('td', { class: 'num' }, `${g.posts} ${t('posts')}`), el('td', { class: 'num' }, `${fmt.number(g.engagement)} ${t('engagement').toLowerCase()}`), el('td', { class: 'num' }, `${fmt.number(g.engagementPerPost)} ${t('perPost')}`));
    clear(document.getElementById('advocacy'), el('table', {}, el('tbody', {}, group(t('officialAccounts'), adv.official), group(t('employees'), adv.employees))),
      el('p', { class: 'meta' }, `${t('uniqueAudience')}: ${fmt.number(a.uniqueAudience)}`));
  } catch (error) {
    showError(document.getElementById('topics'), error);
  }
}

async function load() {
  const kpiTarget = document.getElementById('kpis');
  try {
    const p = await periodQuery(period, () => api(`/api/kpis${query({ entity: entityId })}`));
    const data = await api(`/api/kpis${query({ entity: entityId, ...p })}`);
    period.learn(data.period);
    clear(kpiTarget, data.comparison.filter((row) => CARDS.includes(row.name)).sort((a, b) => CARDS.indexOf(a.name) - CARDS.indexOf(b.name)).map(card));
    volumeChart(data);
    shareOfVoiceChart(data);
    platformChart(data);
    competitorTable(data);
    const { mentions } = await api(`/api/mentions${query({ entity: entityId, limit: 10 })}`);
    clear(document.getElementById('latest-mentions'), mentions.length ? mentions.map(mentionItem) : el('li', { class: 'meta' }, t('noMentions')));
    await loadAudience({ from: data.period.from, to: data.period.to });
  } catch (error) {
    showError(kpiTarget, error);
  }
}

({ entityId } = await setupEntitySelect(entitySelect, { onChange: (id) => { entityId = id; load(); loadAlerts(); } }));
load();
loadAlerts();
watchAlertEvents(() => loadAlerts());
