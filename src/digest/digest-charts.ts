// The digest's three to five charts, drawn as PNG attachments referenced by cid: from the HTML.
import type { DigestContent } from './digest-content.js';
import type { Formatter } from './format.js';
import type { DigestTexts } from './texts.js';
import { businessLinkChart } from './charts/business-link-chart.js';
import { renderChart } from './charts/render-chart.js';
import { reputationTrendChart } from './charts/reputation-trend-chart.js';
import { shareOfVoiceChart, shareOfVoiceHeight } from './charts/share-of-voice-chart.js';
import { toneByDayChart } from './charts/tone-by-day-chart.js';

export type ChartId = 'reputation-trend' | 'tone-by-day' | 'share-of-voice' | 'business-link';

export interface DigestChart {
  id: ChartId;
  /** Content-ID without brackets; the HTML says src="cid:<cid>". */
  cid: string;
  filename: string;
  title: string;
  /** Shown when images are blocked, so the chart's message still gets through. */
  alt: string;
  png: Buffer;
  width: number;
  height: number;
}

export function drawDigestCharts(c: DigestContent, t: DigestTexts, f: Formatter, weekLabel: (isoWeek: string) => string): DigestChart[] {
  const charts: DigestChart[] = [];
  const add = (id: ChartId, title: string, alt: string, drawn: ReturnType<typeof renderChart>) =>
    charts.push({ id, cid: `${id}.${c.entity.id}.${c.week}@vigie`, filename: `${id}.png`, title, alt, png: drawn.png, width: drawn.width, height: drawn.height });

  const trendAlt = c.trend.map((p) => `${weekLabel(p.week)}: ${p.reputationIndex === null ? '–' : Math.round(p.reputationIndex)}`).join(', ');
  add('reputation-trend', t.trendTitle, `${t.trendIndexSeries}: ${trendAlt}`, renderChart(reputationTrendChart(c.trend, { week: weekLabel, index: t.trendIndexSeries, net: t.trendNetSeries })));

  const crisisDays = c.crises
    .map((crisis) => ({ index: c.days.findIndex((d, i) => crisis.onsetAt >= d.start && (i === c.days.length - 1 ? crisis.onsetAt < c.period.to : crisis.onsetAt < c.days[i + 1].start)), label: `⚠ ${crisis.entityName}` }))
    .filter((d) => d.index >= 0);
  const daysAlt = c.days.map((d) => `${f.day(d.start)}: ${d.total} (${d.negative} ${t.tone.negative.toLowerCase()})`).join(', ');
  add('tone-by-day', t.daysTitle, daysAlt, renderChart(toneByDayChart(c.days, crisisDays, { day: f.day, ...t.tone })));

  if (c.shareOfVoice.length > 1) {
    const alt = c.shareOfVoice.map((v) => `${v.name} ${f.share(v.volumeShare)}`).join(', ');
    add('share-of-voice', t.voiceTitle, alt, renderChart(shareOfVoiceChart(c.shareOfVoice, f.share), undefined, shareOfVoiceHeight(c.shareOfVoice.length)));
  }

  const link = c.business.link;
  if (link) {
    const social = t.socialSeries[link.social] ?? link.social;
    const dayLabel = (key: string) => f.day(Date.parse(`${key}T12:00:00Z`));
    add('business-link', t.businessTitle, `${social} / ${link.business}`, renderChart(businessLinkChart(link, { social, business: link.business, day: dayLabel })));
  }
  return charts;
}
