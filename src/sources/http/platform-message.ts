// The platform's own words from an error body (JSON, HTML or text), as one readable line for logs, doctor and /ready.
import { htmlToText } from './html-text.js';

const MAX_LENGTH = 200;

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The message fields the platforms use: X (`detail`, `errors[].message`), Mastodon/Reddit (`error`), Google (`error.message`), atproto (`message`). */
function fromJson(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const body = value as Record<string, unknown>;
  const errors = Array.isArray(body.errors) ? body.errors : [];
  const first = errors[0] as Record<string, unknown> | undefined;
  const nested = body.error !== null && typeof body.error === 'object' ? (body.error as Record<string, unknown>) : undefined;
  const parts = [
    str(body.title),
    str(body.detail) ?? str(body.error_description) ?? str(body.message) ?? str(nested?.message) ?? str(first?.message) ?? str(first?.detail) ?? str(body.error),
  ].filter((part): part is string => part !== undefined);
  // A title alone ("Unauthorized") says less than the detail; both when they differ.
  const unique = parts.filter((part, i) => parts.indexOf(part) === i && !(i === 0 && parts.length > 1 && parts[1].includes(part)));
  return unique.length > 0 ? unique.join(': ') : undefined;
}

/** One line saying what the platform said; empty when the body says nothing (an empty 401). */
export function platformMessage(body: string | undefined): string {
  if (body === undefined || body.trim() === '') return '';
  const trimmed = body.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const message = fromJson(JSON.parse(trimmed));
      if (message) return oneLine(message);
    } catch {
      // not JSON after all: read it as text
    }
  }
  if (/^<(!doctype|html|\?xml|head|body)/i.test(trimmed)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(trimmed)?.[1];
    const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(trimmed)?.[1];
    const text = [title, heading].filter((t) => t && t.trim()).map((t) => htmlToText(t!));
    return oneLine([...new Set(text)].join(': ') || htmlToText(trimmed));
  }
  return oneLine(trimmed);
}
