// The interface language of a page: ?lang=, else the browser's Accept-Language, else the configured locale.
import { LOCALES, type Locale } from '../domain/locale.js';

const isLanguage = (s: string): s is Locale => (LOCALES as readonly string[]).includes(s);

export function chooseLanguage(queryLang: string | undefined, acceptLanguage: string | undefined, fallback: Locale): Locale {
  const asked = (queryLang ?? '').toLowerCase();
  if (isLanguage(asked)) return asked;
  const preferences = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { lang: tag.toLowerCase().split('-')[0], q: q ? Number(q[1]) : 1, index };
    })
    .filter((p) => p.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return preferences.map((p) => p.lang).find(isLanguage) ?? fallback;
}
