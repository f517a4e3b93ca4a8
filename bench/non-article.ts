/**
 * The cost of the extension on a page that is not an article (issue 16): a dashboard of a
 * few hundred table rows with 20 small same-origin frames like ads
 * (tests/fixtures/pages/dashboard.html). Each load is traced from navigation to 3 s after
 * `load` (the loader's late re-check included), with and without the extension, and the
 * main thread's tasks are summed: the difference is what the reader pays. The extension's
 * scripts evaluated in the page's frames are counted from the same trace.
 */
import type { BrowserContext } from 'playwright-core';
import { traced } from './trace';

export interface NonArticleLoad {
  /** Sum of the renderer main thread's tasks, navigation to 3 s after load. */
  mainThreadMs: number;
  /**
   * Main-thread time in the extension's own scripts (evaluation and calls whose script is
   * a chrome-extension:// URL), nested events counted once: a figure without the noise
   * of the whole-page difference, though without the style and layout it may cause.
   */
  extensionScriptMs: number;
  /** Extension scripts evaluated in the page's frames: file -> times. */
  evaluated: Record<string, number>;
  /** Frames of the page (top and iframes) that finished loading. */
  frames: number;
}

const SETTLE_MS = 3_000;

/** One load of `url` in `context` (with or without the extension). */
export async function nonArticleLoad(
  context: BrowserContext,
  url: string,
): Promise<NonArticleLoad> {
  const page = await context.newPage();
  try {
    const { events } = await traced(context, page, async () => {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(SETTLE_MS);
    });
    // The renderer main thread that parsed the page (same-origin frames share it).
    const parse = events.find(
      (e) => e.name === 'ParseHTML' && e.args?.beginData?.url?.startsWith(url.split('#')[0]!),
    );
    if (!parse) throw new Error('no ParseHTML of the page in the trace');
    const onMain = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid);
    const mainThreadMs =
      onMain
        .filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X')
        .reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
    const own = onMain
      .filter(
        (e) =>
          e.ph === 'X' &&
          (e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'v8.compile') &&
          (e.args?.data?.url ?? '').startsWith('chrome-extension://'),
      )
      .sort((a, b) => a.ts - b.ts);
    let extensionScriptMs = 0;
    let end = 0;
    for (const e of own) {
      if (e.ts < end) continue; // nested in one already counted
      extensionScriptMs += (e.dur ?? 0) / 1000;
      end = e.ts + (e.dur ?? 0);
    }
    const evaluated: Record<string, number> = {};
    for (const e of onMain) {
      const script = e.args?.data?.url;
      if (e.name !== 'EvaluateScript' || !script?.startsWith('chrome-extension://')) continue;
      const file = new URL(script).pathname;
      evaluated[file] = (evaluated[file] ?? 0) + 1;
    }
    const frames = await page.evaluate(
      () =>
        1 +
        Array.from(document.querySelectorAll('iframe')).filter(
          (f) => f.contentDocument?.readyState === 'complete',
        ).length,
    );
    return { mainThreadMs, extensionScriptMs, evaluated, frames };
  } finally {
    await page.close();
  }
}
