// The PDF report: headless Chromium prints the dashboard's own overview, opened through a short-lived shared link,
// so the report shows exactly what the dashboard shows (same charts, same numbers, same time zone).

/** Debian's Chromium; VIGIE_CHROMIUM points elsewhere. Never a browser downloaded at run time. */
export const CHROMIUM_PATH = process.env.VIGIE_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Charts and lists have 30 s to draw; a report that cannot is an error, not a half-empty PDF. */
const DRAW_TIMEOUT_MS = 30_000;

/**
 * Prints `${baseUrl}/share/${token}` to an A4 PDF once every chart has drawn and nothing is loading.
 * `lang` picks the report's language.
 */
export async function renderReportPdf(baseUrl: string, token: string, lang: string): Promise<Buffer> {
  // Imported here, not at the top: playwright-core weighs about 0.5 s and tens of MB at every start of every process
  // that imports the report stage, and only a report being printed needs it.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }).catch((error: Error) => {
    throw new Error(`Chromium could not start from ${CHROMIUM_PATH} (${error.message}); install it (apt-get install chromium) or set VIGIE_CHROMIUM`);
  });
  try {
    // A4 at 96 dpi, less margins: the charts are drawn at the width they will be printed at.
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await page.goto(`${baseUrl}/share/${token}?lang=${encodeURIComponent(lang)}&print=1`);
    await page.waitForSelector('#volume-chart[data-drawn="true"]', { state: 'attached', timeout: DRAW_TIMEOUT_MS });
    await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0 && document.body.dataset.ready === 'true', null, { timeout: DRAW_TIMEOUT_MS });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
  } finally {
    await browser.close();
  }
}
