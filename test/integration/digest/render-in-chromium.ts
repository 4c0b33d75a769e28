// Opens a received digest in headless Chromium (cid: images swapped for the attachments) and reports what each chart shows.
import type { ParsedMail } from 'mailparser';
import { launchChromium } from '../../helpers/chromium.js';

export interface ShownChart {
  alt: string;
  naturalWidth: number;
  shownWidth: number;
  /** Share of the image's pixels that are not background white. */
  inkShare: number;
  /** 'brand-or-tone' when the brand blue or a tone colour (green, red) is drawn. */
  colours: string[];
}


export async function renderInChromium(mail: ParsedMail, screenshotPath: string): Promise<ShownChart[]> {
  let html = String(mail.html);
  for (const a of mail.attachments) {
    if (a.cid) html = html.split(`cid:${a.cid}`).join(`data:${a.contentType};base64,${a.content.toString('base64')}`);
  }
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 1200 } });
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: screenshotPath, fullPage: true });
    return await page.evaluate(() =>
      Array.from(document.images).map((img) => {
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const g = canvas.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
        let ink = 0;
        let coloured = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, gr, b] = [data[i], data[i + 1], data[i + 2]];
          if (r < 240 || gr < 240 || b < 240) ink++;
          // #1c7ed6 (brand), #2f9e44 (positive), #e03131 (negative), within a small tolerance.
          const near = (R: number, G: number, B: number) => Math.abs(r - R) + Math.abs(gr - G) + Math.abs(b - B) < 30;
          if (near(0x1c, 0x7e, 0xd6) || near(0x2f, 0x9e, 0x44) || near(0xe0, 0x31, 0x31)) coloured++;
        }
        return {
          alt: img.alt.slice(0, 60),
          naturalWidth: img.naturalWidth,
          shownWidth: img.getBoundingClientRect().width,
          inkShare: ink / (data.length / 4),
          colours: coloured > 200 ? ['brand-or-tone'] : [],
        };
      }),
    );
  } finally {
    await browser.close();
  }
}
