// Chart: mentions per local day of the week, stacked by tone, with the day each crisis began marked.
import type { DayTones } from '../digest-content.js';
import { COLOURS, type ChartOption } from './render-chart.js';

export interface ToneLabels {
  day: (t: number) => string;
  positive: string;
  neutral: string;
  negative: string;
}

/** `crisisDays` are indexes (0 = Monday) of the days a crisis began, each with its marker text. */
export function toneByDayChart(days: readonly DayTones[], crisisDays: readonly { index: number; label: string }[], labels: ToneLabels): ChartOption {
  const categories = days.map((d) => labels.day(d.start));
  const bar = (name: string, colour: string, pick: (d: DayTones) => number) => ({
    name,
    type: 'bar' as const,
    stack: 'tone',
    barWidth: '55%',
    itemStyle: { color: colour },
    data: days.map(pick),
  });
  const negative = bar(labels.negative, COLOURS.negative, (d) => d.negative);
  return {
    grid: { left: 48, right: 16, top: crisisDays.length ? 58 : 40, bottom: 30 },
    legend: { top: 6, left: 'center', itemGap: 24, textStyle: { fontSize: 13 } },
    xAxis: { type: 'category', data: categories, axisLabel: { fontSize: 12 }, axisTick: { show: false } },
    yAxis: { type: 'value', splitLine: { lineStyle: { color: COLOURS.grid } }, axisLabel: { fontSize: 12 } },
    series: [
      {
        ...negative,
        markLine: crisisDays.length
          ? {
              symbol: 'none',
              silent: true,
              lineStyle: { color: COLOURS.negative, type: 'dashed', width: 2 },
              label: { formatter: '{b}', color: COLOURS.negative, fontWeight: 'bold', fontSize: 12, position: 'end', distance: 4 },
              data: crisisDays.map((c) => ({ name: c.label, xAxis: categories[c.index] })),
            }
          : undefined,
      },
      bar(labels.neutral, COLOURS.neutral, (d) => d.neutral),
      bar(labels.positive, COLOURS.positive, (d) => d.positive),
    ],
  };
}
