// Which database URLs Vigie accepts (PostgreSQL, sqlite:, a file path), and how to show one without its password.

const EXPECTED = 'expected postgres://, postgresql://, sqlite:<file> or a file path';

/** The password of `user:password@` (after a scheme or not), and of `password=` in a query or key=value string. */
export function maskCredentials(text: string): string {
  return text
    .replace(/(\/\/[^\s/:@]*:)[^\s@]*@/g, '$1***@')
    .replace(/(^|[\s/])([^\s/:@]+:)(?!\*\*\*@)[^\s@/]+@/g, '$1$2***@')
    .replace(/(\bpassword=)[^&\s]*/gi, '$1***');
}

/**
 * Why a database URL cannot be used, or undefined when it can. Anything that is not a PostgreSQL URL used to be taken
 * as a SQLite file name: `mysql://…` or the typo `postgresql//…` silently created a new, empty database named after
 * the URL, password included. Only a path without a scheme or credentials is a file now.
 */
export function databaseUrlProblem(url: string): string | undefined {
  const refuse = (why: string) => `${EXPECTED}, got "${maskCredentials(url)}" (${why})`;
  if (url === '' || url === ':memory:') return undefined;
  if (/^postgres(ql)?:\/\//i.test(url)) {
    try {
      new URL(url);
      return undefined;
    } catch {
      return refuse('not a valid URL');
    }
  }
  if (/^sqlite:/i.test(url)) return url.replace(/^sqlite:(\/\/)?/i, '') ? undefined : refuse('no file after sqlite:');
  // A one-letter scheme is a Windows drive (C:\vigie.db), not a URL.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1];
  if (scheme) return refuse(`Vigie cannot use a ${scheme}: database`);
  if (/^(postgres(ql)?|sqlite|mysql|mariadb)\b/i.test(url) || /[^\s/:@]+:[^\s@]*@/.test(url)) return refuse('it looks like a mistyped URL, not a file path');
  return undefined;
}
