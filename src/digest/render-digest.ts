// Renders a digest's content as an email: subject, HTML with cid: chart images, plain text, and the PNG attachments.
import type { DigestContent, Locale } from './digest-content.js';
import { drawDigestCharts } from './digest-charts.js';
import { digestHtml } from './digest-html.js';
import { digestText } from './digest-text.js';
import { buildView } from './digest-view.js';
import { createFormatter } from './format.js';

export interface DigestAttachment {
  filename: string;
  content: Buffer;
  cid: string;
  contentType: string;
}

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
  attachments: DigestAttachment[];
}

export function renderDigest(content: DigestContent, locale: Locale): RenderedDigest {
  const view = buildView(content, locale);
  const charts = drawDigestCharts(content, view.texts, createFormatter(locale, content.timezone), view.shortWeek);
  return {
    subject: view.subject,
    html: digestHtml(view, charts),
    text: digestText(view),
    attachments: charts.map((c) => ({ filename: c.filename, content: c.png, cid: c.cid, contentType: 'image/png' })),
  };
}

/** The HTML with each cid: image replaced by a data: URL, for a browser preview (browsers do not resolve cid:). */
export function inlineImages(rendered: RenderedDigest): string {
  let html = rendered.html;
  for (const a of rendered.attachments) html = html.split(`cid:${a.cid}`).join(`data:${a.contentType};base64,${a.content.toString('base64')}`);
  return html;
}
