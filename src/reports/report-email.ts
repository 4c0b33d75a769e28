// The email a scheduled PDF report travels in: a short subject and body in the entity's language, the PDF attached.
import escapeHtml from 'escape-html';
import type { Locale } from '../domain/locale.js';

export interface ReportEmailInput {
  brand: string;
  every: 'week' | 'month';
  /** "16–22 Nov 2026", already formatted in the entity's language and time zone. */
  range: string;
  /** The dashboard's address, when api.publicUrl is set. */
  dashboardUrl: string | null;
  fileName: string;
}

const TEXTS = {
  en: {
    subject: (i: ReportEmailInput) => `${i.brand} – ${i.every === 'week' ? 'weekly' : 'monthly'} report, ${i.range}`,
    body: (i: ReportEmailInput) => `The ${i.every === 'week' ? 'weekly' : 'monthly'} Vigie report for ${i.brand} (${i.range}) is attached as a PDF: volume and sentiment, share of voice, alerts, top authors and themes, as on the dashboard.`,
    open: 'Open the dashboard',
  },
  fr: {
    subject: (i: ReportEmailInput) => `${i.brand} – rapport ${i.every === 'week' ? 'hebdomadaire' : 'mensuel'}, ${i.range}`,
    body: (i: ReportEmailInput) => `Le rapport Vigie ${i.every === 'week' ? 'hebdomadaire' : 'mensuel'} de ${i.brand} (${i.range}) est joint en PDF : volume et sentiment, part de voix, alertes, auteurs principaux et sujets, comme sur le tableau de bord.`,
    open: 'Ouvrir le tableau de bord',
  },
} as const;

export function reportEmail(input: ReportEmailInput, locale: Locale, pdf: Buffer) {
  const t = TEXTS[locale === 'fr' ? 'fr' : 'en'];
  const body = t.body(input);
  const link = input.dashboardUrl ? `\n\n${t.open}: ${input.dashboardUrl}` : '';
  return {
    subject: t.subject(input),
    text: `${body}${link}\n`,
    html: `<p>${escapeHtml(body)}</p>${input.dashboardUrl ? `<p><a href="${escapeHtml(input.dashboardUrl)}">${escapeHtml(t.open)}</a></p>` : ''}`,
    attachments: [{ filename: input.fileName, content: pdf, contentType: 'application/pdf' }],
  };
}
