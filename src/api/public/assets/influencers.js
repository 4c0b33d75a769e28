// Influencers: authors ranked by influence, with the points each factor brings (the "why").
import { api, cardTable, clear, doneLoading, drawChart, el, fmt, query, setupEntitySelect, setupPage, showError, showSkeleton } from './common.js';
import { t } from './i18n.js';
import { periodQuery, setupPeriodSelect } from './period.js';

setupPage('influencers');
const tbody = document.querySelector('#influencer-table tbody');
const period = setupPeriodSelect(document.getElementById('period'), () => load());
const FACTORS = ['audience', 'engagement', 'amplification', 'graphRank', 'verified', 'journalist'];
/** A factor's name, lower case like the others ("engagement" alone is also a KPI title, "Engagement"). */
const factorName = (factor) => t(factor === 'engagement' ? 'engagementFactor' : factor);
let entityId;

const handleOf = (a) => `@${a.handle.replace(/^@/, '')}`;
/**
 * Names for a list of authors: the handle, with the platform where two platforms share it (@gadgetgrrl on X and on
 * YouTube are two rows of the ranking, and two bars that must not read as one author twice).
 */
function namesOf(authors) {
  const count = new Map();
  for (const a of authors) count.set(handleOf(a), (count.get(handleOf(a)) ?? 0) + 1);
  return authors.map((a) => (count.get(handleOf(a)) > 1 ? `${handleOf(a)} (${a.platform})` : handleOf(a)));
}

async function load() {
  showSkeleton(tbody, 6);
  try {
    const p = await periodQuery(period, () => api(`/api/influencers${query({ entity: entityId, limit: 1 })}`));
    const data = await api(`/api/influencers${query({ entity: entityId, ...p, limit: 50 })}`);
    period.learn(data.period);
    // The brand's own accounts (ownHandles) are not outside influencers: named apart, not ranked.
    const own = data.authors.filter((a) => a.own);
    const outside = data.authors.filter((a) => !a.own);
    document.getElementById('own-accounts').textContent = own.length ? `${t('ownAccountsApart')}: ${namesOf(own).join(', ')}` : '';
    const top = outside.slice(0, 15).reverse();
    const topNames = namesOf(top);
    drawChart(document.getElementById('influencer-chart'), {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      // A scrolling legend never runs off a phone's width.
      legend: { top: 0, type: 'scroll' },
      grid: { left: 10, right: 20, top: 35, bottom: 20, containLabel: true },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', data: topNames, axisLabel: { width: 150, overflow: 'truncate' } },
      series: FACTORS.map((factor) => ({
        name: factorName(factor), type: 'bar', stack: 'score',
        data: top.map((a) => a.why.find((p) => p.factor === factor)?.points ?? 0),
      })),
    }, `${t('influenceChart')}: ${top.map((a, i) => `${topNames[i]} ${fmt.decimal(a.score, 1)}`).reverse().join(', ')}`);
    clear(tbody, outside.map((a, i) => el('tr', { dataset: { author: a.id } },
      el('td', { class: 'num' }, i + 1),
      el('td', {}, handleOf(a), ' ', el('span', { class: 'meta' }, a.platform), a.verified ? [' ', el('span', { class: 'badge' }, t('verified'))] : null, a.journalist ? [' ', el('span', { class: 'badge' }, t('journalist'))] : null),
      el('td', { class: 'num' }, fmt.decimal(a.score, 1)),
      el('td', { class: 'meta' }, a.why.map((p) => `${factorName(p.factor)} ${fmt.decimal(p.points, 1)}`).join(' · ')),
      el('td', { class: 'num' }, a.mentions),
      el('td', { class: 'num' }, a.negativeMentions),
      el('td', { class: 'num' }, fmt.number(a.followers)))));
    cardTable(tbody.closest('table'));
    doneLoading(tbody);
  } catch (error) {
    // The chart's grey placeholder would promise data that is not coming: the table says what failed.
    document.getElementById('influencer-chart').classList.remove('skeleton');
    showError(tbody, error, load);
  }
}

({ entityId } = await setupEntitySelect(document.getElementById('entity'), { onChange: (id) => { entityId = id; load(); } }));
load();
