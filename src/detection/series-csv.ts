// Parses a `timestamp,value` CSV of counts (header optional, ISO or epoch timestamps) into sorted points.

export interface CountPoint {
  at: number;
  value: number;
}

/**
 * Accepts `,`, `;` or tab separators, an optional header (a first row whose value is not a
 * number), ISO-8601 timestamps or epoch seconds / milliseconds (a number below 10^11 is taken as
 * seconds), blank lines and CRLF. Throws an Error naming the 1-based line of the first bad row.
 */
export function parseCountCsv(csvText: string): CountPoint[] {
  const points: CountPoint[] = [];
  const lines = csvText.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const fields = line.split(/[,;\t]/).map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
    const lineNumber = i + 1;
    if (fields.length < 2) throw new Error(`line ${lineNumber}: expected "timestamp,value", got "${line.slice(0, 60)}"`);
    const isFirstRow = points.length === 0 && lines.slice(0, i).every((l) => l.trim() === '');
    if (isFirstRow && !isNumeric(fields[1])) continue; // header
    const at = parseTimestamp(fields[0]);
    if (at === null) throw new Error(`line ${lineNumber}: bad timestamp "${fields[0].slice(0, 40)}" (expected ISO-8601 or epoch seconds/milliseconds)`);
    if (!isNumeric(fields[1]) || Number(fields[1]) < 0) throw new Error(`line ${lineNumber}: bad value "${fields[1].slice(0, 40)}" (expected a non-negative number)`);
    points.push({ at, value: Number(fields[1]) });
  }
  points.sort((a, b) => a.at - b.at);
  for (let i = 1; i < points.length; i++) {
    if (points[i].at === points[i - 1].at) throw new Error(`duplicate timestamp ${new Date(points[i].at).toISOString()}`);
  }
  return points;
}

function isNumeric(text: string): boolean {
  return text !== '' && Number.isFinite(Number(text));
}

function parseTimestamp(text: string): number | null {
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    return n < 1e11 ? Math.round(n * 1000) : Math.round(n);
  }
  // A date-time without a zone is read as UTC, like the rest of Vigie.
  const iso = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text.replace(' ', 'T')}Z` : text;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** The series' step: the median gap between consecutive points (robust to a few missing rows). */
export function inferStep(points: readonly CountPoint[]): number {
  const gaps = [];
  for (let i = 1; i < points.length; i++) gaps.push(points[i].at - points[i - 1].at);
  if (gaps.length === 0) return 0;
  gaps.sort((a, b) => a - b);
  return gaps[gaps.length >> 1];
}
