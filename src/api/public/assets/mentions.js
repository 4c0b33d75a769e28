// Mentions explorer: filter by entity, platform, tone, language, influence, period and text; page through; export CSV.
import { apiFetch, api, clear, doneLoading, drawChart, el, fmt, param, query, setParams, setupEntitySelect, setupPage, showError, showSkeleton, TONE_COLOURS } from './common.js';
import { lang, t } from './i18n.js';
import { mentionItem } from './mention-item.js';
import { zonedMidnight } from './zone.js';
import { enableLabelKeys, withLabelControls } from './label-controls.js';
import { setupTagFilter } from './tag-filter.js';

setupPage('mentions');
const form = document.getElementById('filters');
const list = document.getElementById('mention-list');
const more = document.getElementById('more');
const FIELDS = ['entity', 'platform', 'sentiment', 'postLang', 'tag', 'minInfluence', 'from', 'to', 'text'];
/** Entity names by id, for the stance badges ("praises Veltra over Kelio"). */
let names = new Map();
/** The entity the list is about: its tone, and why it is not the post's, is what each mention shows. */
const focus = () => ({ entityId: form.elements.entity.value, nameOf: (id) => names.get(id) ?? id });
/** A mention with its one-click / one-key tone correction. */
const item = (m) => withLabelControls(mentionItem(m, focus()), m);
let shown = [];
/** Where the next page starts: the time and id of the last mention shown, or null when there is none. */
let nextPage = null;

await setupTagFilter(form.elements.tag, document.getElementById('tag-caption'), document.getElementById('label-keys-help'));
for (const name of FIELDS) if (!['entity', 'platform', 'postLang'].includes(name) && param(name)) form.elements[name].value = param(name);
enableLabelKeys(list);

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

/** Tone and platform charts of every mention the filter matches, counted by the server. */
async function drawSummaries() {
  const count = document.getElementById('mention-count');
  try {
    const summary = await api(`/api/mentions/summary${query(filters())}`);
    count.textContent = `${fmt.number(summary.total)} ${t('mentionsMatch')}`;
    const tones = ['negative', 'neutral', 'positive'].map((tone) => ({ name: t(tone), value: summary.tones[tone], itemStyle: { color: TONE_COLOURS[tone] } }));
    drawChart(document.getElementById('tone-chart'), {
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '65%'], label: { formatter: '{b}: {c}' }, data: tones }],
    }, `${t('tone')}: ${tones.map((x) => `${x.name} ${x.value}`).join(', ')}`);
    const platforms = [...summary.platforms].reverse();
    drawChart(document.getElementById('mention-platform-chart'), {
      tooltip: { trigger: 'axis' },
      grid: { left: 10, right: 30, top: 10, bottom: 20, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: platforms.map((p) => p.key) },
      series: [{ type: 'bar', data: platforms.map((p) => p.count), label: { show: true, position: 'right' } }],
    }, `${t('platforms')}: ${summary.platforms.map((p) => `${p.key} ${p.count}`).join(', ')}`);
  } catch (error) {
    showError(count, error, drawSummaries);
  }
}

/** The platform and post-language choices: those the entity's mentions actually have. */
async function fillChoices() {
  const { platforms, languages } = await api(`/api/mentions/summary${query({ entity: form.elements.entity.value })}`);
  for (const [name, options] of [['platform', platforms], ['postLang', languages]]) {
    const select = form.elements[name];
    const chosen = select.value || param(name) || '';
    const keys = options.map((o) => o.key);
    if (chosen && !keys.includes(chosen)) keys.push(chosen);
    clear(select, el('option', { value: '' }, t('all')), keys.map((k) => el('option', { value: k }, k)));
    select.value = chosen;
  }
}

async function load(append = false) {
  if (!append) showSkeleton(list, 5);
  try {
    const data = await api(`/api/mentions${query({ ...filters(), limit: 50, ...(append ? nextPage : {}) })}`);
    shown = append ? [...shown, ...data.mentions] : data.mentions;
    nextPage = data.nextBefore === null ? null : { before: data.nextBefore, beforeId: data.nextBeforeId };
    if (append) list.append(...data.mentions.map(item));
    else clear(list, shown.length ? shown.map(item) : el('li', { class: 'meta' }, t('noMentions')));
    more.hidden = nextPage === null;
    doneLoading(list);
    if (!append) await drawSummaries();
  } catch (error) {
    showError(list, error, () => load(append));
  }
}

async function exportCsv() {
  // Fetched with the token in a header, then saved from memory: the token never goes into a URL.
  const response = await apiFetch(`/api/mentions.csv${query({ ...filters(), sep: document.getElementById('csv-separator').value })}`);
  // The server names the file after the entity and the period.
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'mentions.csv';
  const href = URL.createObjectURL(await response.blob());
  const link = el('a', { href, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

const { entities } = await setupEntitySelect(form.elements.entity, { allowAll: true, onChange: () => fillChoices().then(() => load()) });
names = new Map(entities.map((e) => [e.id, e.name]));
await fillChoices().catch((error) => showError(list, error));
form.addEventListener('submit', (event) => {
  event.preventDefault();
  setParams(formValues());
  load();
});
more.addEventListener('click', () => load(true));
// French spreadsheets split columns on ';' and read '0,5' as a number.
if (lang === 'fr') document.getElementById('csv-separator').value = 'semicolon';
list.addEventListener('labelled', (event) => {
  const m = shown.find((x) => x.id === event.detail.id);
  if (m) m.sentiment.label = event.detail.label;
  drawSummaries();
});
document.getElementById('export').addEventListener('click', () => exportCsv().catch((error) => showError(list, error)));
load();
