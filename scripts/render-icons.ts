/**
 * Renders assets/icon.svg and assets/icon-off.svg into the PNG sizes the stores and
 * toolbars want (public/icon/N.png, public/icon-off/N.png) with Debian's Chromium.
 * Run after editing the SVGs: `npx tsx scripts/render-icons.ts`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { TARGETS } from './targets';

const SIZES = [16, 32, 48, 96, 128];
const browser = await chromium.launch({
  executablePath: TARGETS.chromium.executable,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
for (const [svgFile, outDir] of [
  ['assets/icon.svg', 'public/icon'],
  ['assets/icon-off.svg', 'public/icon-off'],
] as const) {
  const svg = readFileSync(svgFile, 'utf8');
  mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
    );
    await page.screenshot({ path: `${outDir}/${size}.png`, omitBackground: true });
    await page.close();
  }
}
await browser.close();
console.log(`Rendered ${SIZES.join(', ')} px icons.`);
