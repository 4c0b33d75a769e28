// The Labels page: how the scorer does against the team's labels, the "to review" list, the latest labels, and custom tags.
import { api, apiFetch, clear, drawChart, el, fmt, setupEntitySelect, setupPage, showError } from './common.js';
import { t } from './i18n.js';
import { enableLabelKeys, labellerField, withLabelControls } from './label-controls.js';
import { w } from './label-words.js';
import { mentionItem } from './mention-item.js';

setupPage('labels');
document.title = `${w('labels')} · Vigie`;
for (const [id, key] of [['figures-title', 'modelFigures'], ['review-title', 'toReview'], ['review-help', 'toReviewHelp'], ['keys-help', 'keysHelp'], ['recent-title', 'recentLabels'], ['tags-title', 'tags'], ['tag-chart-title', 'tagsOverTime'], ['tag-id-caption', 'tagId'], ['tag-name-caption', 'tagName'], ['tag-add', 'add']]) {
  document.getElementById(id).textContent = w(key);
}
const entitySelect = document.getElementById('entity');
const reviewList = document.getElementById('review-list');
const recentList = document.getElementById('recent-list');
const figures = document.getElementById('model-figures');
enableLabelKeys(reviewList);
document.getElementById('keys-help').append(' ', labellerField());

const f1 = (x) => (x === null || x === undefined ? '–' : x.toFixed(0));

/** "On 240 mentions your team labelled: lexicon 58, trained 71 macro-F1", per language. */
async function loadFigures() {
  try {
    const summary = await api('/api/labels/summary');
    if (summary.languages.length === 0) return clear(figures, el('p', {}, w('noLabels')));
    clear(figures, summary.languages.map((l) => {
      const m = l.model ?? l.latest;
      const on = (n) => `${w('labelledMentions', { n })} (${l.lang})${w('colon')}`;
      // Before a language can be trained, a macro-F1 over a few labels (often of one tone) says nothing: count instead.
      const line = m
        ? [`${on(m.labels)}${w('lexicon')} `, el('strong', {}, f1(m.lexiconMacroF1)), `, ${w('trained')} `, el('strong', {}, f1(m.trainedMacroF1)), ` ${w('macroF1')}`, l.model ? '' : ` — ${w('notAdopted')}`]
        : l.toTrain > 0
          ? [`${on(l.labels)}${w('agreed', { n: l.agreed })} — ${w('toTrain', { n: l.toTrain })}`]
          : [`${on(l.labels)}${w('scorerNow')} `, el('strong', {}, f1(l.scorerMacroF1)), ` ${w('macroF1')} — ${w('noModel')}`];
      return el('p', { dataset: { lang: l.lang } }, line);
    }));
  } catch (error) {
    showError(figures, error, loadFigures);
  }
}

/** Why a mention is to review, in the page's language ("lexique incertain (51 % neutre)"). */
function reviewReason(why) {
  const key = { 'model-disagrees': 'modelDisagrees', 'model-unsure': 'modelUnsure', 'lexicon-unsure': 'lexiconUnsure', 'first-labels-sample': 'firstLabelsSample' }[why.kind];
  return w(key, { label: t(why.label), lexiconLabel: t(why.lexiconLabel ?? ''), p: Math.round(100 * (why.confidence ?? 0)), n: why.firstLabels, labelled: why.labelled });
}

async function loadReview() {
  try {
    const { items } = await api(`/api/review?entity=${encodeURIComponent(entitySelect.value)}&limit=30`);
    clear(reviewList, items.length ? items.map((item) => {
      const li = withLabelControls(mentionItem(item.mention), item.mention);
      li.append(el('div', { class: 'review-reason' }, reviewReason(item.why)));
      return li;
    }) : el('li', { class: 'meta' }, w('nothingToReview')));
  } catch (error) {
    showError(reviewList, error, loadReview);
  }
}

async function loadRecent() {
  try {
    const { labels } = await api('/api/labels?limit=30');
    clear(recentList, labels.length ? labels.map((l) =>
      el('li', {}, el('div', { class: 'meta' }, el('span', { class: `badge ${l.label}` }, t(l.label)), ` ${w('labelledBy')} ${l.by} · ${fmt.date(l.at)} · ${w('was')} ${t(l.machineLabel)}`),
        el('div', { class: 'mention-text' }, l.text))) : el('li', { class: 'meta' }, w('noLabels')));
  } catch (error) {
    showError(recentList, error, loadRecent);
  }
}

async function loadTags() {
  const table = document.getElementById('tag-table');
  try {
    const [{ tags }, { series }] = await Promise.all([api('/api/tags'), api(`/api/tags/series?entity=${encodeURIComponent(entitySelect.value)}`)]);
    clear(table, tags.length === 0 ? el('tr', {}, el('td', {}, w('noTags'))) : [
      el('tr', {}, el('th', {}, w('tag')), el('th', { class: 'num' }, w('labelledCount')), el('th', { class: 'num' }, w('taggedCount'))),
      ...tags.map((tag) => el('tr', {}, el('td', {}, tag.name, ' ', el('span', { class: 'meta' }, tag.id)), el('td', { class: 'num' }, tag.labelled), el('td', { class: 'num' }, tag.tagged))),
    ]);
    const days = [...new Set(series.map((s) => s.day))].sort((a, b) => a - b);
    drawChart(document.getElementById('tag-chart'), {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: days.map((d) => new Date(d).toISOString().slice(0, 10)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: tags.map((tag) => ({ type: 'bar', stack: 'tags', name: tag.name, data: days.map((d) => series.find((s) => s.tagId === tag.id && s.day === d)?.count ?? 0) })),
    });
  } catch (error) {
    showError(table, error, loadTags);
  }
}

document.getElementById('tag-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  try {
    await apiFetch('/api/tags', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: form.elements.id.value.trim(), name: form.elements.name.value.trim() }) });
    form.reset();
    loadTags();
  } catch (error) {
    showError(document.getElementById('tag-table'), error);
  }
});
reviewList.addEventListener('labelled', () => {
  loadFigures();
  loadRecent();
});

await setupEntitySelect(entitySelect, { onChange: () => { loadReview(); loadTags(); } });
loadFigures();
loadReview();
loadRecent();
loadTags();
