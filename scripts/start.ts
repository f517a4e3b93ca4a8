/**
 * `npm start`: builds the extension, serves the demo article on 127.0.0.1 and opens a
 * browser with the extension loaded on it. Without a browser or a display it prints how
 * to load the build by hand and keeps serving the demo article.
 *
 *   npm start                  Chrome or Chromium
 *   npm start -- --firefox     Firefox (through web-ext)
 *   npm start -- --lang=fr     the French demo article
 *   npm start -- --skip-build --print-only   (used by tests: print the manual steps, exit)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFixtureServer } from '../tests/browser/helpers/server';
import { TARGETS, outputDir } from './targets';

const args = new Set(process.argv.slice(2));
const firefox = args.has('--firefox');
const lang = args.has('--lang=fr') ? 'fr' : 'en';
const target = TARGETS[firefox ? 'firefox' : 'chromium'].wxt;
const outDir = outputDir(firefox ? 'firefox' : 'chromium');

if (!args.has('--skip-build')) {
  const build = spawnSync('npx', ['wxt', 'build', '-b', target], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const CHROME_CANDIDATES = [
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];
const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox',
  '/usr/bin/firefox-esr',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
];

// A browser named in the environment is the only one tried.
const named = firefox ? process.env.FIREFOX_PATH : process.env.CHROME_PATH;
const browserPath = (named ? [named] : firefox ? FIREFOX_CANDIDATES : CHROME_CANDIDATES).find(
  (p): p is string => !!p && existsSync(p),
);
const hasDisplay =
  process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;

const server = await startFixtureServer(resolve('tests/fixtures'), 5170);
const demoUrl = server.url(`articles/demo-${lang}.html`);

if (!browserPath || !hasDisplay || args.has('--print-only')) {
  const why = !browserPath
    ? `No ${firefox ? 'Firefox' : 'Chrome or Chromium'} was found (set ${firefox ? 'FIREFOX_PATH' : 'CHROME_PATH'} to use one).`
    : !hasDisplay
      ? 'No display was found (DISPLAY and WAYLAND_DISPLAY are unset), so no browser window can open.'
      : 'Printing the manual steps only.';
  console.log(`
${why}

The extension is built in ${outDir}. To load it by hand:
${
  firefox
    ? `  Firefox: open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…"
           and choose ${join(outDir, 'manifest.json')}`
    : `  Chrome/Chromium: open chrome://extensions, switch on "Developer mode",
           click "Load unpacked" and choose ${outDir}`
}
Then open the demo article: ${demoUrl}
`);
  if (args.has('--print-only')) {
    await server.close();
    process.exit(0);
  }
  console.log('Serving the demo article until you press Ctrl+C.');
} else {
  console.log(`Opening ${demoUrl} in ${browserPath} with Sovereignty Lens loaded…`);
  const child = firefox
    ? spawn(
        'npx',
        [
          'web-ext',
          'run',
          '--source-dir',
          outDir,
          '--firefox',
          browserPath,
          '--start-url',
          demoUrl,
        ],
        { stdio: 'inherit' },
      )
    : spawn(
        browserPath,
        [
          `--user-data-dir=${mkdtempSync(join(tmpdir(), 'sovereignty-lens-'))}`,
          '--no-first-run',
          '--no-default-browser-check',
          // Chromium refuses to start as root with its sandbox (containers, CI machines).
          ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
          `--disable-extensions-except=${outDir}`,
          `--load-extension=${outDir}`,
          demoUrl,
        ],
        { stdio: 'inherit' },
      );
  child.on('exit', async () => {
    await server.close();
    process.exit(0);
  });
}
