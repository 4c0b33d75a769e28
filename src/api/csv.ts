// CSV export: RFC 4180 quoting, and cells a spreadsheet would run as a formula neutralised (formula injection).

/** A leading =, +, -, @ (or tab / carriage return, which some spreadsheets skip) makes a cell a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Numbers we computed are written as they are (a negative score stays a number); text is neutralised.
  const text = typeof value === 'string' ? neutraliseCell(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
