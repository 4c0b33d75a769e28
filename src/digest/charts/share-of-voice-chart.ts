// Chart: each entity's share of the week's mentions among the brand and its competitors, the brand in colour.
import type { DigestVoice } from '../digest-content.js';
import { COLOURS, type ChartOption } from './render-chart.js';

export function shareOfVoiceChart(voices: readonly DigestVoice[], percent: (x: number) => string): ChartOption {
  // Largest at the top: ECharts draws a category y axis from the bottom up.
  const ordered = [...voices].sort((a, b) => a.volumeShare - b.volumeShare);
  return {
    // The names' column is as wide as the longest name (containLabel), up to 150 px then cut with "…": a fixed
    // 110 px column let long names run over each other ("KeKelio AuraKel…"). The 40 px margin covers ECharts' server-side
    // text measure, which reads bold DejaVu about a fifth narrower than resvg draws it.
    grid: { left: 40, right: 60, top: 10, bottom: 10, containLabel: true },
    xAxis: { type: 'value', max: 1, show: false },
    yAxis: {
      type: 'category',
      data: ordered.map((v) => v.name),
      axisLabel: { fontSize: 14, fontWeight: 'bold', width: 150, overflow: 'truncate' },
      axisTick: { show: false },
      axisLine: { show: false },
    },
    series: [
      {
        type: 'bar',
        barWidth: '60%',
        data: ordered.map((v) => ({ value: v.volumeShare, itemStyle: { color: v.isBrand ? COLOURS.brand : COLOURS.other } })),
        label: { show: true, position: 'right', fontSize: 14, fontWeight: 'bold', formatter: (p: { value?: unknown }) => percent(Number(p.value)) },
      },
    ],
  };
}

export const shareOfVoiceHeight = (entries: number) => 40 + 44 * Math.max(1, entries);
