// Chart: the social series and the business series the digest found linked, day by day over the correlation window.
import type { BusinessLink } from '../digest-content.js';
import { COLOURS, type ChartOption } from './render-chart.js';

export interface BusinessLabels {
  social: string;
  business: string;
  day: (key: string) => string;
}

/** Six weeks are enough to see two lines move together; the correlation itself used the whole window. */
export const CHART_DAYS = 42;

export function businessLinkChart(link: BusinessLink, labels: BusinessLabels): ChartOption {
  // Start where both series have data (days before collection began would draw as an empty half-chart).
  const firstShared = link.days.findIndex((_, i) => Number.isFinite(link.socialSeries[i]) && Number.isFinite(link.businessSeries[i]));
  const start = Math.max(firstShared < 0 ? 0 : firstShared, link.days.length - CHART_DAYS);
  const days = link.days.slice(start);
  const values = (xs: readonly number[]) => xs.slice(start).map((x) => (Number.isFinite(x) ? Number(x.toPrecision(4)) : null));
  return {
    grid: { left: 56, right: 56, top: 40, bottom: 30 },
    legend: { top: 6, left: 'center', itemGap: 24, textStyle: { fontSize: 13 } },
    xAxis: { type: 'category', data: days.map(labels.day), axisLabel: { fontSize: 11, interval: Math.max(0, Math.ceil(days.length / 5) - 1) }, axisTick: { show: false } },
    yAxis: [
      { type: 'value', scale: true, splitLine: { lineStyle: { color: COLOURS.grid } }, axisLabel: { fontSize: 11, color: COLOURS.brand } },
      { type: 'value', scale: true, splitLine: { show: false }, axisLabel: { fontSize: 11, color: COLOURS.accent } },
    ],
    series: [
      { name: labels.social, type: 'line', yAxisIndex: 0, showSymbol: false, lineStyle: { width: 2, color: COLOURS.brand }, itemStyle: { color: COLOURS.brand }, data: values(link.socialSeries) },
      { name: labels.business, type: 'line', yAxisIndex: 1, showSymbol: false, lineStyle: { width: 2, color: COLOURS.accent }, itemStyle: { color: COLOURS.accent }, data: values(link.businessSeries) },
    ],
  };
}
