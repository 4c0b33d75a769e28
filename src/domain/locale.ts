// The languages Vigie writes in: pages, alerts, their messages and digests.
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
