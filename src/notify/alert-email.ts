// The alert email: subject, HTML with inline styles (every mention field escaped) and a plain-text part.
import escapeHtml from 'escape-html';
import type { AlertMessage } from './channels/channel.js';
import { canAcknowledge, formatNumber, formatUtc, labelsOf } from './alert-wording.js';

/** The same message every channel gets; links are absolute, empty when no public URL is configured. */
export type AlertEmailInput = AlertMessage;

const SEVERITY_COLOUR: Record<string, string> = { low: '#5b7083', medium: '#c98a00', high: '#d9480f', critical: '#c92a2a' };
const oneLine = (s: string, max: number) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function alertSubject(input: AlertEmailInput): string {
  const { alert, event, entityName } = input;
  const words = labelsOf(input);
  return oneLine(`[Vigie] ${words.event[event]} (${words.severity[alert.severity]}) – ${entityName}: ${alert.why}`, 180);
}

export function renderAlertEmail(input: AlertEmailInput): { subject: string; html: string; text: string } {
  const { alert, event, entityName, evidence } = input;
  const words = labelsOf(input);
  const colour = SEVERITY_COLOUR[alert.severity] ?? '#333';
  const numbers = Object.entries(alert.numbers)
    .map(([k, v]) => `<td style="padding:4px 12px 4px 0;color:#555">${escapeHtml(k)}</td><td style="padding:4px 0;font-weight:bold">${escapeHtml(formatNumber(v))}</td>`)
    .map((cells) => `<tr>${cells}</tr>`)
    .join('');
  const mentions = evidence
    .map((m) => {
      const who = `@${escapeHtml(m.authorHandle)} (${escapeHtml(words.followers(m.authorFollowers))})`;
      const link = m.url && /^https?:\/\//i.test(m.url) ? ` · <a href="${escapeHtml(m.url)}" style="color:#1c7ed6">${escapeHtml(words.open)}</a>` : '';
      return `<li style="margin:0 0 10px 0"><div style="color:#555;font-size:13px">${who} · ${escapeHtml(formatUtc(m.publishedAt))}${link}</div><div style="white-space:pre-wrap">${escapeHtml(oneLine(m.text, 400))}</div></li>`;
    })
    .join('');
  const phrases = alert.phrases.length ? `<p style="margin:12px 0"><b>${escapeHtml(words.emergingPhrases)}:</b> ${alert.phrases.map((p) => `“${escapeHtml(p)}”`).join(', ')}</p>` : '';
  const buttons = [
    canAcknowledge(event, input.acknowledgeUrl)
      ? `<a href="${escapeHtml(input.acknowledgeUrl)}" style="display:inline-block;background:${colour};color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none;margin-right:8px">${escapeHtml(words.acknowledge)}</a>`
      : '',
    input.alertUrl ? `<a href="${escapeHtml(input.alertUrl)}" style="display:inline-block;color:#1c7ed6;padding:10px 0">${escapeHtml(words.openInVigie)}</a>` : '',
  ].join('');
  const html = `<!doctype html><html><body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;color:#222;background:#fff">
<div style="max-width:640px">
<div style="border-left:6px solid ${colour};padding:4px 12px;margin-bottom:12px">
<div style="font-size:12px;text-transform:uppercase;color:${colour};font-weight:bold">${escapeHtml(words.event[event])} · ${escapeHtml(words.severity[alert.severity])} · ${escapeHtml(entityName)}</div>
<div style="font-size:18px;font-weight:bold;margin-top:4px">${escapeHtml(alert.why)}</div>
</div>
<p style="margin:8px 0;color:#555">${escapeHtml(words.detected(alert.detectors.join(', '), formatUtc(alert.detectedAt), new Date(alert.onsetAt).toISOString().slice(11, 16)))}.</p>
<table style="border-collapse:collapse;margin:8px 0">${numbers}</table>
${phrases}
${mentions ? `<h3 style="font-size:15px;margin:16px 0 8px">${escapeHtml(words.topMentions)}</h3><ul style="padding-left:18px;margin:0">${mentions}</ul>` : ''}
<div style="margin-top:16px">${buttons}</div>
</div></body></html>`;
  const text = [
    `${words.event[event]} (${words.severity[alert.severity]}) – ${entityName}`,
    alert.why,
    '',
    ...Object.entries(alert.numbers).map(([k, v]) => `${k}: ${formatNumber(v)}`),
    alert.phrases.length ? `\n${words.emergingPhrases}: ${alert.phrases.join(', ')}` : '',
    evidence.length ? `\n${words.topMentions}:` : '',
    ...evidence.map((m) => `- @${m.authorHandle} (${words.followers(m.authorFollowers)}): ${oneLine(m.text, 280)}${m.url ? ` ${m.url}` : ''}`),
    canAcknowledge(event, input.acknowledgeUrl) ? `\n${words.acknowledge}: ${input.acknowledgeUrl}` : '',
    input.alertUrl ? `${words.openInVigie}: ${input.alertUrl}` : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
  return { subject: alertSubject(input), html, text };
}
