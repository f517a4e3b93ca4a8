/**
 * Torture pages by size and shape (tests/fixtures/hostile/size-*.html): the extension
 * marks everything it should, throws nothing, and the page keeps rendering frames.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, type ExtensionHarness, type TestPage } from './helpers';
import {
  countHighlightTexts,
  countHighlights,
  readFrameStats,
  readPageErrors,
  mutationFrameStats,
  type FrameStats,
} from './helpers/probes';

/** Waits until the extension's marks reach `count` (and stay there for a moment). */
async function waitForCount(page: TestPage, count: number, timeoutMs = 30_000): Promise<void> {
  await page.waitFor(
    (n: number) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
      let total = 0;
      for (const [name, hl] of registry)
        if (name.startsWith('sovereignty-lens') && !/-(focus|hover)$/.test(name)) total += hl.size;
      return total >= n;
    },
    count,
    timeoutMs,
  );
}

/**
 * Mentions per entity id as the page's content script reports them (everything found, not
 * only the marks registered near the viewport), asked from an extension page.
 */
async function foundCounts(h: ExtensionHarness, page: TestPage): Promise<Record<string, number>> {
  const url = await page.evaluate(() => location.href);
  const probe = await h.openExtensionPage('popup.html');
  const counts = await probe.evaluate(async (target: string) => {
    type Summary = { url?: string; entities?: { id: string; count: number }[] };
    type Api = {
      tabs: {
        query(q: object): Promise<{ id?: number }[]>;
        sendMessage(id: number, m: object): Promise<Summary | undefined>;
      };
    };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined) continue;
      const reply = await api.tabs
        .sendMessage(tab.id, { type: 'page/get-summary' })
        .catch(() => undefined);
      if (reply?.url === target)
        return Object.fromEntries((reply.entities ?? []).map((e) => [e.id, e.count]));
    }
    return {};
  }, url);
  await probe.close();
  return counts;
}

/** Waits until the content script reports `total` mentions. */
async function waitForFound(
  h: ExtensionHarness,
  page: TestPage,
  total: number,
  fixture: string,
): Promise<Record<string, number>> {
  const deadline = Date.now() + 30_000;
  let counts: Record<string, number> = {};
  while (Date.now() < deadline) {
    counts = await foundCounts(h, page);
    if (Object.values(counts).reduce((a, b) => a + b, 0) >= total) return counts;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${fixture}: found ${JSON.stringify(counts)}, not ${total} mentions`);
}

/**
 * On a page with more marks than are registered at once: the registered marks are near
 * the viewport, and after scrolling to the end the last mention is registered.
 */
async function expectWindowedMarks(page: TestPage, fixture: string): Promise<void> {
  const near = await page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    let far = 0;
    let count = 0;
    for (const [name, hl] of registry) {
      if (!name.startsWith('sovereignty-lens') || /-(focus|hover)$/.test(name)) continue;
      for (const r of hl) {
        count++;
        const top = r.startContainer.parentElement!.getBoundingClientRect().top;
        if (top > innerHeight * 4 || top < -innerHeight * 4) far++;
      }
    }
    return { far, count };
  });
  expect(near.count, `${fixture}: marks registered near the viewport`).toBeGreaterThan(0);
  expect(near.far, `${fixture}: marks registered far from the viewport`).toBe(0);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitFor(
    () => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> })
        .highlights;
      for (const [name, hl] of registry) {
        if (!name.startsWith('sovereignty-lens') || /-(focus|hover)$/.test(name)) continue;
        for (const r of hl) {
          const rect = r.startContainer.parentElement!.getBoundingClientRect();
          if (rect.bottom > 0 && rect.top < innerHeight) return true;
        }
      }
      return false;
    },
    undefined,
    3_000,
  );
}

/**
 * A coarse guard that the page kept rendering while the extension worked (this machine
 * runs other work too, and CI machines differ 2x in speed): no frame over 1.5 s and at
 * most 40 frames over 50 ms (up to 33 seen on a busy 2-core machine). The worst
 * frame, ~200-450 ms in Chromium on the 50,000-cell and 100,000-node pages, is the one
 * full style recalculation that adopting any stylesheet costs on such a DOM.
 */
function expectBoundedFrames(stats: FrameStats, fixture: string): void {
  expect(stats.maxGap, `${fixture}: longest frame gap`).toBeLessThan(1_500);
  expect(stats.over50, `${fixture}: frames over 50 ms`).toBeLessThanOrEqual(40);
}

describeInBrowsers('hostile pages: size and shape', (h) => {
  beforeAll(async () => {
    await h.setSettings({ scope: 'page' });
  });

  it('size-10mb-text.html: finds all 10,000 mentions in 10 MB of text with bounded frame gaps', async () => {
    const fixture = 'size-10mb-text.html';
    const page = await h.openFixture(`hostile/${fixture}`);
    const started = Date.now();
    expect(await waitForFound(h, page, 10_000, fixture), fixture).toEqual({ asml: 10_000 });
    const elapsed = Date.now() - started;
    await new Promise((done) => setTimeout(done, 300));
    const stats = await page.evaluate(readFrameStats, true);
    console.info(`[${h.name}] ${fixture}: found in ${elapsed} ms`, stats);
    expect(
      await page.evaluate(() => (window as unknown as { __textLength: number }).__textLength),
    ).toBeGreaterThan(10_000_000);
    expectBoundedFrames(stats, fixture);
    await expectWindowedMarks(page, fixture);
    const mutation = await page.evaluate(mutationFrameStats, 40);
    console.info(`[${h.name}] ${fixture}: frames while the page mutates its DOM`, mutation);
    // As below: the regression this guards against made every frame 250-300 ms.
    expect(mutation.median, `${fixture}: median frame while the page mutates`).toBeLessThan(150);
    expect(await page.evaluate(readPageErrors), fixture).toEqual([]);
    await page.close();
  });

  it('size-100k-text-nodes.html: marks 100,000 text nodes, names split across spans included', async () => {
    const page = await h.openFixture('hostile/size-100k-text-nodes.html');
    expect(
      await page.evaluate(() => (window as unknown as { __textNodes: number }).__textNodes),
    ).toBe(100_000);
    const fixture = 'size-100k-text-nodes.html';
    expect(await waitForFound(h, page, 30_000, fixture), fixture).toEqual({
      nvidia: 10_000,
      aws: 10_000,
      'trainium-2': 10_000,
    });
    await new Promise((done) => setTimeout(done, 300));
    const stats = await page.evaluate(readFrameStats, true);
    console.info(`[${h.name}] ${fixture}`, stats);
    const texts = await page.evaluate(countHighlightTexts);
    expect(Object.keys(texts).sort(), fixture).toEqual(['AWS', 'Nvidia', 'Trainium …']);
    await expectWindowedMarks(page, fixture);
    expectBoundedFrames(stats, fixture);
    // The page's own DOM changes stay cheap (median under 150 ms; ~33-100 ms measured in
    // Chromium, 17 ms in Firefox): Chromium rebuilds every registered highlight
    // after each DOM change, which took 250-300 ms per frame with all 30,000 registered.
    const mutation = await page.evaluate(mutationFrameStats, 40);
    console.info(`[${h.name}] ${fixture}: frames while the page mutates its DOM`, mutation);
    expect(mutation.median, `${fixture}: median frame while the page mutates`).toBeLessThan(150);
    await page.close();
  });

  it('size-deep-nesting.html: survives 5,000 levels of nesting and marks the rendered text', async () => {
    const page = await h.openFixture('hostile/size-deep-nesting.html');
    // Browsers may not lay out the deepest levels: expect a mark for each rendered paragraph.
    const rendered = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('p.deep')).filter((p) => p.getClientRects().length > 0)
          .length,
    );
    await waitForCount(page, rendered, 20_000);
    await new Promise((done) => setTimeout(done, 500));
    const counts = await page.evaluate(countHighlightTexts);
    console.info(
      `[${h.name}] size-deep-nesting.html: ${rendered} of 11 paragraphs rendered`,
      counts,
    );
    expect(rendered, 'size-deep-nesting.html renders its shallow levels').toBeGreaterThan(0);
    expect((counts.TSMC ?? 0) + (counts.ASML ?? 0), 'size-deep-nesting.html').toBe(rendered);
    // The page still works: it can add and mark a paragraph at the top.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'OVHcloud runs a cloud.';
      document.getElementById('root')!.prepend(p);
    });
    await waitForCount(page, rendered + 1, 5_000);
    expect(await page.evaluate(readPageErrors), 'size-deep-nesting.html').toEqual([]);
    await page.close();
  });

  it('size-2mb-text-node.html: marks a 2 MB text node at the right offsets, first and last included', async () => {
    const page = await h.openFixture('hostile/size-2mb-text-node.html');
    await waitForCount(page, 1_001);
    const stats = await page.evaluate(readFrameStats, true);
    const offsets = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> })
        .highlights;
      const found: number[] = [];
      for (const [name, hl] of registry) {
        if (!name.startsWith('sovereignty-lens') || /-(focus|hover)$/.test(name)) continue;
        for (const r of hl) if (r.endOffset - r.startOffset === 6) found.push(r.startOffset);
      }
      return {
        found: found.sort((a, b) => a - b),
        expected: (window as unknown as { __expectedOffsets: number[] }).__expectedOffsets,
      };
    });
    console.info(`[${h.name}] size-2mb-text-node.html`, stats);
    expect(offsets.expected.length).toBe(1_001);
    expect(offsets.found, 'size-2mb-text-node.html').toEqual(offsets.expected);
    expect(await page.evaluate(countHighlights)).toBe(1_001);
    expectBoundedFrames(stats, 'size-2mb-text-node.html');
    await page.close();
  });

  it('size-table-50k-cells.html: marks exactly the 1,000 cells that name Nvidia in a 50,000-cell table', async () => {
    const page = await h.openFixture('hostile/size-table-50k-cells.html');
    await waitForCount(page, 1_000);
    await new Promise((done) => setTimeout(done, 300));
    const stats = await page.evaluate(readFrameStats, true);
    console.info(`[${h.name}] size-table-50k-cells.html`, stats);
    expect(await page.evaluate(countHighlightTexts), 'size-table-50k-cells.html').toEqual({
      Nvidia: 1_000,
    });
    expectBoundedFrames(stats, 'size-table-50k-cells.html');
    await page.close();
  });
});
