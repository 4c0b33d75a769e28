// The digest's words and figures, formatted once (unescaped); the HTML and plain-text parts only lay them out.
import type { DigestContent, Locale, VerdictDirection } from './digest-content.js';
import { createFormatter } from './format.js';
import { DIGEST_TEXTS, type DigestTexts } from './texts.js';
import { digestSubject, verdictSentence } from './verdict-sentence.js';

export interface Tile {
  label: string;
  value: string;
  notes: string[];
  /** Sign of the change since last week, for the colour of the notes. */
  trend: 'up' | 'down' | 'flat' | 'none';
}

export interface DigestView {
  locale: Locale;
  texts: DigestTexts;
  subject: string;
  title: string;
  brand: string;
  weekLabel: string;
  verdict: string;
  direction: VerdictDirection;
  tiles: Tile[];
  voiceLines: string[];
  crises: { heading: string; timing: string }[];
  moment: { quote: string; url: string | null; line: string } | null;
  influencers: { name: string; url: string | null; line: string }[];
  businessLines: string[];
  linkSentence: string;
  footnotes: string[];
  /** 'W47' / 'S47': the week as the trend chart names it. */
  shortWeek: (isoWeek: string) => string;
}

const trendOf = (change: number | null, band = 0): Tile['trend'] => (change === null ? 'none' : change > band ? 'up' : change < -band ? 'down' : 'flat');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const oneLine = (s: string, max: number) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function buildView(c: DigestContent, locale: Locale): DigestView {
  const t = DIGEST_TEXTS[locale];
  const f = createFormatter(locale, c.timezone);
  const { index, previous, priorAverage } = c.reputation;
  const k = c.kpis;
  const p = c.previousKpis;
  const toned = k.positiveShare + k.negativeShare > 0;
  const previousToned = p.positiveShare + p.negativeShare > 0;
  const percentNet = (x: number) => `${f.signed(x * 100)}${locale === 'fr' ? '\u00a0%' : '%'}`;

  const tiles: Tile[] = [
    {
      label: t.index,
      value: index === null ? '–' : String(Math.round(index)),
      notes: [
        index !== null && previous !== null ? t.vsLastWeek(f.points(Math.round(index) - Math.round(previous))) : t.noPreviousWeek,
        ...(priorAverage !== null ? [t.priorAverage(String(Math.round(priorAverage.value)), priorAverage.weeks)] : []),
      ],
      trend: index !== null && previous !== null ? trendOf(Math.round(index) - Math.round(previous)) : 'none',
    },
    {
      label: t.netSentiment,
      value: toned ? percentNet(k.netSentiment) : '–',
      notes: [toned && previousToned ? t.vsLastWeek(f.sharePoints(k.netSentiment - p.netSentiment)) : t.noPreviousWeek],
      trend: toned && previousToned ? trendOf(Math.round((k.netSentiment - p.netSentiment) * 100)) : 'none',
    },
    {
      label: t.mentions,
      value: f.count(k.volume),
      notes: [p.volume > 0 ? t.vsLastWeek(f.change((k.volume - p.volume) / p.volume)) : t.noPreviousWeek],
      // More mentions is neither good nor bad by itself: shown without colour.
      trend: 'flat',
    },
  ];

  const link = c.business.link;
  return {
    locale,
    texts: t,
    subject: digestSubject(c, t, f),
    title: t.title,
    brand: c.entity.name,
    weekLabel: t.weekLabel(Number(c.week.slice(-2)), f.range(c.period.from, c.period.to)),
    verdict: verdictSentence(c, t, f),
    direction: c.verdict.direction,
    tiles,
    voiceLines: c.shareOfVoice.length > 1 ? c.shareOfVoice.map((v) => t.voiceLine(v.name, f.share(v.volumeShare), v.previousVolumeShare === null ? null : f.sharePoints(v.volumeShare - v.previousVolumeShare))) : [t.voiceNone],
    crises: c.crises.map((x) => ({
      heading: `${capitalise(t.severity[x.severity])} · ${oneLine(x.headline, 200)}`,
      timing: t.crisisTiming(f.dayTime(x.onsetAt), f.duration(x.timeToDetectionMs), x.timeToFirstResponseMs === null ? null : f.duration(x.timeToFirstResponseMs)),
    })),
    moment: c.bestMoment && {
      quote: oneLine(c.bestMoment.text, 280),
      url: safeUrl(c.bestMoment.url),
      line: t.bestMomentLine(`@${c.bestMoment.authorHandle.replace(/^@/, '')}`, f.count(c.bestMoment.authorFollowers), f.count(c.bestMoment.engagement), f.day(c.bestMoment.publishedAt)),
    },
    influencers: c.influencers.map((a) => ({
      name: `${a.displayName ? `${oneLine(a.displayName, 60)} ` : ''}@${a.handle.replace(/^@/, '')}`,
      url: null,
      line: t.influencerLine(f.count(a.followers), String(Math.round(a.score)), a.mentions, a.negativeMentions),
    })),
    businessLines: c.business.metrics.length
      ? c.business.metrics.map((m) => t.metricLine(m.name, m.changeRatio === null ? null : f.change(m.changeRatio), f.count(m.total)))
      : [t.noMetrics],
    linkSentence: link
      ? `${t.linkSentence(t.socialSeries[link.social] ?? link.social, link.business, f.signed(link.correlation.pearson!, 2), link.correlation.lag, link.correlation.n, link.correlation.pearson! >= 0 ? 'same' : 'opposite')} ${t.linkCaveat}`
      : t.noLink(c.business.windowDays),
    footnotes: [t.indexFootnote, t.footer],
    shortWeek: (isoWeek) => `${locale === 'fr' ? 'S' : 'W'}${isoWeek.slice(-2)}`,
  };
}

/** Only web links go into an href: a javascript: or data: URL from a platform never becomes clickable. */
export function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}
