// One mention as a list item: tone, author, platform, time, a link to the original, and the text (always as text).
import { el, fmt, safeUrl } from './common.js';
import { t } from './i18n.js';

export function mentionItem(m) {
  const url = safeUrl(m.url);
  return el('li', { class: 'mention', dataset: { id: m.id } },
    el('div', { class: 'meta' }, el('span', { class: `badge ${m.sentiment.label}` }, t(m.sentiment.label)), ' ', `@${m.author.handle.replace(/^@/, '')}`, ' · ', m.platform, ' · ', fmt.date(m.publishedAt),
      // A distinct name per link: a list of identical "open the original" links says nothing out of context.
      url ? [' · ', el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', 'aria-label': `${t('openOriginal')}: @${m.author.handle.replace(/^@/, '')}, ${fmt.date(m.publishedAt)}` }, t('openOriginal'))] : null),
    el('div', { class: 'mention-text' }, m.text));
}
