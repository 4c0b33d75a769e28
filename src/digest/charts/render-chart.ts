// Draws an ECharts option on the server: SVG (ECharts SSR), then PNG (resvg) at twice the size for sharp phone screens.
import { createRequire } from 'node:module';
import type * as echarts from 'echarts';

// Loaded on the first chart, not at import: ECharts is a large bundle (its CommonJS export scan alone took about
// 0.4 s at every start), and most processes (collect, score and detect workers, the CLI) never draw a chart.
const require = createRequire(import.meta.url);
let renderers: { echarts: typeof echarts; Resvg: typeof import('@resvg/resvg-js').Resvg } | undefined;
const loadRenderers = () => (renderers ??= { echarts: require('echarts') as typeof echarts, Resvg: (require('@resvg/resvg-js') as typeof import('@resvg/resvg-js')).Resvg });

export type ChartOption = echarts.EChartsOption;

/**
 * Drawn at 480 x 230 and shown 552 px wide on a desktop (the 600 px email less its margins) or about 340 px on a
 * phone: text sized for 480 stays legible at both. The PNG has twice the pixels, for sharp high-density screens.
 */
export const CHART_WIDTH = 480;
export const CHART_HEIGHT = 230;
/** Width the HTML shows a chart at: the 600 px email body less its 24 px margins. */
export const DISPLAY_WIDTH = 552;
/** DejaVu Sans ships with every Debian (fonts-dejavu-core) and covers French accents and the signs we use. */
export const CHART_FONT = 'DejaVu Sans';

export const COLOURS = {
  positive: '#2f9e44',
  neutral: '#adb5bd',
  negative: '#e03131',
  brand: '#1c7ed6',
  other: '#868e96',
  accent: '#f08c00',
  text: '#343a40',
  grid: '#e9ecef',
} as const;

export interface RenderedChart {
  svg: string;
  png: Buffer;
  width: number;
  height: number;
}

export function renderChart(option: ChartOption, width = CHART_WIDTH, height = CHART_HEIGHT): RenderedChart {
  const { echarts, Resvg } = loadRenderers();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT, color: COLOURS.text }, backgroundColor: '#ffffff', ...option });
    const svg = chart.renderToSVGString();
    const png = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: 2 },
      font: { loadSystemFonts: true, defaultFontFamily: CHART_FONT },
      background: '#ffffff',
    })
      .render()
      .asPng();
    return { svg, png, width, height };
  } finally {
    // An undisposed SSR chart keeps a timer alive and the process from exiting.
    chart.dispose();
  }
}
