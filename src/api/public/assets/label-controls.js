// One-click and one-key correction of a mention's tone: three buttons per mention, keys on the focused mention.
import { apiFetch, el } from './common.js';
import { t } from './i18n.js';
import { w } from './label-words.js';

const TONES = ['negative', 'neutral', 'positive'];
const KEYS = { 1: 'negative', n: 'negative', 2: 'neutral', u: 'neutral', 3: 'positive', p: 'positive', 0: null };

/** "labelled by ana" for a label, "72 % sure" for the scorer's reading: how far to trust the tone shown. */
function certainty(m) {
  if (m.labelledBy) return `${w('labelledBy')} ${m.labelledBy.by} (${w('was')} ${t(m.labelledBy.machineLabel)})`;
  return `${Math.round(100 * m.sentiment.confidence)} % ${w('sure')}`;
}

const NAME_KEY = 'vigie-labeller';
/** Who labels from this browser (the API token is shared, so the name is asked for, and remembered here). */
export const labellerName = () => localStorage.getItem(NAME_KEY)?.trim() || undefined;

/** A "Your name" field that remembers who labels from this browser. */
export function labellerField() {
  const input = el('input', { type: 'text', maxlength: 200, size: 14, autocomplete: 'name', value: labellerName() ?? '', onchange: (e) => localStorage.setItem(NAME_KEY, e.target.value.trim()) });
  return el('label', { class: 'labeller' }, w('yourName'), ' ', input);
}

async function sendLabel(id, label) {
  const url = `/api/mentions/${encodeURIComponent(id)}/label`;
  const by = labellerName();
  const init = label === null
    ? { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ source: 'dashboard', by }) }
    : { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ label, source: 'dashboard', by }) };
  return (await apiFetch(url, init)).json();
}

/** Adds the correction buttons and the certainty line to a mention's list item, and keeps them in step with the API. */
export function withLabelControls(item, mention) {
  const m = structuredClone(mention);
  item.tabIndex = 0;
  item.classList.add('labellable');
  // The tone shown is the mention's for the list's entity (mention-item.js), which a correction of the post re-derives.
  const shownTone = () => item.dataset.linkLabel || m.sentiment.label;
  item.setAttribute('aria-label', `${t(shownTone())}: ${m.text.slice(0, 80)}`);
  const note = el('span', { class: 'certainty' }, certainty(m));
  const status = el('span', { class: 'label-status', role: 'status', 'aria-live': 'polite' });
  const buttons = TONES.map((tone) =>
    el('button', { type: 'button', class: `tone-button ${tone}`, dataset: { tone }, 'aria-pressed': String(m.sentiment.label === tone && !!m.labelledBy), title: `${w('correct')}: ${t(tone)}`, onclick: () => apply(tone) }, t(tone)),
  );
  const render = () => {
    const badge = item.querySelector('.meta .badge');
    if (item.showTone) {
      item.showTone(m.sentiment.label);
      item.setAttribute('aria-label', `${t(shownTone())}: ${m.text.slice(0, 80)}`);
    } else if (badge) {
      badge.className = `badge ${m.sentiment.label}`;
      badge.textContent = t(m.sentiment.label);
    }
    note.textContent = certainty(m);
    for (const b of buttons) b.setAttribute('aria-pressed', String(!!m.labelledBy && b.dataset.tone === m.sentiment.label));
    item.dataset.label = m.labelledBy ? m.sentiment.label : '';
  };
  async function apply(tone) {
    status.textContent = '…';
    try {
      const result = await sendLabel(m.id, tone);
      m.sentiment.label = result.effective;
      m.sentiment.confidence = tone === null ? m.sentiment.confidence : 1;
      m.labelledBy = tone === null ? null : { by: labellerName() ?? 'dashboard', at: Date.now(), machineLabel: m.labelledBy?.machineLabel ?? mention.sentiment.label };
      status.textContent = w('saved');
      render();
      item.dispatchEvent(new CustomEvent('labelled', { bubbles: true, detail: { id: m.id, label: result.effective } }));
    } catch (error) {
      status.textContent = error.message ?? String(error);
    }
  }
  item.labelWith = apply;
  item.append(el('div', { class: 'label-controls', role: 'group', 'aria-label': w('correct') }, buttons, ' ', note, ' ', status));
  return item;
}

/** Keys on the focused mention of a list: 1/N, 2/U, 3/P set the tone, 0 removes the label, J/K move. */
export function enableLabelKeys(list) {
  list.addEventListener('keydown', (event) => {
    const item = event.target.closest?.('li.labellable');
    // On the mention, or on one of its tone buttons (where a click left the focus); never in a field or on a link.
    const onMention = item && (event.target === item || event.target.classList.contains('tone-button'));
    if (!onMention || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key in KEYS) {
      event.preventDefault();
      item.labelWith(KEYS[key]);
    } else if (key === 'j' || key === 'arrowdown' || key === 'k' || key === 'arrowup') {
      const items = [...list.querySelectorAll('li.labellable')];
      const next = items[items.indexOf(item) + (key === 'j' || key === 'arrowdown' ? 1 : -1)];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  });
}
