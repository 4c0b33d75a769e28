// What every dashboard page shares: API calls with the token, DOM building that only ever writes text, navigation, charts, live events.
import { lang, t, translatePage } from './i18n.js';
import { offsetLabel, timeZone } from './zone.js';

const TOKEN_KEY = 'vigie-token';
const params = new URLSearchParams(location.search);

/**
 * A shared, read-only view (/share/<token>): the server puts the token on <html data-share>; its payload (not secret,
 * signed) names the entity and the period the link shows.
 */
export const share = (() => {
  const token = document.documentElement.dataset.share;
  if (!token) return null;
  try {
    const [entity, from, to, expires] = JSON.parse(atob(token.split('.')[0].replace(/-/g, '+').replace(/_/g, '/')));
    return { token, entity, from, to, expires };
  } catch {
    return null;
  }
})();

/** Builds an element; string children become text nodes, so data can never become markup. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

/**
 * clear() for a region someone may be working in when it is redrawn (a live event, or the answer to their own change
 * arriving late): the focused control keeps the focus, and a field they changed and did not send yet keeps its text,
 * both found again by id in the new content.
 */
export function redraw(node, ...children) {
  const focusedId = node.contains(document.activeElement) ? document.activeElement.id : '';
  const drafts = [...node.querySelectorAll('input[id], textarea[id]')].filter((field) => field.type !== 'checkbox' && field.type !== 'radio' && field.value !== field.defaultValue);
  clear(node, ...children);
  for (const draft of drafts) {
    const field = document.getElementById(draft.id);
    if (field) field.value = draft.value;
  }
  if (focusedId) document.getElementById(focusedId)?.focus();
}

/** Only http(s) links from data are followed: a javascript: URL in a mention must not become clickable. */
export function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function askForToken() {
  return new Promise((resolve) => {
    const input = el('input', { type: 'password', id: 'token-input', autocomplete: 'current-password', required: true });
    const dialog = el('form', { class: 'token-form', id: 'token-form' },
      el('p', {}, t('tokenPrompt')), el('label', {}, t('token'), ' ', input), el('button', { type: 'submit' }, t('signIn')));
    dialog.addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, input.value.trim());
      dialog.remove();
      resolve();
    });
    document.body.prepend(dialog);
    input.focus();
  });
}

function authHeaders() {
  if (share) return { authorization: `Share ${share.token}` };
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { authorization: `Bearer ${token}` } : {};
}

let tokenPrompt = null;

/** fetch() of the API with the token; asks for the token when the API says it is missing or wrong. */
export async function apiFetch(path, options = {}) {
  for (;;) {
    const response = await fetch(path, { ...options, headers: { ...(options.headers ?? {}), ...authHeaders() } });
    if (response.status !== 401 || share) {
      if (!response.ok) throw new Error(`${t('loadFailed')} ${path.split('?')[0]} (${response.status})`);
      return response;
    }
    sessionStorage.removeItem(TOKEN_KEY);
    tokenPrompt ??= askForToken().finally(() => (tokenPrompt = null));
    await tokenPrompt;
  }
}

export async function api(path, options) {
  return (await apiFetch(path, options)).json();
}

export function query(values) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const param = (name) => params.get(name) ?? undefined;

/** Replaces query parameters in the address bar without reloading. */
export function setParams(values) {
  const url = new URL(location.href);
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') url.searchParams.delete(k);
    else url.searchParams.set(k, String(v));
  }
  history.replaceState(null, '', url);
}

const PAGES = [['/', 'overview'], ['/alerts', 'alerts'], ['/mentions', 'mentions'], ['/influencers', 'influencers'], ['/business', 'business'], ['/labels', 'labels']];

/** The interface language lives in ?lang= (the mention-language filter of the Mentions page has its own parameter). */
function languageSwitch() {
  const link = (code, name) => {
    const target = () => {
      const now = new URL(location.href);
      now.searchParams.set('lang', code);
      return now.pathname + now.search;
    };
    // The href is refreshed at click time: the filters in the address bar may have changed since.
    return el('a', { href: target(), hreflang: code, lang: code, 'aria-current': code === lang ? 'true' : undefined, onclick: (e) => (e.currentTarget.href = target()) }, name);
  };
  return el('nav', { class: 'lang-switch', 'aria-label': t('interfaceLanguage') }, link('en', 'English'), link('fr', 'Français'));
}

/** Navigation that keeps the language and the entity; the page's one h1; the zone every time is shown in; the page's own texts translated. */
export function setupPage(active) {
  const keep = () => query({ lang: param('lang'), entity: new URLSearchParams(location.search).get('entity') });
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('mainNavigation'));
  if (share) document.body.classList.add('shared');
  clear(nav, PAGES.map(([path, key]) => el('a', { href: path + keep(), class: key === active ? 'active' : undefined, 'aria-current': key === active ? 'page' : undefined, onclick: (e) => (e.currentTarget.href = path + keep()) }, t(key))));
  const header = document.querySelector('header.top');
  header.append(el('div', { class: 'page-meta' },
    el('span', { class: 'time-zone', id: 'time-zone', title: t('timeZoneHelp') }, `${t('timesIn')} ${timeZone} (${offsetLabel()})`),
    languageSwitch()));
  const main = document.querySelector('main');
  if (main && !document.querySelector('h1')) main.prepend(el('h1', { class: 'page-title' }, t(active)));
  translatePage();
  document.title = `${t(active)} · Vigie`;
}

/** Fills the entity <select> (brands first) and returns the chosen entity id. */
export async function setupEntitySelect(select, { allowAll = false, onChange } = {}) {
  const entities = await api('/api/entities');
  const order = { brand: 0, product: 1, person: 2, competitor: 3 };
  entities.sort((a, b) => order[a.kind] - order[b.kind]);
  clear(select, allowAll ? el('option', { value: '' }, t('allEntities')) : null, entities.map((e) => el('option', { value: e.id }, e.name)));
  const asked = share?.entity ?? param('entity');
  if (share) select.disabled = true;
  select.value = entities.some((e) => e.id === asked) ? asked : allowAll ? '' : entities[0]?.id ?? '';
  select.addEventListener('change', () => {
    setParams({ entity: select.value });
    onChange?.(select.value);
  });
  return { entityId: select.value, entities };
}

const numberFormat = new Intl.NumberFormat(lang, { maximumFractionDigits: 1, notation: 'compact' });
const percentFormat = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
const dateTimeFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone });
/** Fixed-decimal formats in the page's language ("0,56" in French), with a sign or without, made once per kind. */
const decimalFormats = new Map();
function decimalFormat(digits, signed) {
  const key = `${digits}:${signed}`;
  if (!decimalFormats.has(key)) decimalFormats.set(key, new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: signed ? 'exceptZero' : 'auto' }));
  return decimalFormats.get(key);
}

export const fmt = {
  number: (n) => (n === null || n === undefined ? '–' : numberFormat.format(n)),
  percent: (n) => (n === null || n === undefined ? '–' : percentFormat.format(n)),
  /** "+0.49" / "+0,49": the sign always, except on what rounds to zero. */
  signed: (n, digits = 2) => (n === null || n === undefined ? '–' : decimalFormat(digits, true).format(n)),
  /** "59.1" / "59,1". */
  decimal: (n, digits) => (n === null || n === undefined ? '–' : decimalFormat(digits, false).format(n)),
  /** In the workspace's zone, which the page header names once. */
  date: (ms) => dateTimeFormat.format(new Date(ms)),
};

/** The KPIs that are ratios (shown as percentages). */
export const RATIO_KPIS = new Set(['positiveShare', 'neutralShare', 'negativeShare', 'engagementRate']);
export const formatKpi = (name, value) => (RATIO_KPIS.has(name) ? fmt.percent(value) : name.endsWith('Sentiment') ? fmt.signed(value) : fmt.number(value));

/**
 * On phones a wide table becomes one card per row (style.css, table.cards): each cell is labelled with its column's
 * header, copied here into data-label. Called after the rows are filled.
 */
export function cardTable(table) {
  const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
  table.classList.add('cards');
  for (const row of table.querySelectorAll('tbody tr')) [...row.children].forEach((cell, i) => cell.setAttribute('data-label', headers[i] ?? ''));
}

export const TONE_COLOURS = { negative: '#d64545', neutral: '#9aa5b1', positive: '#2f9e6b' };

/**
 * The page's font family, named. ECharts measures its labels on a canvas, where "inherit" is no font: it measured them
 * in the canvas's default 10 px font while the SVG drew them 12 px in the page's, so legend names ran over the next
 * legend's colour. Named, the family measures as it draws.
 */
const pageFontFamily = () => getComputedStyle(document.body).fontFamily;

/**
 * Draws an ECharts chart (SVG renderer) and marks the container data-drawn once it has rendered. Time axes are drawn
 * in UTC: their x values come from chartTime() (zone.js), the workspace's wall clock. `describe` is the chart's text
 * alternative (role="img" with an aria-label), since an SVG of bars says nothing to a screen reader.
 */
export function drawChart(container, option, describe) {
  const chart = globalThis.echarts.getInstanceByDom(container) ?? globalThis.echarts.init(container, null, { renderer: 'svg' });
  chart.off('finished');
  chart.on('finished', () => {
    container.dataset.drawn = 'true';
    // ECharts' own aria label on the SVG is generic; the container carries ours.
    container.querySelector('svg')?.setAttribute('aria-hidden', 'true');
  });
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', describe ?? container.closest('section')?.querySelector('h2')?.textContent ?? t('chart'));
  container.classList.remove('skeleton');
  chart.setOption({ animation: false, useUTC: true, textStyle: { fontFamily: pageFontFamily() }, ...option }, true);
  if (!container.dataset.resizeWatched) {
    container.dataset.resizeWatched = 'true';
    new ResizeObserver(() => chart.resize()).observe(container);
  }
  return chart;
}

/**
 * Content wrapped in what its container may hold: a table (body) takes rows only, a list items only. A <div> straight
 * in a <tbody> or a <ul> breaks the structure assistive technology reads (axe: "list", "aria-required-children").
 */
function fitFor(target, content) {
  if (target.tagName === 'TBODY' || target.tagName === 'TABLE') {
    const columns = target.closest('table')?.querySelectorAll('thead th').length || 1;
    return el('tr', { class: 'placeholder-row' }, el('td', { colspan: columns }, content));
  }
  if (target.tagName === 'UL' || target.tagName === 'OL') return el('li', { class: 'placeholder-row' }, content);
  return content;
}

/** A readable message in place of what failed, with a button that tries again. */
export function showError(target, error, retry) {
  target.classList?.remove('skeleton');
  target.removeAttribute?.('aria-busy');
  clear(target, fitFor(target, el('div', { class: 'error', role: 'alert' },
    el('p', {}, error.message ?? String(error)),
    retry ? el('button', { type: 'button', class: 'secondary', onclick: () => retry() }, t('retry')) : null)));
}

/** Grey placeholder blocks while the data loads (aria-busy tells assistive technology to wait); in a table, as rows. */
export function showSkeleton(target, lines = 3) {
  target.setAttribute('aria-busy', 'true');
  const inList = target.tagName === 'UL' || target.tagName === 'OL';
  const line = () => el(inList ? 'li' : 'div', { class: 'skeleton-line', 'aria-hidden': 'true' });
  clear(target, Array.from({ length: lines }, () => (inList ? line() : fitFor(target, line()))));
}

export function doneLoading(target) {
  target.removeAttribute('aria-busy');
}

/**
 * Alert changes pushed by the server (server-sent events). Read with fetch rather than EventSource so the
 * token travels in a header, never in a URL.
 */
export function watchAlertEvents(onEvent) {
  if (share) return; // a shared view is a snapshot of a period, and alert events need the token
  const indicator = document.getElementById('live');
  const connect = async () => {
    try {
      const response = await apiFetch('/api/events', { headers: { accept: 'text/event-stream' } });
      if (indicator) indicator.hidden = false;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (data) onEvent(JSON.parse(data));
        }
      }
    } catch {
      // the server went away; try again below
    }
    if (indicator) indicator.hidden = true;
    setTimeout(connect, 3000);
  };
  connect();
}
