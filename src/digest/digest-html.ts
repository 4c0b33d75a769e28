// The digest's HTML part: a 600 px table layout with inline CSS only (what Gmail, Outlook and Apple Mail all render).
import escapeHtml from 'escape-html';
import { DISPLAY_WIDTH } from './charts/render-chart.js';
import type { ChartId, DigestChart } from './digest-charts.js';
import type { VerdictDirection } from './digest-content.js';
import type { DigestView, Tile } from './digest-view.js';

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const DIRECTION_COLOUR: Record<VerdictDirection, string> = {
  better: '#2f9e44',
  worse: '#e03131',
  stable: '#1c7ed6',
  'first-week': '#1c7ed6',
  'no-data': '#868e96',
};
const TREND_COLOUR: Record<Tile['trend'], string> = { up: '#2f9e44', down: '#e03131', flat: '#495057', none: '#868e96' };

const e = (s: string) => escapeHtml(s);
const row = (inner: string, style = 'padding:0 24px 20px') => `<tr><td style="${style}">${inner}</td></tr>`;
const heading = (text: string) => `<h2 style="margin:0 0 10px;font-size:17px;line-height:22px;color:#212529">${e(text)}</h2>`;
const para = (text: string, style = '') => `<p style="margin:0 0 8px;font-size:15px;line-height:21px;color:#343a40;${style}">${e(text)}</p>`;

function image(chart: DigestChart | undefined): string {
  if (!chart) return '';
  return `<img src="cid:${e(chart.cid)}" width="${DISPLAY_WIDTH}" alt="${e(chart.alt)}" style="display:block;width:100%;max-width:${DISPLAY_WIDTH}px;height:auto;border:0;margin:0 0 8px">`;
}

function tiles(view: DigestView): string {
  const cells = view.tiles
    .map(
      (t) => `<td width="33%" valign="top" style="padding:12px 8px;background:#f8f9fa;border:4px solid #ffffff;text-align:center">
<div style="font-size:12px;line-height:16px;color:#495057;text-transform:uppercase;letter-spacing:0.5px">${e(t.label)}</div>
<div style="font-size:30px;line-height:38px;font-weight:bold;color:#212529">${e(t.value)}</div>
${t.notes.map((n, i) => `<div style="font-size:12px;line-height:16px;color:${i === 0 ? TREND_COLOUR[t.trend] : '#868e96'}">${e(n)}</div>`).join('')}
</td>`,
    )
    .join('');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse"><tr>${cells}</tr></table>`;
}

export function digestHtml(view: DigestView, charts: readonly DigestChart[]): string {
  const t = view.texts;
  const chart = (id: ChartId) => charts.find((c) => c.id === id);
  const colour = DIRECTION_COLOUR[view.direction];
  const link = (text: string, url: string | null) => (url ? `<a href="${e(url)}" style="color:#1c7ed6;text-decoration:none">${e(text)}</a>` : e(text));

  const moments = [
    ...(view.crises.length
      ? view.crises.map((c) => `<div style="border-left:4px solid #e03131;padding:2px 0 2px 10px;margin:0 0 10px">${para(c.heading, 'font-weight:bold;margin:0 0 2px')}<p style="margin:0;font-size:13px;line-height:18px;color:#495057">${e(c.timing)}</p></div>`)
      : [para(t.noCrisis)]),
    `<div style="border-left:4px solid #2f9e44;padding:2px 0 2px 10px;margin:12px 0 0">${para(t.bestMomentTitle, 'font-weight:bold;margin:0 0 2px')}${
      view.moment
        ? `<p style="margin:0 0 4px;font-size:15px;line-height:21px;font-style:italic;color:#212529">“${e(view.moment.quote)}”</p><p style="margin:0;font-size:13px;line-height:18px;color:#495057">${link(view.moment.line, view.moment.url)}</p>`
        : `<p style="margin:0;font-size:13px;color:#495057">${e(t.noBestMoment)}</p>`
    }</div>`,
  ].join('');

  const influencers = view.influencers.length
    ? view.influencers
        .map((a) => `<p style="margin:0 0 8px;font-size:15px;line-height:20px;color:#212529"><b>${link(a.name, a.url)}</b><br><span style="font-size:13px;color:#495057">${e(a.line)}</span></p>`)
        .join('')
    : para(t.noInfluencers);

  return `<!doctype html>
<html lang="${view.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(view.subject)}</title></head>
<body style="margin:0;padding:0;background:#f1f3f5">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f1f3f5"><tr><td align="center" style="padding:16px 8px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff;${FONT};border-collapse:collapse">
${row(`<div style="font-size:12px;line-height:16px;color:#868e96;text-transform:uppercase;letter-spacing:0.5px">${e(t.title)}</div><div style="font-size:24px;line-height:30px;font-weight:bold;color:#212529">${e(view.brand)}</div><div style="font-size:14px;line-height:20px;color:#495057">${e(view.weekLabel)}</div>`, 'padding:20px 24px 12px')}
${row(`<div style="border-left:6px solid ${colour};background:#f8f9fa;padding:12px 14px;font-size:17px;line-height:24px;font-weight:bold;color:#212529">${e(view.verdict)}</div>`)}
${row(tiles(view), 'padding:0 20px 20px')}
${row(`${heading(t.trendTitle)}${image(chart('reputation-trend'))}`)}
${row(`${heading(t.daysTitle)}${image(chart('tone-by-day'))}`)}
${row(`${heading(t.voiceTitle)}${image(chart('share-of-voice'))}${view.voiceLines.map((l) => para(l, 'font-size:13px;margin:0 0 2px;color:#495057')).join('')}`)}
${row(`${heading(t.momentsTitle)}${moments}`)}
${row(`${heading(t.influencersTitle)}${influencers}`)}
${row(`${heading(t.businessTitle)}${view.businessLines.map((l) => para(l)).join('')}${image(chart('business-link'))}${para(view.linkSentence, 'font-size:14px;color:#495057')}`)}
${row(view.footnotes.map((n) => `<p style="margin:0 0 4px;font-size:12px;line-height:16px;color:#868e96">${e(n)}</p>`).join(''), 'padding:12px 24px 20px;border-top:1px solid #e9ecef')}
</table>
</td></tr></table>
</body></html>`;
}
