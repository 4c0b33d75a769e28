import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
for (const name of process.argv.slice(2)) {
  await page.goto(`http://127.0.0.1:8080/${name}`);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/shot-${name.replace(/[^a-z]/g, '')}.png`, fullPage: true });
}
await browser.close();
