// The Mentions page's tag filter (custom tags from the API) and the keys help line.
import { api, el } from './common.js';
import { w } from './label-words.js';

export async function setupTagFilter(select, caption, help) {
  caption.textContent = w('tag');
  help.textContent = w('keysHelp');
  try {
    const { tags } = await api('/api/tags');
    select.append(...tags.map((tag) => el('option', { value: tag.id }, tag.name)));
  } catch {
    // the filter stays with "All" only; the mentions still load
  }
}
