// Renders media/icon.svg to the 128×128 media/icon.png the Marketplace needs, with headless Chromium.
// Run by hand after editing the SVG: node scripts/render-icon.mjs
import { readFileSync } from 'fs';
import { chromium } from 'playwright-core';

const executablePath = process.env.PAPER_DIGEST_CHROMIUM || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${readFileSync(new URL('../media/icon.svg', import.meta.url), 'utf8')}</body></html>`);
  await page.screenshot({ path: new URL('../media/icon.png', import.meta.url).pathname, omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
  console.log('wrote media/icon.png');
} finally {
  await browser.close();
}
