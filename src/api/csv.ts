// CSV export: RFC 4180 quoting, and cells a spreadsheet would run as a formula neutralised (formula injection).
// Two dialects: ',' with decimal points (the default), and ';' with decimal commas, which French spreadsheets open as
// columns and numbers without an import dialog.

export type CsvSeparator = ',' | ';';

/** A leading =, +, -, @ (or tab / carriage return, which some spreadsheets skip) makes a cell a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | boolean | null | undefined, separator: CsvSeparator = ','): string {
  if (value === null || value === undefined) return '';
  // Numbers we computed are written as they are (a negative score stays a number); text is neutralised.
  let text = typeof value === 'string' ? neutraliseCell(value) : String(value);
  if (typeof value === 'number' && separator === ';') text = text.replace('.', ',');
  const needsQuotes = separator === ';' ? /[";\r\n]/ : /[",\r\n]/;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[], separator: CsvSeparator = ','): string {
  return `${cells.map((c) => csvCell(c, separator)).join(separator)}\r\n`;
}

/** A file name part from an entity id or a date: only what every file system and Content-Disposition header accepts. */
export const fileNamePart = (text: string): string => text.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60);
