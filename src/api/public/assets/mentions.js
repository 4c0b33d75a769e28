// Mentions explorer: filter by entity, platform, tone, language, influence, period and text; page through; export CSV.
import { apiFetch, api, clear, drawChart, el, param, query, setParams, setupEntitySelect, setupPage, showError, TONE_COLOURS } from './common.js';
import { t } from './i18n.js';
import { mentionItem } from './mention-item.js';
import { zonedMidnight } from './zone.js';

setupPage('mentions');
const form = document.getElementById('filters');
const list = document.getElementById('mention-list');
const more = document.getElementById('more');
const FIELDS = ['entity', 'platform', 'sentiment', 'postLang', 'minInfluence', 'from', 'to', 'text'];
let shown = [];
/** Where the next page starts: the time and id of the last mention shown, or null when there is none. */
let nextPage = null;

for (const name of FIELDS) if (name !== 'entity' && param(name)) form.elements[name].value = param(name);

/** The form as it goes in the address bar: postLang, not lang, which is the interface language. */
const formValues = () => Object.fromEntries(FIELDS.map((name) => [name, form.elements[name].value.trim()]));

/** The form as API query values; dates are whole days of the workspace's time zone, "to" inclusive. */
function filters() {
  const { postLang, ...values } = formValues();
  values.lang = postLang;
  if (values.from) values.from = zonedMidnight(values.from);
  if (values.to) values.to = zonedMidnight(new Date(Date.parse(values.to) + 86_400_000).toISOString().slice(0, 10));
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
    if (append) list.append(...data.mentions.map(mentionItem));
    else clear(list, shown.length ? shown.map(mentionItem) : el('li', { class: 'meta' }, t('noMentions')));
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
  setParams(formValues());
  load();
});
more.addEventListener('click', () => load(true));
document.getElementById('export').addEventListener('click', () => exportCsv().catch((error) => showError(list, error)));
load();
