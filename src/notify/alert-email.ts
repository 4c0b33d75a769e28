// The alert email: a short subject, HTML with inline styles (every mention field escaped) and a plain-text part.
import escapeHtml from 'escape-html';
import type { AlertSeverity } from '../domain/alert.js';
import type { AlertMessage } from './channels/channel.js';
import { alertStory } from './alert-story.js';
import { canAcknowledge, formatLocalTime, labelsOf } from './alert-wording.js';

/** The same message every channel gets; links are absolute, empty when no public URL is configured. */
export type AlertEmailInput = AlertMessage;

/**
 * Severity colours dark enough for white text on them and for them as text on white (at least 4.5:1, WCAG AA):
 * test/unit/notify/contrast.test.ts computes it.
 */
export const SEVERITY_COLOUR: Record<AlertSeverity, string> = { low: '#4a5b6c', medium: '#8a5a00', high: '#b53d0b', critical: '#b02525' };
export const LINK_COLOUR = '#1864ab';
export const MUTED_COLOUR = '#555555';

const oneLine = (s: string, max: number) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function alertSubject(input: AlertEmailInput): string {
  return alertStory(input).subject;
}

export function renderAlertEmail(input: AlertEmailInput): { subject: string; html: string; text: string } {
  const { alert, event, evidence } = input;
  const words = labelsOf(input);
  const story = alertStory(input);
  const time = (ms: number) => formatLocalTime(ms, input.language, input.timeZone);
  const colour = SEVERITY_COLOUR[alert.severity] ?? '#333333';
  const row = (label: string, value: string) =>
    value ? `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 12px 4px 0;color:${MUTED_COLOUR};font-weight:normal;white-space:nowrap">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>` : '';
  const mentions = evidence
    .map((m) => {
      const who = `@${escapeHtml(m.authorHandle)} (${escapeHtml(words.followers(m.authorFollowers))})`;
      const link = m.url && /^https?:\/\//i.test(m.url) ? ` · <a href="${escapeHtml(m.url)}" style="color:${LINK_COLOUR}">${escapeHtml(words.openPost)}</a>` : '';
      return `<li style="margin:0 0 10px 0"><div style="color:${MUTED_COLOUR};font-size:13px">${who} · ${escapeHtml(time(m.publishedAt))}${link}</div><div style="white-space:pre-wrap">${escapeHtml(oneLine(m.text, 400))}</div></li>`;
    })
    .join('');
  // French puts a (no-break) space before a colon.
  const colon = input.language === 'fr' ? '\u00a0: ' : ': ';
  const phrases = story.phrases.length ? `<p style="margin:12px 0"><b>${escapeHtml(words.emergingPhrases + colon)}</b>${story.phrases.map((p) => `“${escapeHtml(p)}”`).join(', ')}</p>` : '';
  const buttons = [
    canAcknowledge(event, input.acknowledgeUrl)
      ? `<a href="${escapeHtml(input.acknowledgeUrl)}" style="display:inline-block;background:${colour};color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none;margin-right:8px;font-weight:bold">${escapeHtml(words.acknowledge)}</a>`
      : '',
    input.alertUrl ? `<a href="${escapeHtml(input.alertUrl)}" style="display:inline-block;color:${LINK_COLOUR};padding:10px 8px 10px 0">${escapeHtml(words.openInVigie)}</a>` : '',
    input.crisisUrl ? `<a href="${escapeHtml(input.crisisUrl)}" style="display:inline-block;color:${LINK_COLOUR};padding:10px 0">${escapeHtml(words.openRoom)}</a>` : '',
  ].join('');
  const html = `<!doctype html><html lang="${input.language ?? 'en'}"><body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;color:#222222;background:#ffffff">
<div style="max-width:640px">
<div style="border-left:6px solid ${colour};padding:4px 12px;margin-bottom:12px">
<div style="font-size:12px;text-transform:uppercase;color:${colour};font-weight:bold">${escapeHtml(words.event[event])} · ${escapeHtml(words.severity[alert.severity])}</div>
<h1 style="font-size:18px;font-weight:bold;margin:4px 0 0">${escapeHtml(story.headline)}</h1>
</div>
<table style="border-collapse:collapse;margin:8px 0">
${row(words.whatHappened, story.whatHappened)}
${row(words.sinceWhen, story.sinceWhen)}
${event === 'resolved' ? '' : row(words.howBig, story.howBig)}
${row(words.whoDrives, story.whoDrives)}
${row(words.nextStep, story.nextStep)}
</table>
${phrases}
${mentions ? `<h2 style="font-size:15px;margin:16px 0 8px">${escapeHtml(words.topMentions)}</h2><ul style="padding-left:18px;margin:0">${mentions}</ul>` : ''}
<div style="margin-top:16px">${buttons}</div>
</div></body></html>`;
  const text = [
    story.headline,
    `${words.event[event]} · ${words.severity[alert.severity]} · ${story.detected}`,
    '',
    `${words.whatHappened}${colon}${story.whatHappened}`,
    `${words.sinceWhen}${colon}${story.sinceWhen}`,
    event === 'resolved' || !story.howBig ? '' : `${words.howBig}${colon}${story.howBig}`,
    `${words.whoDrives}${colon}${story.whoDrives}`,
    `${words.nextStep}${colon}${story.nextStep}`,
    story.phrases.length ? `\n${words.emergingPhrases}${colon}${story.phrases.join(', ')}` : '',
    evidence.length ? `\n${words.topMentions}${colon.trimEnd()}` : '',
    ...evidence.map((m) => `- @${m.authorHandle} (${words.followers(m.authorFollowers)}), ${time(m.publishedAt)}${colon}${oneLine(m.text, 280)}${m.url ? ` ${m.url}` : ''}`),
    canAcknowledge(event, input.acknowledgeUrl) ? `\n${words.acknowledge}${colon}${input.acknowledgeUrl}` : '',
    input.alertUrl ? `${words.openInVigie}${colon}${input.alertUrl}` : '',
    input.crisisUrl ? `${words.openRoom}${colon}${input.crisisUrl}` : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
  return { subject: story.subject, html, text };
}
