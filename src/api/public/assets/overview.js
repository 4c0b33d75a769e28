// Overview of a brand: KPI cards against the previous period, volume and sentiment, share of voice, open alerts, latest mentions.
import { api, apiFetch, cardTable, clear, doneLoading, drawChart, el, fmt, formatKpi, param, query, RATIO_KPIS, setupEntitySelect, setupPage, share, showError, showSkeleton, TONE_COLOURS, watchAlertEvents } from './common.js';
import { mentionItem } from './mention-item.js';
import { lang, t } from './i18n.js';
import { periodQuery, setupPeriodSelect } from './period.js';
import { chartTime, localDateKey, timeZone } from './zone.js';

setupPage('overview');
const entitySelect = document.getElementById('entity');
const period = setupPeriodSelect(document.getElementById('period'), () => load());
let entityId;
/** Entity names by id, for the stance badges of the latest mentions. */
let entityNames = new Map();

const CARDS = ['volume', 'negativeShare', 'positiveShare', 'netSentiment', 'engagementRate', 'engagement', 'impressions'];
/** For these a rise is bad news, so it is shown in red. */
const RISE_IS_BAD = new Set(['negativeShare']);

/** Shares move in percentage points, sentiment in its own units, counts in percent of the previous value. */
function changeText(row) {
  if (row.change === null) return t('noPrevious');
  if (RATIO_KPIS.has(row.name)) return `${fmt.signed(row.change * 100, 1)} ${t('pctPoints')} ${t('vsPrevious')}`;
  if (row.name.endsWith('Sentiment')) return `${fmt.signed(row.change)} ${t('vsPrevious')}`;
  // From zero there is no percentage: the change is given as a count.
  if (row.changeRatio === null) return `${row.change > 0 ? '+' : ''}${fmt.number(row.change)} ${t('vsPrevious')}`;
  return `${row.change >= 0 ? '+' : ''}${fmt.percent(row.changeRatio)} ${t('vsPrevious')}`;
}

function card(row) {
  // No arrow and no colour against a previous period without data: there is nothing to compare with.
  if (row.change === null) {
    return el('div', { class: 'kpi', dataset: { kpi: row.name } },
      el('div', { class: 'label' }, t(row.name)),
      el('div', { class: 'value' }, formatKpi(row.name, row.value)),
      el('div', { class: 'change flat' }, changeText(row)),
      row.norm === null ? null : el('div', { class: 'meta' }, `${t('norm')} ${formatKpi(row.name, row.norm)}`));
  }
  const direction = row.change > 0 ? 'up' : row.change < 0 ? 'down' : 'flat';
  const good = RISE_IS_BAD.has(row.name) ? (direction === 'up' ? 'down' : direction === 'down' ? 'up' : 'flat') : direction;
  return el('div', { class: 'kpi', dataset: { kpi: row.name } },
    el('div', { class: 'label' }, t(row.name)),
    el('div', { class: 'value' }, formatKpi(row.name, row.value)),
    el('div', { class: `change ${good}` }, `${direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■'} ${changeText(row)}`),
    row.norm === null ? null : el('div', { class: 'meta' }, `${t('norm')} ${formatKpi(row.name, row.norm)}`));
}

/** The Mentions page of one bucket of the chart (and of one tone when a bar was chosen): the drill-down's target. */
function mentionsHref(bucketStart, step, tone) {
  const from = localDateKey(bucketStart);
  const to = localDateKey(bucketStart + step - 1);
  return `/mentions${query({ entity: entityId, from, to, sentiment: tone, lang: param('lang') })}`;
}

function openMentions(bucketStart, step, tone) {
  location.href = mentionsHref(bucketStart, step, tone);
}

const dayFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone });

/**
 * The chart's figures as a table, each count a link to its mentions: the drill-down for the keyboard (Tab, Enter) and
 * for screen readers, which cannot reach a bar of the SVG. Only the buckets that hold mentions are rows.
 */
function volumeTable(data, step) {
  const when = (b) => (data.bucket === 'day' ? dayFormat.format(new Date(b.start)) : fmt.date(b.start));
  const count = (b, tone) => {
    const n = tone ? b[tone] : b.total;
    // A distinct link name: "negative mentions, 17 Mar 2026: 3" rather than a bare "3".
    const name = `${t(`drill_${tone ?? 'all'}`)}, ${when(b)}: ${fmt.number(n)}`;
    return el('td', { class: 'num' }, n > 0 ? el('a', { href: mentionsHref(b.start, step, tone), 'aria-label': name, dataset: { tone: tone ?? 'all' } }, fmt.number(n)) : '0');
  };
  const rows = data.series.filter((b) => b.total > 0);
  clear(document.querySelector('#volume-table tbody'), rows.length
    ? rows.map((b) => el('tr', {}, el('th', { scope: 'row' }, when(b)), count(b, 'negative'), count(b, 'neutral'), count(b, 'positive'), count(b, null)))
    : el('tr', {}, el('td', { colspan: 5, class: 'meta' }, t('noMentions'))));
}

function volumeChart(data) {
  const x = data.series.map((b) => chartTime(b.start));
  const step = data.bucket === 'day' ? 86_400_000 : 3_600_000;
  const tones = ['negative', 'neutral', 'positive'].map((tone) => ({
    name: t(tone), type: 'bar', stack: 'volume', itemStyle: { color: TONE_COLOURS[tone] }, tone,
    data: data.series.map((b) => [chartTime(b.start), b[tone], b.start]),
  }));
  // Alert markers: a dashed line at each detection, labelled with its severity.
  tones[0].markLine = {
    symbol: 'none', silent: false,
    lineStyle: { color: '#b42323', type: 'dashed' },
    label: { formatter: (p) => p.name, position: 'insideEndTop', color: '#b42323', fontSize: 11 },
    data: data.alerts.map((a) => ({ name: `⚠ ${t(a.severity)}`, xAxis: chartTime(a.detectedAt) })),
  };
  const trendLabel = `${t('netSentiment')} (${data.trendWindowHours} h)`;
  const chart = drawChart(document.getElementById('volume-chart'), {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 10, right: 10, top: 55, bottom: 10, containLabel: true },
    xAxis: { type: 'time', min: x[0], max: chartTime(data.period.to) },
    yAxis: [
      { type: 'value', name: t('volume'), nameTextStyle: { align: 'left' } },
      { type: 'value', name: t('netSentiment'), min: -1, max: 1, nameTextStyle: { align: 'right' }, splitLine: { show: false } },
    ],
    series: [...tones, {
      name: trendLabel, type: 'line', yAxisIndex: 1, showSymbol: false, connectNulls: false, smooth: true, itemStyle: { color: '#1d4ed8' },
      data: data.series.map((b) => [chartTime(b.start), b.netSentimentTrend]),
    }],
  }, chartSummary(data));
  chart.off('click');
  chart.on('click', (p) => {
    if (p.componentType !== 'series' || !Array.isArray(p.value)) return;
    openMentions(p.value[2] ?? data.series[p.dataIndex]?.start, step, tones[p.seriesIndex]?.tone);
  });
  volumeTable(data, step);
  const alertsNote = document.getElementById('chart-alerts');
  clear(alertsNote, data.alerts.length ? `${t('alertMarkers')}: ${data.alerts.map((a) => `${t(a.severity)} · ${fmt.date(a.detectedAt)}`).join(' ; ')}` : '');
}

/** What the volume chart shows, in words: the text alternative of the chart. */
function chartSummary(data) {
  const total = data.series.reduce((s, b) => s + b.total, 0);
  const peak = data.series.reduce((best, b) => (b.total > (best?.total ?? -1) ? b : best), null);
  return `${t('volumeAndSentiment')}: ${fmt.number(total)} ${t('mentions').toLowerCase()}` +
    (peak && peak.total > 0 ? `; ${t('peak')} ${fmt.number(peak.total)} ${fmt.date(peak.start)}` : '') +
    (data.alerts.length ? `; ${data.alerts.length} ${t('alerts').toLowerCase()}` : '');
}

function shareOfVoiceChart(data) {
  const names = data.shareOfVoice.map((s) => s.name);
  drawChart(document.getElementById('sov-chart'), {
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmt.percent(v) },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 10, right: 20, top: 10, bottom: 35, containLabel: true },
    xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v) => fmt.percent(v) } },
    yAxis: { type: 'category', data: names, axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      { name: t('byVolume'), type: 'bar', data: data.shareOfVoice.map((s) => s.volumeShare) },
      { name: t('byReach'), type: 'bar', data: data.shareOfVoice.map((s) => s.reachShare) },
    ],
  }, `${t('shareOfVoice')}: ${data.shareOfVoice.map((s) => `${s.name} ${fmt.percent(s.volumeShare)} ${t('byVolume')}, ${fmt.percent(s.reachShare)} ${t('byReach')}`).join('; ')}`);
}

function platformChart(data) {
  drawChart(document.getElementById('platform-chart'), {
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: data.platforms.map((p) => ({ name: p.key, value: p.count })) }],
  }, `${t('platforms')}: ${data.platforms.map((p) => `${p.key} ${p.count}`).join(', ')}`);
}

function competitorTable(data) {
  const target = document.getElementById('competitors');
  if (data.competitors.length === 0) return clear(target, el('p', { class: 'meta' }, '–'));
  const kpis = ['volume', 'negativeShare', 'netSentiment', 'engagementRate'];
  const table = el('table', {},
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('entity')), kpis.map((k) => el('th', { class: 'num', scope: 'col' }, t(k))))),
    el('tbody', {},
      el('tr', {}, el('th', { scope: 'row' }, data.entity.name), kpis.map((k) => el('td', { class: 'num' }, formatKpi(k, data.kpis[k])))),
      data.competitors.map((c) => el('tr', {}, el('th', { scope: 'row' }, c.name), kpis.map((k) => el('td', { class: 'num' }, formatKpi(k, c.kpis[k])))))));
  clear(target, table);
  cardTable(table);
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
      el('span', { class: `badge ${c.severity}` }, t(c.severity)), ' ', el('span', { class: 'badge' }, t(c.status === 'handled' ? 'acknowledged' : c.status)), ' ',
      el('a', { href: `/crises/${encodeURIComponent(c.id)}${query({ lang })}` }, c.headline),
      el('div', { class: 'meta' }, `${c.entities.map((e) => e.name).join(', ')}${c.owner ? ` · ${c.owner}` : ''}`))),
    alerts.map((a) => el('li', { dataset: { id: a.id } },
      el('span', { class: `badge ${a.severity}` }, t(a.severity)), ' ',
      el('a', { href: `/alerts${query({ id: a.id, entity: entityId, lang })}` }, a.headline ?? a.why),
      el('div', { class: 'meta' }, fmt.date(a.detectedAt)))));
  } catch (error) {
    showError(list, error, loadAlerts);
  }
}

async function loadAudience(p) {
  try {
    const a = await api(`/api/audience${query({ entity: entityId, ...p })}`);
    clear(document.getElementById('languages'), el('p', {}, a.languages.map((l) => `${l.key} ${fmt.percent(l.share)}`).join(' · ') || '–'));
    clear(document.getElementById('top-authors'), a.topAuthors.map((author) => el('li', {}, `@${author.handle.replace(/^@/, '')}`, ' ',
      author.own ? [el('span', { class: 'badge' }, t('ownAccount')), ' '] : null,
      el('span', { class: 'meta' }, `${author.platform} · ${fmt.number(author.followers)} ${t('followers').toLowerCase()} · ${author.mentions} ${t('mentions').toLowerCase()}`))));
    const adv = a.advocacy;
    const group = (label, g) => el('tr', {}, el('th', {}, label), el('td', { class: 'num' }, `${g.posts} ${t('posts')}`), el('td', { class: 'num' }, `${fmt.number(g.engagement)} ${t('engagement').toLowerCase()}`), el('td', { class: 'num' }, `${fmt.number(g.engagementPerPost)} ${t('perPost')}`));
    clear(document.getElementById('advocacy'), el('table', { class: 'compact' }, el('tbody', {}, group(t('officialAccounts'), adv.official), group(t('employees'), adv.employees))),
      el('p', { class: 'meta' }, `${t('uniqueAudience')}: ${fmt.number(a.uniqueAudience)}`));
  } catch (error) {
    showError(document.getElementById('top-authors'), error, () => loadAudience(p));
  }
}

/** Themes with their volume and tone, each a link to its posts; and what grew or shrank against the previous period. */
async function loadThemes(p) {
  const list = document.getElementById('topics');
  const changes = document.getElementById('theme-changes');
  try {
    const data = await api(`/api/themes${query({ entity: entityId, ...p })}`);
    const link = (theme) => el('a', { href: `/mentions${query({ entity: entityId, text: theme.label, from: localDateKey(p.from), to: localDateKey(p.to - 1), lang: param('lang') })}` }, theme.label);
    const tone = (theme) => (theme.netSentiment === null ? '' : ` · ${t('netSentiment').toLowerCase()} ${fmt.signed(theme.netSentiment)}`);
    clear(list, data.themes.length ? data.themes.map((theme) => el('li', { class: 'theme', dataset: { theme: theme.label } },
      link(theme), ' ', el('span', { class: 'meta' }, `${theme.volume} ${t('posts')}${tone(theme)}`),
      theme.phrases.length > 1 ? el('div', { class: 'meta' }, theme.phrases.slice(1).join(' · ')) : null))
      : el('li', { class: 'meta' }, t('noThemes')));
    const moved = data.themes.filter((theme) => data.changes.includes(theme.label));
    clear(changes, moved.length ? moved.map((theme) => {
      const delta = theme.volume - theme.previousVolume;
      return el('li', { dataset: { theme: theme.label } }, link(theme), ' ',
        el('span', { class: delta > 0 ? 'meta' : 'meta' }, theme.previousVolume === 0 ? t('newTheme') : `${delta > 0 ? '+' : ''}${delta} ${t('posts')} (${theme.previousVolume} → ${theme.volume})`));
    }) : el('li', { class: 'meta' }, data.previousPosts === 0 ? t('noPrevious') : t('noChange')));
  } catch (error) {
    showError(list, error, () => loadThemes(p));
  }
}

async function load() {
  const kpiTarget = document.getElementById('kpis');
  const waiting = ['kpis', 'latest-mentions', 'topics', 'top-authors'].map((id) => document.getElementById(id));
  for (const target of waiting) showSkeleton(target, target.id === 'kpis' ? 1 : 3);
  try {
    const p = await periodQuery(period, () => api(`/api/kpis${query({ entity: entityId })}`));
    const data = await api(`/api/kpis${query({ entity: entityId, ...p })}`);
    period.learn(data.period);
    clear(kpiTarget, data.comparison.filter((row) => CARDS.includes(row.name)).sort((a, b) => CARDS.indexOf(a.name) - CARDS.indexOf(b.name)).map(card));
    volumeChart(data);
    shareOfVoiceChart(data);
    platformChart(data);
    competitorTable(data);
    if (share) showAlertsOf(data);
    const { mentions } = await api(`/api/mentions${query({ entity: entityId, from: data.period.from, to: data.period.to, limit: 10 })}`);
    clear(document.getElementById('latest-mentions'), mentions.length ? mentions.map((m) => mentionItem(m, { entityId, nameOf: (id) => entityNames.get(id) ?? id })) : el('li', { class: 'meta' }, t('noMentions')));
    await Promise.all([loadAudience({ from: data.period.from, to: data.period.to }), loadThemes({ from: data.period.from, to: data.period.to })]);
    document.body.dataset.ready = 'true';
    for (const target of waiting) doneLoading(target);
  } catch (error) {
    for (const target of waiting) doneLoading(target);
    showError(kpiTarget, error, load);
  }
}

/** Sources the platforms refuse (revoked token...), with the platform's own words: text only, never markup. */
async function loadSourceHealth() {
  try {
    const { sources } = await api('/api/sources');
    const failing = sources.filter((s) => s.status === 'failing');
    const section = document.getElementById('failing-sources');
    section.hidden = failing.length === 0;
    clear(document.getElementById('failing-list'), failing.map((s) => el('li', {}, el('strong', {}, s.id), ` (${s.type}): ${s.error}`, el('div', { class: 'meta' }, fmt.date(s.since)))));
  } catch {
    // the banner is a courtesy: the rest of the page does not depend on it
  }
}

/** In a shared view or a report: the alerts detected in the period, from the KPI answer (the alert list needs the token). */
function showAlertsOf(data) {
  const list = document.getElementById('open-alerts');
  document.querySelector('[data-i18n="openAlerts"]').textContent = t('alertsInPeriod');
  clear(list, data.alerts.length ? data.alerts.map((a) => el('li', { dataset: { id: a.id } },
    el('span', { class: `badge ${a.severity}` }, t(a.severity)), ' ', a.why, el('div', { class: 'meta' }, `${fmt.date(a.detectedAt)} · ${t(a.status)}`)))
    : el('li', { class: 'meta' }, t('noAlerts')));
}

({ entityId } = await setupEntitySelect(entitySelect, { onChange: (id) => { entityId = id; load(); loadAlerts(); } }).then((chosen) => {
  entityNames = new Map(chosen.entities.map((e) => [e.id, e.name]));
  return chosen;
}));
load();
if (!share) {
  loadAlerts();
  loadSourceHealth();
  watchAlertEvents(() => loadAlerts());
  setupReportActions();
}

/** The PDF report and a shareable link of what the page shows (entity and period). */
function setupReportActions() {
  const box = document.getElementById('report-actions');
  const current = async () => {
    const p = await periodQuery(period, () => api(`/api/kpis${query({ entity: entityId })}`));
    if (p.from === undefined) {
      const data = await api(`/api/kpis${query({ entity: entityId })}`);
      return { from: data.period.from, to: data.period.to };
    }
    return p;
  };
  const output = el('input', { type: 'url', readonly: true, id: 'share-url', 'aria-label': t('shareLink'), hidden: true });
  const status = el('span', { class: 'meta', role: 'status' });
  const pdf = el('button', { type: 'button', class: 'secondary', id: 'download-pdf', onclick: async () => {
    status.textContent = t('preparingPdf');
    try {
      const p = await current();
      // Fetched with the token in a header, then saved from memory: the token never goes into a URL.
      const response = await apiFetch(`/api/reports.pdf${query({ entity: entityId, ...p, lang })}`);
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'vigie-report.pdf';
      const href = URL.createObjectURL(await response.blob());
      const link = el('a', { href, download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      status.textContent = '';
    } catch (error) {
      status.textContent = error.message;
    }
  } }, t('downloadPdf'));
  const shareButton = el('button', { type: 'button', class: 'secondary', id: 'make-share', onclick: async () => {
    try {
      const p = await current();
      const { url, expires } = await api('/api/shares', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ entity: entityId, from: String(p.from), to: String(p.to) }) });
      output.value = url;
      output.hidden = false;
      output.select();
      status.textContent = `${t('shareExpires')} ${fmt.date(expires)}`;
    } catch (error) {
      status.textContent = error.message;
    }
  } }, t('shareView'));
  clear(box, pdf, ' ', shareButton, ' ', output, ' ', status);
}
