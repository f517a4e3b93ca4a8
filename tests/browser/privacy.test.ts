/**
 * Privacy: the extension makes no network request, in either browser, while it annotates
 * a page, shows a card, runs the popup and the glossary page.
 *
 * What is recorded: every request of every tab, frame and worker of the browser, and of
 * the extension's background (Chromium: the playwright context's `request` events, which
 * include the MV3 service worker; Firefox: WebDriver BiDi `network.beforeRequestSent` of
 * every browsing context, plus the MV2 background page's Resource Timing entries, because
 * BiDi does not report the background page). A control test first proves that the
 * recorder sees a request made by a page, by an extension page and by the background.
 *
 * What is not counted, and why:
 * - the fixture documents the test itself opens (exact URLs): the page, not the extension;
 * - `/favicon.ico` of the fixture server: the browser asks for a tab's icon by itself;
 * - files of the built extension under `chrome-extension://ID/` or `moz-extension://UUID/`
 *   (or Chromium's per-session host for `use_dynamic_url` resources): read from the
 *   installed package, never from the network; an extension URL naming no packaged file
 *   counts;
 * - `data:`, `blob:` and `about:` URLs: made in memory, nothing leaves the browser.
 * Everything else counts, including any other request to the fixture server (a content
 * script fetching from the page's origin would show up here).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { EXTENSION_DIRS } from './helpers/browsers';
import { describeInBrowsers, type RecordedRequest, type TestPage } from './helpers';
import { clickCardLink, countHighlights } from './helpers/probes';
import { markedPoint } from './helpers/marked-point';

const DEMO = 'articles/demo-en.html';

/** The glossary page and the routes a card or the popup links to. */
const GLOSSARY_PAGES = [
  'glossary.html',
  'glossary.html#/entry/trainium',
  'glossary.html#/entry/cuda',
  'glossary.html#/graph',
  'glossary.html#/settings',
];

const settle = (ms: number) => new Promise((done) => setTimeout(done, ms));

type Kind = 'fixture document' | 'browser favicon' | 'extension file' | 'not network' | 'counted';

interface Context {
  fixtureOrigin: string;
  extensionOrigin: string;
  extensionDir: string;
  documents: Set<string>;
}

/** Whether `url` names a file of the built extension (read from the package, not the network). */
function isPackagedFile(url: string, context: Context): boolean {
  const match = /^(chrome|moz)-extension:\/\/([^/]+)(\/[^?#]*)/.exec(url);
  if (!match) return false;
  // Chromium serves `use_dynamic_url` web-accessible resources (content.css) from a
  // per-session host instead of the extension id; the file is the same.
  const sameHost = url.startsWith(context.extensionOrigin) || UUID.test(match[2]!);
  const file = join(context.extensionDir, decodeURIComponent(match[3]!));
  return sameHost && file.startsWith(context.extensionDir) && existsSync(file);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function classify(request: RecordedRequest, context: Context): Kind {
  const { url } = request;
  if (/^(data|blob|about):/.test(url)) return 'not network';
  if (isPackagedFile(url, context)) return 'extension file';
  if (context.documents.has(url)) return 'fixture document';
  if (url === `${context.fixtureOrigin}/favicon.ico`) return 'browser favicon';
  return 'counted';
}

function summarise(requests: RecordedRequest[], context: Context): Record<Kind, number> {
  const counts: Record<Kind, number> = {
    'fixture document': 0,
    'browser favicon': 0,
    'extension file': 0,
    'not network': 0,
    counted: 0,
  };
  for (const request of requests) counts[classify(request, context)]++;
  return counts;
}

async function hover(page: TestPage, text: string): Promise<void> {
  const point = await markedPoint(page, text, 0);
  if (!point) throw new Error(`No mark reads "${text}"`);
  await page.mouseMove(point.x - 6, point.y);
  await settle(30);
  await page.mouseMove(point.x, point.y);
}

async function waitForCard(page: TestPage, name: string): Promise<void> {
  await page.waitForUi(
    (root, expected: string) => root?.querySelector('[role="dialog"] h2')?.textContent === expected,
    name,
    5_000,
  );
}

async function clickSiteSwitch(popup: TestPage): Promise<void> {
  await popup.evaluate(() =>
    document.querySelector<HTMLInputElement>('input[name="site-disabled"]')!.click(),
  );
}

describeInBrowsers('privacy', (h) => {
  it('sees the requests of a page and an extension page (recorder control); the CSP refuses every fetch of the extension', async () => {
    const page = await h.openFixture(DEMO);
    const recording = await h.recordRequests();
    const control = (who: string) => h.server.url(`/__control/${who}?t=${Date.now()}`);
    const fromPage = control('page');
    const fromExtensionPage = control('extension-page');
    const fromBackground = control('background');
    await page.evaluate(
      (url: string) =>
        fetch(url).then(
          () => undefined,
          () => undefined,
        ),
      fromPage,
    );
    const extensionPage = await h.openExtensionPage('popup.html');
    // An image is not a connection: the extension page's CSP lets it load, so the recorder
    // must see it. A fetch is one: the CSP (connect-src 'none') refuses it.
    const fetched = await extensionPage.evaluate(
      ([image, url]: [string, string]) => {
        new Image().src = image;
        return fetch(url, { mode: 'no-cors' }).then(
          () => 'ok',
          () => 'refused',
        );
      },
      [fromExtensionPage, control('extension-page-fetch')] as [string, string],
    );
    expect(fetched).toBe('refused');
    expect(await h.browser.fetchFromBackground(fromBackground)).toBe('refused');
    await settle(500);
    const seen = (await recording.stop()).map((r) => r.url);
    expect(seen).toContain(fromPage);
    expect(seen).toContain(fromExtensionPage);
    expect(seen).not.toContain(fromBackground);
    expect(seen.some((url) => url.includes('extension-page-fetch'))).toBe(false);
    await extensionPage.close();
    await page.close();
  });

  it('makes no network request while annotating, hovering, using the popup and the glossary page', async () => {
    const documents = new Set<string>();
    const recording = await h.recordRequests();

    // Annotation and hover, with a related entry opened in the card.
    const page = await h.openFixture(DEMO);
    documents.add(await page.evaluate(() => location.href));
    await page.waitFor(countHighlights);
    await hover(page, 'Trainium 2');
    await waitForCard(page, 'AWS Trainium2');
    expect(await page.inUi(clickCardLink, 'annapurna-labs')).toBe(true);
    await waitForCard(page, 'Annapurna Labs');
    await page.press('Escape');

    // The popup: the page's list, the site switch off and on again, a search.
    const popup = await h.openPopupFor(page);
    await popup.waitFor(() => document.querySelectorAll('li[data-count]').length > 0);
    await popup.waitFor(() => document.querySelector('input[name="site-disabled"]') !== null);
    await clickSiteSwitch(popup);
    await popup.waitFor(() => document.querySelector('[data-state="site-disabled"]') !== null);
    await clickSiteSwitch(popup);
    await page.waitFor(countHighlights);
    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      input.value = 'trainum';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await popup.waitFor(() => document.querySelector('[role="option"]') !== null);
    await popup.press('ArrowDown');
    await popup.press('Enter');
    await popup.waitFor(() => document.querySelector('.sl-card h2') !== null);
    await popup.press('Escape');
    await popup.close();

    // The glossary page and its routes.
    for (const path of GLOSSARY_PAGES) {
      const glossary = await h.openExtensionPage(path);
      await glossary.waitFor(() => (document.getElementById('app')?.childElementCount ?? 0) > 0);
      await settle(300);
      await glossary.close();
    }

    // Late requests (timers, idle callbacks, the badge) get a moment to show.
    await settle(1_500);
    await page.close();
    const requests = await recording.stop();

    const context: Context = {
      fixtureOrigin: h.server.origin,
      extensionOrigin: h.browser.extensionOrigin,
      extensionDir: EXTENSION_DIRS[h.name],
      documents,
    };
    const counts = summarise(requests, context);
    console.log(
      `privacy [${h.name}]: ${requests.length} requests observed: ` +
        Object.entries(counts)
          .map(([kind, n]) => `${kind} ${n}`)
          .join(', ') +
        ` (made by the extension: ${counts.counted})`,
    );
    expect(counts['fixture document']).toBe(1);
    expect(requests.filter((r) => classify(r, context) === 'counted')).toEqual([]);
  });
});
