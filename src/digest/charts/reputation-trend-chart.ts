// Chart: the reputation index and net sentiment of the last five weeks, this week last and highlighted.
import type { WeekPoint } from '../digest-content.js';
import { COLOURS, type ChartOption } from './render-chart.js';

export interface TrendLabels {
  week: (isoWeek: string) => string;
  index: string;
  net: string;
}

export function reputationTrendChart(trend: readonly WeekPoint[], labels: TrendLabels): ChartOption {
  const net = trend.map((p) => (p.netSentiment === null ? null : Math.round(p.netSentiment * 100)));
  // Room below the lowest point for its label, which would otherwise sit on the axis labels.
  const lowest = Math.min(10, ...net.filter((x): x is number => x !== null)) - 10;
  return {
    grid: { left: 44, right: 20, top: 40, bottom: 30 },
    legend: { top: 6, left: 'center', itemGap: 24, textStyle: { fontSize: 13 } },
    xAxis: { type: 'category', data: trend.map((p) => labels.week(p.week)), axisLabel: { fontSize: 13 }, axisTick: { show: false } },
    yAxis: { type: 'value', min: Math.floor(lowest / 20) * 20, max: 100, interval: 20, splitLine: { lineStyle: { color: COLOURS.grid } }, axisLabel: { fontSize: 12 } },
    series: [
      {
        name: labels.index,
        type: 'line',
        data: trend.map((p) => (p.reputationIndex === null ? null : Math.round(p.reputationIndex))),
        connectNulls: false,
        lineStyle: { width: 4, color: COLOURS.brand },
        itemStyle: { color: COLOURS.brand },
        symbolSize: 9,
        label: { show: true, position: 'top', fontSize: 13, fontWeight: 'bold', color: COLOURS.brand },
      },
      {
        name: labels.net,
        type: 'line',
        data: net,
        lineStyle: { width: 2, type: 'dashed', color: COLOURS.accent },
        itemStyle: { color: COLOURS.accent },
        symbolSize: 6,
        label: { show: true, position: 'bottom', fontSize: 11, color: COLOURS.accent },
      },
    ],
  };
}
