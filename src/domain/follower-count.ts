// Audience sizes written short ("12,3 k", "1.2M") for alert texts.
import { LOCALES, type Locale } from './locale.js';

const COMPACT = Object.fromEntries(LOCALES.map((locale) => [locale, new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 })])) as Record<
  Locale,
  Intl.NumberFormat
>;

/** "12K", "1.2M" in English; "12 k", "1,2 M" in French. */
export const compactCount = (n: number, locale: Locale = 'en'): string => COMPACT[locale].format(n);

/** "12,3 k abonnés", "1 abonné": how French alert texts give an author's followers. */
export const frenchFollowers = (n: number): string => `${compactCount(n, 'fr')} abonné${n >= 2 ? 's' : ''}`;
