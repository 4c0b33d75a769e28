// Whose tone a mention carries for one entity (scoring/target-stance.ts): the link's label, and a short badge saying
// why it differs from the post's tone ("compares Kelio unfavourably with Veltra"), in English and French. Names are
// entity names from the configuration, but they are still only ever written as text.
import { el } from './common.js';
import { lang, t } from './i18n.js';

const WORDS = {
  en: {
    favoured: (x, y) => (y ? `praises ${x} over ${y}` : `praises ${x}`),
    disfavoured: (x, y) => (y ? `compares ${x} unfavourably with ${y}` : `unfavourable to ${x}`),
    implied: (x, y) => (y ? `compares ${x} unfavourably with ${y} (${x} not named)` : `unfavourable to ${x} (not named)`),
    bystander: (x, y) => (y ? `aimed at ${y}, not ${x}` : `${x} is not the target`),
    toneFor: (x, post) => `tone for ${x} (the post: ${post})`,
  },
  fr: {
    favoured: (x, y) => (y ? `préfère ${x} à ${y}` : `en faveur de ${x}`),
    disfavoured: (x, y) => (y ? `compare ${x} défavorablement à ${y}` : `défavorable à ${x}`),
    implied: (x, y) => (y ? `compare ${x} défavorablement à ${y} (${x} non cité)` : `défavorable à ${x} (non cité)`),
    bystander: (x, y) => (y ? `vise ${y}, pas ${x}` : `${x} n'est pas visé`),
    toneFor: (x, post) => `tonalité pour ${x} (la publication : ${post})`,
  },
};
const words = WORDS[lang];

/**
 * A link's label from its role and the post's tone: the same rule as linkLabel in scoring/target-stance.ts
 * (test/e2e/crisis-room.test.ts compares the two on every role and tone).
 */
export function linkLabel(role, tone) {
  if (role === 'favoured') return tone === 'negative' ? 'positive' : tone;
  if (role === 'bystander') return tone === 'negative' ? 'neutral' : tone;
  if (role === 'disfavoured' || role === 'implied') return tone === 'positive' ? 'negative' : tone;
  return tone;
}

/**
 * The stance worth showing: a role that changes who the tone is about (favoured, implied, bystander), or any role
 * whose label differs from the post's tone. A plain direct link, or a disfavoured side of a negative post, says nothing new.
 */
export function stanceShown(role, label, tone) {
  if (!role || role === 'direct') return false;
  return role === 'favoured' || role === 'implied' || role === 'bystander' || label !== tone;
}

/** The badge's sentence, e.g. "compares Kelio unfavourably with Veltra". */
export function stanceText(role, entityName, versusName) {
  const say = words[role];
  return say ? say(entityName, versusName || undefined) : '';
}

/**
 * The tone and stance badges of one link: { role, tone (the post's), entityName, versusName }. The tone badge shows the
 * link's label; its tooltip and accessible name say whose tone it is when it differs from the post's.
 */
export function toneBadges({ role, tone, entityName, versusName }) {
  const label = linkLabel(role, tone);
  const differs = label !== tone;
  const badge = el('span', { class: `badge ${label}`, title: differs ? words.toneFor(entityName, t(tone)) : undefined }, t(label));
  const stance = stanceShown(role, label, tone) ? el('span', { class: 'badge stance', dataset: { stance: role } }, stanceText(role, entityName, versusName)) : null;
  return { label, badge, stance };
}
