// Business: a social series overlaid on a business series by day, the correlation by lag, and the full correlation table.
import { api, cardTable, clear, doneLoading, drawChart, el, fmt, param, query, setParams, setupEntitySelect, setupPage, showError, showSkeleton } from './common.js';
import { t } from './i18n.js';

setupPage('business');
const socialSelect = document.getElementById('social');
const metricSelect = document.getElementById('metric');
const note = document.getElementById('business-note');
const tbody = document.querySelector('#correlation-table tbody');
let entityId;
let data;

const p = (x) => (x === null ? '–' : x < 0.001 ? `<${fmt.decimal(0.001, 3)}` : fmt.decimal(x, 3));
const r = (x) => fmt.decimal(x, 2);

function fillSelect(select, names, chosen, label) {
  clear(select, names.map((n) => el('option', { value: n }, label(n))));
  select.value = names.includes(chosen) ? chosen : names[0] ?? '';
}

function draw() {
  const social = socialSelect.value;
  const metric = metricSelect.value;
  setParams({ social, metric });
  drawChart(document.getElementById('business-chart'), {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 60, right: 60, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: data.days },
    yAxis: [{ type: 'value', name: t(social), scale: true }, { type: 'value', name: metric, scale: true }],
    series: [
      { name: t(social), type: 'line', showSymbol: false, data: data.social[social] },
      metric ? { name: metric, type: 'line', yAxisIndex: 1, showSymbol: false, data: data.business[metric] } : null,
    ].filter(Boolean),
  });
  const pair = data.correlations.find((c) => c.social === social && c.business === metric);
  drawChart(document.getElementById('lag-chart'), {
    tooltip: { trigger: 'axis' },
    grid: { left: 50, right: 20, top: 20, bottom: 30 },
    xAxis: { type: 'category', name: t('lag'), data: (pair?.lags ?? []).map((l) => l.lag) },
    yAxis: { type: 'value', min: -1, max: 1 },
    series: [
      { name: t('pearson'), type: 'bar', data: (pair?.lags ?? []).map((l) => l.pearson) },
      { name: t('spearman'), type: 'bar', data: (pair?.lags ?? []).map((l) => l.spearman) },
    ],
  });
}

async function load() {
  showSkeleton(tbody, 4);
  try {
    data = await api(`/api/business${query({ entity: entityId })}`);
    const metrics = Object.keys(data.business);
    note.hidden = metrics.length > 0;
    note.textContent = t('noBusiness');
    fillSelect(socialSelect, Object.keys(data.social), param('social') ?? 'volume', t);
    fillSelect(metricSelect, metrics, param('metric'), (n) => n);
    draw();
    clear(tbody, data.correlations.map((c) => {
      const best = c.strongest ?? c.lags.find((l) => l.lag === 0);
      return el('tr', {},
        el('td', {}, t(c.social)), el('td', {}, c.business), el('td', { class: 'num' }, best.lag),
        el('td', { class: 'num' }, r(best.pearson)), el('td', { class: 'num' }, p(best.pearsonP)),
        el('td', { class: 'num' }, r(best.spearman)), el('td', { class: 'num' }, p(best.spearmanP)),
        el('td', { class: 'num' }, best.n), el('td', { class: 'warning' }, best.warning ?? ''));
    }));
    cardTable(tbody.closest('table'));
    doneLoading(tbody);
  } catch (error) {
    // The charts' grey placeholders would promise data that is not coming: the table says what failed.
    for (const id of ['business-chart', 'lag-chart']) document.getElementById(id).classList.remove('skeleton');
    showError(tbody, error, load);
  }
}

({ entityId } = await setupEntitySelect(document.getElementById('entity'), { onChange: (id) => { entityId = id; load(); } }));
socialSelect.addEventListener('change', draw);
metricSelect.addEventListener('change', draw);
load();
