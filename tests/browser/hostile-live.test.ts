/**
 * Hostile live pages (tests/fixtures/hostile/churn-*.html, framework-*.html): pages that
 * never stop changing, grow, replace their body or re-render with a framework. The
 * extension stays cheap, breaks nothing and its marks follow the final text.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, type TestPage } from './helpers';
import {
  countHighlights,
  readFrameStats,
  readHighlights,
  readPageErrors,
  readPlacedHighlights,
} from './helpers/probes';
import { markedPoint } from './helpers/marked-point';

const settle = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function waitForCard(page: TestPage, fixture: string): Promise<void> {
  try {
    await page.waitForUi((root) => !!root?.querySelector('[role="dialog"] h2'), undefined, 5_000);
  } catch (error) {
    throw new Error(`${fixture}: the hover card did not open`, { cause: error });
  }
}

async function hover(page: TestPage, text: string, fixture: string): Promise<void> {
  const point = await markedPoint(page, text, 0);
  if (!point) throw new Error(`${fixture}: no mark reads "${text}"`);
  await page.mouseMove(point.x - 6, point.y);
  await settle(30);
  await page.mouseMove(point.x, point.y);
}

/** The marks' texts, once they equal `expected` (or the last seen value on timeout). */
async function marksBecome(
  page: TestPage,
  expected: string[],
  timeoutMs = 5_000,
): Promise<string[]> {
  await page
    .waitFor(
      (want: string[]) => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> })
          .highlights;
        const ranges: Range[] = [];
        for (const [name, hl] of registry) {
          if (!name.startsWith('sovereignty-lens') || /-(focus|hover)$/.test(name)) continue;
          for (const r of hl) {
            if (!r.startContainer.isConnected) return false;
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            ranges.push(range);
          }
        }
        ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
        return JSON.stringify(ranges.map((r) => r.toString())) === JSON.stringify(want);
      },
      expected,
      timeoutMs,
    )
    .catch(() => undefined);
  return (await page.evaluate(readPlacedHighlights)).map((h) =>
    h.where === 'detached' ? `${h.text} (detached)` : h.text,
  );
}

describeInBrowsers('hostile pages: churn and frameworks', (h) => {
  beforeAll(async () => {
    await h.setSettings({ scope: 'page' });
  });

  it('churn-every-frame.html: keeps the frame rate while the DOM changes every frame for 6 s, then matches the final text', async () => {
    const fixture = 'churn-every-frame.html';
    // The same page with the extension off, for the page's own frame rate (3 s).
    await h.setSettings({ disabledSites: ['127.0.0.1'] });
    const off = await h.openFixture(`hostile/${fixture}?seconds=3`);
    await off.waitFor(
      () => (window as unknown as { __churnDone: boolean }).__churnDone,
      undefined,
      10_000,
    );
    const baseline = await off.evaluate(readFrameStats, false);
    await off.close();
    await h.setSettings({ disabledSites: [] });

    const page = await h.openFixture(`hostile/${fixture}?seconds=6`);
    await page.waitFor(countHighlights);
    await page.waitFor(
      () => (window as unknown as { __churnDone: boolean }).__churnDone,
      undefined,
      20_000,
    );
    const stats = await page.evaluate(readFrameStats, false);
    console.info(`[${h.name}] ${fixture}: extension off`, baseline, 'on', stats);
    // Bounded cost: about the same frame rate as without the extension.
    expect(stats.meanGap, `${fixture}: mean frame time`).toBeLessThan(baseline.meanGap * 1.25 + 4);
    expect(stats.p95Gap, `${fixture}: 95th percentile frame time`).toBeLessThan(
      Math.max(baseline.p95Gap * 1.5, 50),
    );
    if (stats.longTasks !== null)
      expect(stats.longTasks, `${fixture}: long tasks`).toBeLessThanOrEqual(
        baseline.longTasks! + 2,
      );
    // Catches up: the marks are exactly the names of the final text.
    const expected = await page.evaluate(
      () => (window as unknown as { __finalNames: string[] }).__finalNames,
    );
    expect(await marksBecome(page, expected), fixture).toEqual(expected);
    expect(await page.evaluate(readPageErrors), fixture).toEqual([]);
    await page.close();
  });

  it('churn-infinite-scroll.html: marks every story appended while the reader scrolls', async () => {
    const fixture = 'churn-infinite-scroll.html';
    const page = await h.openFixture(`hostile/${fixture}`);
    await page.waitFor(countHighlights);
    for (let i = 0; i < 12; i++) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await settle(120);
    }
    const stories = await page.evaluate(
      () => (window as unknown as { __stories: number }).__stories,
    );
    expect(stories, fixture).toBe(100);
    const expected = Array.from({ length: stories }, () => ['Nvidia', 'ASML']).flat();
    expect(await marksBecome(page, expected), fixture).toEqual(expected);
    await page.close();
  });

  it('churn-replace-body.html: follows a body replaced five times, with no mark left on old bodies and a working card', async () => {
    const fixture = 'churn-replace-body.html';
    const page = await h.openFixture(`hostile/${fixture}`);
    await page.waitFor(
      () => (window as unknown as { __replaced: number }).__replaced === 5,
      undefined,
      5_000,
    );
    const expected = ['Nvidia', 'TSMC', 'ASML'];
    expect(await marksBecome(page, expected), fixture).toEqual(expected);
    await hover(page, 'TSMC', fixture);
    await waitForCard(page, fixture);
    const hostInBody = await page.evaluate(
      () => document.querySelector('sovereignty-lens-ui')?.parentElement === document.body,
    );
    expect(hostInBody, `${fixture}: the UI host is in the current body`).toBe(true);
    expect(await page.evaluate(readPageErrors), fixture).toEqual([]);
    await page.close();
  });

  it('framework-render-loop.html: hydrates and re-renders without a framework error, and the marks follow the new text', async () => {
    const fixture = 'framework-render-loop.html';
    const page = await h.openFixture(`hostile/${fixture}`);
    await page.waitFor(countHighlights);
    await page.waitFor(
      () => (window as unknown as { __renders?: number }).__renders === 20,
      undefined,
      10_000,
    );
    const errors = await page.evaluate(
      () => (window as unknown as { __frameworkErrors: string[] }).__frameworkErrors,
    );
    expect(errors, `${fixture}: framework errors`).toEqual([]);
    const expected = await page.evaluate(
      () => (window as unknown as { __finalNames: string[] }).__finalNames,
    );
    expect(expected.length).toBeGreaterThan(3);
    expect(await marksBecome(page, expected), fixture).toEqual(expected);
    expect(await page.evaluate(readPageErrors), fixture).toEqual([]);
    await page.close();
  });

  it('framework-dom-assert.html: leaves the DOM byte-identical after annotation, and adds only the UI host on hover', async () => {
    const fixture = 'framework-dom-assert.html';
    const page = await h.openFixture(`hostile/${fixture}`);
    await page.waitFor((n: number) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
      let count = 0;
      for (const [name, hl] of registry) if (!/-(focus|hover)$/.test(name)) count += hl.size;
      return count >= n;
    }, 8);
    await settle(300);
    const state = await page.evaluate(() => {
      const w = window as unknown as { __domUnchanged: () => boolean; __seenMutations: string[] };
      return { unchanged: w.__domUnchanged(), mutations: [...w.__seenMutations] };
    });
    expect(state, `${fixture} after annotation`).toEqual({ unchanged: true, mutations: [] });
    expect(
      (await page.evaluate(readHighlights)).map((r) => r.text),
      fixture,
    ).toEqual([
      'Anthropic',
      'Claude',
      'AWS',
      'Trainium 2',
      'Annapurna Labs',
      'Nvidia',
      'GPUs',
      'TSMC',
      'ASML',
    ]);
    await hover(page, 'Nvidia', fixture);
    await waitForCard(page, fixture);
    const after = await page.evaluate(() =>
      (
        window as unknown as { __domWithoutUiHost: () => { same: boolean; hosts: number } }
      ).__domWithoutUiHost(),
    );
    expect(after, `${fixture} after hover`).toEqual({ same: true, hosts: 1 });
    await page.close();
  });
});
