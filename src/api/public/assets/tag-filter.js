// The Mentions page's tag filter (custom tags from the API), the keys help line and the labeller's name.
import { api, el } from './common.js';
import { labellerField } from './label-controls.js';
import { w } from './label-words.js';

export async function setupTagFilter(select, caption, help) {
  caption.textContent = w('tag');
  help.replaceChildren(w('keysHelp'), ' ', labellerField());
  try {
    const { tags } = await api('/api/tags');
    select.append(...tags.map((tag) => el('option', { value: tag.id }, tag.name)));
  } catch {
    // the filter stays with "All" only; the mentions still load
  }
}
