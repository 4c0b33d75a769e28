// Debian's Chromium, headless, with the flags that keep it off the network: the only browser the tests use.
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchChromium(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new Error(`Chromium could not start from ${CHROMIUM} (${(error as Error).message}). Install it with: apt-get install -y chromium`);
  }
}

/** A page at `url` that records script errors, CSP violations and dialogs (an executed alert(1) would open one). */
export async function openWatchedPage(browser: Browser, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Below the test's own 30 s: a wait that never ends fails naming its selector or condition, not as a bare timeout.
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url);
  return { page, problems };
}
