// Renders media/icon.svg to the 128x128 media/icon.png the marketplace needs (run by hand when the SVG changes).
const { chromium } = require('playwright-core');
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
  const p = await b.newPage({ viewport: { width: 128, height: 128 } });
  const svg = require('fs').readFileSync('media/icon.svg', 'utf8');
  await p.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await p.screenshot({ path: 'media/icon.png', omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
  await b.close();
})();
