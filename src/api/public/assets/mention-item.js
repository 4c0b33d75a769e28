// One mention as a list item: tone, author, platform, time, a link to the original, and the text (always as text).
import { el, fmt, safeUrl } from './common.js';
import { t } from './i18n.js';
import { toneBadges } from './stance-words.js';

/**
 * `focus` ({ entityId, nameOf }) is the entity the list is about: the tone badge then shows the mention's label for
 * that entity (its link in m.targets), with a stance badge when the tone is not simply the post's ("praises Veltra
 * over Kelio"). Without it, or without a link to it, the badge shows the post's tone.
 */
export function mentionItem(m, focus) {
  const url = safeUrl(m.url);
  const link = focus?.entityId ? m.targets?.find((x) => x.entityId === focus.entityId) : undefined;
  const tone = el('span', { class: 'tone' });
  const item = el('li', { class: 'mention', dataset: { id: m.id } },
    el('div', { class: 'meta' }, tone, ' ', `@${m.author.handle.replace(/^@/, '')}`, ' · ', m.platform, ' · ', fmt.date(m.publishedAt),
      // A distinct name per link: a list of identical "open the original" links says nothing out of context.
      url ? [' · ', el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', 'aria-label': `${t('openOriginal')}: @${m.author.handle.replace(/^@/, '')}, ${fmt.date(m.publishedAt)}` }, t('openOriginal'))] : null),
    el('div', { class: 'mention-text' }, m.text));
  /** Redraws the badges for the post's tone `postTone` (a team correction changes it; the link's role stays). */
  item.showTone = (postTone) => {
    const shown = toneBadges({
      role: link?.stance ?? 'direct',
      tone: postTone,
      entityName: link ? focus.nameOf(focus.entityId) : '',
      versusName: link?.versus ? focus.nameOf(link.versus) : '',
    });
    tone.replaceChildren(...[shown.badge, shown.stance ? ' ' : null, shown.stance].filter(Boolean));
    item.dataset.linkLabel = shown.label;
    return shown.label;
  };
  item.showTone(m.sentiment.label);
  return item;
}
