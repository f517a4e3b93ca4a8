import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import {
  BROWSER_NAMES,
  launchBrowser,
  type BrowserName,
  type RequestRecording,
  type TestBrowser,
  type TestPage,
} from './browsers';
import { countHighlights } from './probes';
import { startFixtureServer, type FixtureServer } from './server';

export type {
  BrowserName,
  RecordedRequest,
  RequestRecording,
  TestBrowser,
  TestPage,
} from './browsers';

export const ARTIFACTS_DIR = resolve('tests/browser/artifacts');

/** What a real-browser test gets: one browser with the extension, and the fixture server. */
export interface ExtensionHarness {
  readonly name: BrowserName;
  readonly browser: TestBrowser;
  readonly server: FixtureServer;
  /** Opens a page of tests/fixtures (e.g. "pages/basic.html") once it has loaded. */
  openFixture(path: string): Promise<TestPage>;
  /** Opens an extension page (e.g. "glossary.html#/entry/cuda"). */
  openExtensionPage(path: string): Promise<TestPage>;
  /** Opens the popup as a tab, pointed at the tab that shows `page`. */
  openPopupFor(page: TestPage): Promise<TestPage>;
  /** Merges `change` into the stored settings (as the glossary page would). */
  setSettings(change: Record<string, unknown>): Promise<void>;
  /** Stores the reader's data as the glossary page does (null removes it). */
  setUserData(value: object | null): Promise<void>;
  /**
   * The event name WXT's content script context listens to for "a newer copy started"
   * (`<runtime id>:content:wxt:content-script-started`), which a hostile page may replay.
   */
  startEventName(): Promise<string>;
  /**
   * Starts recording every request of the browser's pages, frames, workers and the
   * extension's background (see `TestBrowser.recordRequests`); `stop()` returns them.
   */
  recordRequests(): Promise<RequestRecording>;
  /** Saves a PNG under tests/browser/artifacts/<browser>/<name>.png and returns its path. */
  screenshot(page: TestPage, name: string): Promise<string>;
}

/**
 * Declares the enclosed tests once per real browser (Chromium and Firefox), each with its
 * own browser, extension and fixture server, torn down after the block.
 */
let pageCounter = 0;

export function describeInBrowsers(title: string, body: (h: ExtensionHarness) => void): void {
  describe.each(BROWSER_NAMES)(`${title} [%s]`, (name) => {
    let browser: TestBrowser | undefined;
    let server: FixtureServer | undefined;
    beforeAll(async () => {
      server = await startFixtureServer();
      browser = await launchBrowser(name);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });
    const need = <T>(value: T | undefined, what: string): T => {
      if (value === undefined) throw new Error(`${what} did not start`);
      return value;
    };
    const harness: ExtensionHarness = {
      name,
      get browser() {
        return need(browser, name);
      },
      get server() {
        return need(server, 'fixture server');
      },
      async openFixture(path) {
        const page = await harness.browser.newPage();
        // A unique query per page, so a tab left open by a failed test is never mistaken
        // for this one.
        const separator = path.includes('?') ? '&' : '?';
        await page.goto(harness.server.url(`${path}${separator}page=${++pageCounter}`));
        return page;
      },
      async openExtensionPage(path) {
        const page = await harness.browser.newPage();
        await page.goto(harness.browser.extensionOrigin + path);
        return page;
      },
      async openPopupFor(page) {
        const url = await page.evaluate(() => location.href);
        const probe = await harness.openExtensionPage('popup.html');
        const tabId = await probe.evaluate(findTabIdInExtensionPage, url);
        await probe.close();
        return harness.openExtensionPage(`popup.html?tab=${tabId}`);
      },
      async setSettings(change) {
        const page = await harness.openExtensionPage('popup.html');
        await page.evaluate(writeSettingsInExtensionPage, change);
        await page.close();
      },
      async startEventName() {
        const page = await harness.openExtensionPage('popup.html');
        const id = await page.evaluate(() => {
          type Api = { runtime: { id: string } };
          const g = globalThis as unknown as { browser?: Api; chrome: Api };
          return (g.browser ?? g.chrome).runtime.id;
        });
        await page.close();
        return `${id}:content:wxt:content-script-started`;
      },
      async setUserData(value) {
        const page = await harness.openExtensionPage('popup.html');
        await page.evaluate(writeUserDataInExtensionPage, value);
        await page.close();
      },
      recordRequests: () => harness.browser.recordRequests(),
      async screenshot(page, shot) {
        const dir = join(ARTIFACTS_DIR, name);
        mkdirSync(dir, { recursive: true });
        const path = join(dir, `${shot}.png`);
        await page.screenshot(path);
        return path;
      },
    };
    body(harness);
  });
}

/** Runs in an extension page: stores user data (storage.local "userData", version 1). */
async function writeUserDataInExtensionPage(data: object | null): Promise<void> {
  type Local = { set(v: object): Promise<void>; remove(k: string[]): Promise<void> };
  const g = globalThis as unknown as {
    browser?: { storage: { local: Local } };
    chrome: { storage: { local: Local } };
  };
  const local = (g.browser ?? g.chrome).storage.local;
  if (data === null) await local.remove(['userData', 'userData$']);
  else await local.set({ userData: data, userData$: { v: 1 } });
}

/**
 * Runs in an extension page: finds the tab whose content script reports `url`, using
 * the extension's own message protocol (no `tabs` permission needed).
 */
async function findTabIdInExtensionPage(url: string): Promise<number> {
  type Api = {
    tabs: {
      query(q: object): Promise<{ id?: number }[]>;
      sendMessage(
        id: number,
        m: object,
        options: { frameId: number },
      ): Promise<{ url?: string } | undefined>;
    };
  };
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  const api = g.browser ?? g.chrome;
  for (let attempt = 0; attempt < 50; attempt++) {
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined) continue;
      const reply = await api.tabs
        // The top frame's, as the popup asks (frames answer for themselves).
        .sendMessage(tab.id, { type: 'page/get-summary' }, { frameId: 0 })
        .catch(() => undefined);
      if (reply?.url === url) return tab.id;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`No tab with a content script reports ${url}`);
}

/** Runs in an extension page: merges a change into `storage.sync` "settings". */
async function writeSettingsInExtensionPage(change: Record<string, unknown>): Promise<void> {
  type Area = {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: object): Promise<void>;
  };
  const g = globalThis as unknown as {
    browser?: { storage: { sync: Area } };
    chrome: { storage: { sync: Area } };
  };
  const sync = (g.browser ?? g.chrome).storage.sync;
  const current = ((await sync.get('settings')).settings ?? {}) as Record<string, unknown>;
  await sync.set({ settings: { ...current, ...change } });
}

/**
 * The number of the extension's marks once the scan has registered them all (a scan
 * registers them in batches, at most 500 ms apart): the count, above zero, unchanged for
 * `quietMs`.
 */
export async function settledMarkCount(page: TestPage, quietMs = 800): Promise<number> {
  await page.waitFor(countHighlights);
  const deadline = Date.now() + 15_000;
  let last = await page.evaluate(countHighlights);
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) throw new Error(`the mark count never settled (last: ${last})`);
    await new Promise((done) => setTimeout(done, 50));
    const count = await page.evaluate(countHighlights);
    if (count !== last) {
      last = count;
      since = Date.now();
    }
  }
  return last;
}
