// Mentions explorer: filter by entity, platform, tone, language, influence, period and text; page through; export CSV.
import { apiFetch, api, clear, drawChart, el, param, query, setParams, setupEntitySelect, setupPage, showError, TONE_COLOURS } from './common.js';
import { t } from './i18n.js';
import { mentionItem } from './mention-item.js';
import { enableLabelKeys, withLabelControls } from './label-controls.js';
import { setupTagFilter } from './tag-filter.js';

setupPage('mentions');
const form = document.getElementById('filters');
const list = document.getElementById('mention-list');
const more = document.getElementById('more');
const FIELDS = ['entity', 'platform', 'sentiment', 'lang', 'tag', 'minInfluence', 'from', 'to', 'text'];
/** A mention with its one-click / one-key tone correction. */
const item = (m) => withLabelControls(mentionItem(m), m);
let shown = [];
/** Where the next page starts: the time and id of the last mention shown, or null when there is none. */
let nextPage = null;

await setupTagFilter(form.elements.tag, document.getElementById('tag-caption'), document.getElementById('label-keys-help'));
for (const name of FIELDS) if (name !== 'entity' && param(name)) form.elements[name].value = param(name);
enableLabelKeys(list);

/** The form as API query values; dates are whole UTC days, "to" inclusive. */
function filters() {
  const values = Object.fromEntries(FIELDS.map((name) => [name, form.elements[name].value.trim()]));
  if (values.to) values.to = new Date(Date.parse(values.to) + 86_400_000).toISOString().slice(0, 10);
  return values;
}

function drawSummaries() {
  const tones = ['negative', 'neutral', 'positive'].map((tone) => ({ name: t(tone), value: shown.filter((m) => m.sentiment.label === tone).length, itemStyle: { color: TONE_COLOURS[tone] } }));
  drawChart(document.getElementById('tone-chart'), { tooltip: { trigger: 'item' }, series: [{ type: 'pie', radius: ['35%', '65%'], data: tones }] });
  const platforms = new Map();
  for (const m of shown) platforms.set(m.platform, (platforms.get(m.platform) ?? 0) + 1);
  drawChart(document.getElementById('mention-platform-chart'), {
    tooltip: { trigger: 'axis' },
    grid: { left: 80, right: 20, top: 10, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: [...platforms.keys()] },
    series: [{ type: 'bar', data: [...platforms.values()] }],
  });
}

async function load(append = false) {
  try {
    const data = await api(`/api/mentions${query({ ...filters(), limit: 50, ...(append ? nextPage : {}) })}`);
    shown = append ? [...shown, ...data.mentions] : data.mentions;
    nextPage = data.nextBefore === null ? null : { before: data.nextBefore, beforeId: data.nextBeforeId };
    if (append) list.append(...data.mentions.map(item));
    else clear(list, shown.length ? shown.map(item) : el('li', { class: 'meta' }, t('noMentions')));
    more.hidden = nextPage === null;
    drawSummaries();
  } catch (error) {
    showError(list, error);
  }
}

async function exportCsv() {
  // Fetched with the token in a header, then saved from memory: the token never goes into a URL.
  const response = await apiFetch(`/api/mentions.csv${query(filters())}`);
  const href = URL.createObjectURL(await response.blob());
  const link = el('a', { href, download: 'mentions.csv' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

await setupEntitySelect(form.elements.entity, { allowAll: true, onChange: () => load() });
form.addEventListener('submit', (event) => {
  event.preventDefault();
  setParams(filters());
  load();
});
more.addEventListener('click', () => load(true));
list.addEventListener('labelled', (event) => {
  const m = shown.find((x) => x.id === event.detail.id);
  if (m) m.sentiment.label = event.detail.label;
  drawSummaries();
});
document.getElementById('export').addEventListener('click', () => exportCsv().catch((error) => showError(list, error)));
load();
