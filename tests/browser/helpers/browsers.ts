import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page as PwPage,
  type Request as PwRequest,
} from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { TARGETS, outputDir } from '../../../scripts/targets';

export type BrowserName = 'chromium' | 'firefox';

export const BROWSER_NAMES: readonly BrowserName[] = ['chromium', 'firefox'];

const BINARIES: Record<BrowserName, { path: string; apt: string }> = {
  chromium: { path: TARGETS.chromium.executable, apt: TARGETS.chromium.apt },
  firefox: { path: TARGETS.firefox.executable, apt: TARGETS.firefox.apt },
};

/** The built extension for each browser (`npm run build` makes both). */
export const EXTENSION_DIRS: Record<BrowserName, string> = {
  chromium: outputDir('chromium'),
  firefox: outputDir('firefox'),
};

/** The Firefox add-on id of wxt.config.ts, and a fixed internal UUID so tests know its URLs. */
const FIREFOX_ADDON_ID = 'sovereignty-lens@sovereignty-lens.org';
const FIREFOX_UUID = '6a1f5e2c-5b1d-4d59-9c1e-50e1e1a5e001';

/** A page in either browser, with the few operations the tests need. */
export interface TestPage {
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** A PNG of part of the viewport (CSS pixels): equal bytes for equal pixels. */
  capture(clip: Clip): Promise<Uint8Array>;
  close(): Promise<void>;
  /**
   * Runs `fn` on the closed shadow root of the page's last `<sovereignty-lens-ui>` (null
   * when there is none) from outside the page's world: through the DevTools protocol's DOM
   * domain in Chromium and WebDriver BiDi's shadow-tree serialisation in Firefox. Page
   * scripts cannot do this. `fn` runs in the page with the root; its result and `arg` pass
   * as JSON.
   */
  inUi<R, A = undefined>(fn: (root: ShadowRoot | null, arg: A) => R, arg?: A): Promise<R>;
  /** Polls `inUi(fn, arg)` until it returns something truthy. */
  waitForUi<A = undefined>(
    fn: (root: ShadowRoot | null, arg: A) => unknown,
    arg?: A,
    timeoutMs?: number,
  ): Promise<void>;
}

/** The function `inUi` sends: calls `fn` with the root and parsed arg, returns JSON. */
function uiCall(fn: (...args: never[]) => unknown): string {
  return `async function (root, argJson) { const value = await (${fn.toString()})(root, JSON.parse(argJson)); return JSON.stringify(value === undefined ? null : value); }`;
}

/** Polls `probe` every 50 ms until it returns something truthy, or fails after `timeoutMs`. */
async function pollUntil(probe: () => Promise<unknown>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await probe()) return;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`Waiting for the extension's UI failed: ${timeoutMs} ms exceeded`, {
    cause: lastError,
  });
}

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TestBrowser {
  name: BrowserName;
  /** `chrome-extension://ID/` or `moz-extension://UUID/` */
  extensionOrigin: string;
  newPage(): Promise<TestPage>;
  /**
   * Starts recording every request the browser's pages, frames and workers make, and the
   * extension's background: in Chromium the playwright context's `request` events (pages
   * and the service worker); in Firefox the WebDriver BiDi `network.beforeRequestSent`
   * events of every browsing context, plus the background page's Resource Timing entries
   * (BiDi does not report the background page's requests).
   */
  recordRequests(): Promise<RequestRecording>;
  /**
   * Makes the extension's background try to fetch `url`: `refused` when the fetch fails
   * (the extension's CSP forbids every connection), `ok` when it got a response.
   */
  fetchFromBackground(url: string): Promise<'ok' | 'refused'>;
  close(): Promise<void>;
}

/** One request seen by a `RequestRecording`. */
export interface RecordedRequest {
  url: string;
  /** Who made it: the page's URL, `service worker`, `background page`, or a BiDi context id. */
  from: string;
  /** Whether it loads a document (a navigation). */
  navigation: boolean;
}

export interface RequestRecording {
  /** Stops recording; returns the requests seen since the start, in order. */
  stop(): Promise<RecordedRequest[]>;
}

/** Fails with install instructions when the browser binary is missing (never skips). */
export function assertBrowserInstalled(name: BrowserName): string {
  const { path, apt } = BINARIES[name];
  if (!existsSync(path)) {
    throw new Error(
      `${name} is not installed at ${path}. Install it with: ` +
        `sudo apt-get update && sudo apt-get install -y ${apt} (or set ${
          name === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'
        }).`,
    );
  }
  const dir = EXTENSION_DIRS[name];
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}: run \`npm run build\` first.`);
  }
  return path;
}

export async function launchBrowser(name: BrowserName): Promise<TestBrowser> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}

async function launchChromium(): Promise<TestBrowser> {
  const executablePath = assertBrowserInstalled('chromium');
  const dir = EXTENSION_DIRS.chromium;
  const profile = mkdtempSync(join(tmpdir(), 'sl-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  // new URL().origin is "null" for chrome-extension: URLs.
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}/`;
  return {
    name: 'chromium',
    extensionOrigin,
    async newPage() {
      return wrapPlaywright(await context.newPage());
    },
    async recordRequests() {
      const seen: RecordedRequest[] = [];
      const listener = (request: PwRequest): void => {
        const worker = request.serviceWorker();
        let from = worker ? `service worker ${worker.url()}` : 'unknown';
        if (!worker) {
          try {
            from = request.frame().url() || 'new frame';
          } catch {
            // Requests of workers other than service workers have no frame.
          }
        }
        seen.push({ url: request.url(), from, navigation: request.isNavigationRequest() });
      };
      context.on('request', listener);
      return {
        async stop() {
          context.off('request', listener);
          return seen;
        },
      };
    },
    async fetchFromBackground(url) {
      const current =
        context.serviceWorkers()[0] ??
        (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
      return current.evaluate(
        (target: string) =>
          fetch(target, { mode: 'no-cors', cache: 'no-store' }).then(
            () => 'ok' as const,
            () => 'refused' as const,
          ),
        url,
      );
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function wrapPlaywright(page: PwPage): TestPage {
  let session: Promise<CDPSession> | undefined;
  const cdp = () => (session ??= page.context().newCDPSession(page));
  const inUi = async <R, A>(fn: (root: ShadowRoot | null, arg: A) => R, arg?: A): Promise<R> => {
    const client = await cdp();
    const { result: host } = await client.send('Runtime.evaluate', {
      expression: `(() => { const all = document.querySelectorAll('sovereignty-lens-ui'); return all[all.length - 1] ?? globalThis; })()`,
    });
    let root: { objectId: string } | { value: null } = { value: null };
    if (host.className !== 'Window') {
      const { node } = await client.send('DOM.describeNode', {
        objectId: host.objectId!,
        depth: 0,
        pierce: true,
      });
      const shadow = node.shadowRoots?.[0];
      if (shadow) {
        const { object } = await client.send('DOM.resolveNode', {
          backendNodeId: shadow.backendNodeId,
        });
        root = { objectId: object.objectId! };
      }
    }
    const call = await client.send('Runtime.callFunctionOn', {
      functionDeclaration: uiCall(fn),
      objectId: host.objectId!,
      arguments: [root, { value: JSON.stringify(arg ?? null) }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (call.exceptionDetails) {
      const { exception, text } = call.exceptionDetails;
      throw new Error(`inUi: ${exception?.description ?? text}`);
    }
    return JSON.parse(call.result.value as string) as R;
  };
  return {
    inUi,
    waitForUi: (fn, arg, timeoutMs = 10_000) => pollUntil(() => inUi(fn, arg), timeoutMs),
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(fn, arg, timeoutMs = 10_000) {
      await page.waitForFunction(fn as never, arg, { timeout: timeoutMs, polling: 50 });
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    async screenshot(path) {
      await page.screenshot({ path });
    },
    capture: async (clip) => new Uint8Array(await page.screenshot({ clip })),
    close: () => page.close(),
  };
}

async function launchFirefox(): Promise<TestBrowser> {
  const executablePath = assertBrowserInstalled('firefox');
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // Firefox 153+ lets WebDriver navigate to moz-extension: pages only with system access.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_UUID }),
      'network.dns.disablePrefetch': true,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.update.enabled': false,
    },
  });
  const id = await browser.installExtension(EXTENSION_DIRS.firefox);
  if (id !== FIREFOX_ADDON_ID) throw new Error(`Unexpected add-on id ${id}`);
  const extensionOrigin = `moz-extension://${FIREFOX_UUID}/`;
  /** Runs `fn` in a fresh extension page (which can reach the background page), then closes it. */
  const inExtensionPage = async <R, A>(fn: (arg: A) => Promise<R>, arg: A): Promise<R> => {
    const page = wrapPuppeteer(await browser.newPage(), browser);
    try {
      await page.goto(`${extensionOrigin}popup.html`);
      return await page.evaluate(fn, arg);
    } finally {
      await page.close();
    }
  };
  return {
    name: 'firefox',
    extensionOrigin,
    async newPage() {
      return wrapPuppeteer(await browser.newPage(), browser);
    },
    async recordRequests() {
      const seen: RecordedRequest[] = [];
      const contextUrls = new Map<string, string>();
      const bidi = (browser as unknown as { connection: BidiEvents }).connection;
      const onNavigation = (event: unknown): void => {
        const { context, url } = event as { context: string; url: string };
        contextUrls.set(context, url);
      };
      const onRequest = (event: unknown): void => {
        const e = event as {
          context: string | null;
          navigation: string | null;
          request: { url: string };
        };
        const navigation = e.navigation !== null;
        if (navigation && e.context) contextUrls.set(e.context, e.request.url);
        const from = e.context
          ? (contextUrls.get(e.context) ?? `context ${e.context}`)
          : 'no context';
        seen.push({ url: e.request.url, from, navigation });
      };
      bidi.on('browsingContext.navigationStarted', onNavigation);
      bidi.on('network.beforeRequestSent', onRequest);
      // The background page's requests, from its Resource Timing buffer (fetch, XHR,
      // beacons, images, scripts, styles), counted from now on.
      const mark = await inExtensionPage(async () => {
        const api = (globalThis as unknown as { browser: BackgroundApi }).browser;
        const background = await api.runtime.getBackgroundPage();
        background.performance.setResourceTimingBufferSize(100_000);
        return background.performance.now();
      }, undefined);
      return {
        async stop() {
          const fromBackground = await inExtensionPage(async (since: number) => {
            const api = (globalThis as unknown as { browser: BackgroundApi }).browser;
            const background = await api.runtime.getBackgroundPage();
            return background.performance
              .getEntriesByType('resource')
              .filter((entry) => entry.startTime >= since)
              .map((entry) => entry.name);
          }, mark);
          bidi.off('browsingContext.navigationStarted', onNavigation);
          bidi.off('network.beforeRequestSent', onRequest);
          for (const url of fromBackground) {
            seen.push({ url, from: 'background page', navigation: false });
          }
          return seen;
        },
      };
    },
    async fetchFromBackground(url) {
      return inExtensionPage(async (target: string) => {
        const api = (globalThis as unknown as { browser: BackgroundApi }).browser;
        const background = await api.runtime.getBackgroundPage();
        return background.fetch(target, { mode: 'no-cors', cache: 'no-store' }).then(
          () => 'ok' as const,
          () => 'refused' as const,
        );
      }, url);
    },
    async close() {
      await browser.close();
    },
  };
}

/** The BiDi connection under a puppeteer Firefox browser (an internal, stable-enough API). */
interface BidiEvents {
  on(event: string, listener: (event: unknown) => void): unknown;
  off(event: string, listener: (event: unknown) => void): unknown;
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** A BiDi remote value, as much of it as `inUi` reads. */
interface RemoteValue {
  type: string;
  sharedId?: string;
  value?: unknown;
}

/** What an MV2 extension page sees of `browser.runtime`, for the background page. */
interface BackgroundApi {
  runtime: { getBackgroundPage(): Promise<Window & typeof globalThis> };
}

function wrapPuppeteer(page: PpPage, browser: PpBrowser): TestPage {
  const bidi = (browser as unknown as { connection: BidiEvents }).connection;
  const context = (): string => (page.mainFrame() as unknown as { _id: string })._id;
  const inUi = async <R, A>(fn: (root: ShadowRoot | null, arg: A) => R, arg?: A): Promise<R> => {
    const target = { context: context() };
    const { result: found } = await bidi.send('script.evaluate', {
      expression: `(() => { const all = document.querySelectorAll('sovereignty-lens-ui'); return all[all.length - 1] ?? null; })()`,
      target,
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    });
    const host = (found as { result?: RemoteValue }).result;
    const shadow = (host?.value as { shadowRoot?: RemoteValue | null } | undefined)?.shadowRoot;
    const { result: called } = await bidi.send('script.callFunction', {
      functionDeclaration: uiCall(fn),
      target,
      arguments: [
        shadow?.sharedId ? { sharedId: shadow.sharedId } : { type: 'null' },
        { type: 'string', value: JSON.stringify(arg ?? null) },
      ],
      awaitPromise: true,
      resultOwnership: 'none',
    });
    const outcome = called as {
      type: string;
      result?: RemoteValue;
      exceptionDetails?: { text: string };
    };
    if (outcome.type === 'exception') throw new Error(`inUi: ${outcome.exceptionDetails?.text}`);
    return JSON.parse(outcome.result?.value as string) as R;
  };
  const wrapped: TestPage = {
    inUi,
    waitForUi: (fn, arg, timeoutMs = 10_000) => pollUntil(() => inUi(fn, arg), timeoutMs),
    async goto(url) {
      if (!url.startsWith('moz-extension:')) {
        await page.goto(url, { waitUntil: 'load' });
        return;
      }
      // Puppeteer never sees navigations to moz-extension: pages complete (the page loads,
      // but the promise hangs), so start it and wait for the document instead (polled
      // with retries, like `waitFor`: an evaluation may fail while the page settles).
      void page.goto(url, { timeout: 0 }).catch(() => undefined);
      await wrapped.waitFor(
        (target: string) => location.href === target && document.readyState === 'complete',
        url,
      );
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(fn, arg, timeoutMs = 10_000) {
      // Polled from here: Firefox's BiDi sometimes fails one evaluation while a page is
      // settling ("right-hand side of 'in' should be an object"); a retry succeeds.
      const deadline = Date.now() + timeoutMs;
      let lastError: unknown;
      while (Date.now() < deadline) {
        try {
          if (await page.evaluate(fn as never, arg)) return;
          lastError = undefined;
        } catch (error) {
          lastError = error;
        }
        await new Promise((done) => setTimeout(done, 50));
      }
      throw new Error(`Waiting failed: ${timeoutMs} ms exceeded`, { cause: lastError });
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key as never),
    setViewport: (width, height) => page.setViewport({ width, height }),
    async screenshot(path) {
      await page.screenshot({ path: path as `${string}.png` });
    },
    capture: async (clip) => new Uint8Array(await page.screenshot({ clip })),
    close: () => page.close(),
  };
  return wrapped;
}
