/**
 * The every-frame loader (src/content/loader.ts): pages and frames without article text
 * get the loader only (no annotator, no marks), an article that a single-page app renders
 * late is found, and the popup can start the extension on a page the loader left alone.
 */
import { expect, it } from 'vitest';
import { describeInBrowsers } from './helpers';
import { countHighlights, hasHighlightCount } from './helpers/probes';

/** Marks in the page and in each same-origin frame: [top, ...frames]. */
function marksPerFrame(): number[] {
  const count = (win: Window): number => {
    const registry = (
      (win as Window & typeof globalThis).CSS as unknown as {
        highlights: Map<string, Set<AbstractRange>>;
      }
    ).highlights;
    let n = 0;
    for (const [name, highlight] of registry) {
      if (name.startsWith('sovereignty-lens')) n += highlight.size;
    }
    return n;
  };
  return [
    count(window),
    ...Array.from(document.querySelectorAll('iframe')).map((f) => count(f.contentWindow!)),
  ];
}

describeInBrowsers('loader', (h) => {
  it('leaves a dashboard and its 20 ad frames without marks, and says why in the popup', async () => {
    const page = await h.openFixture('pages/dashboard.html');
    // Every frame loaded and had time to decide (the annotator marks within ~1 s).
    await page.waitFor(() =>
      Array.from(document.querySelectorAll('iframe')).every(
        (f) => f.contentDocument?.readyState === 'complete',
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const marks = await page.evaluate(marksPerFrame);
    expect(marks).toHaveLength(21);
    expect(marks.every((n) => n === 0)).toBe(true);

    const popup = await h.openPopupFor(page);
    await popup.waitFor(() => document.querySelector('[data-state="not-article"]') !== null);
    // "Mark this page anyway": the top frame is annotated (its table names chips).
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('.popup__start')!.click());
    // The marks arrive over several slices, the visible text's first.
    await page.waitFor(hasHighlightCount, [101, 'atLeast'] as [number, 'atLeast'], 10_000);
    const after = await page.evaluate(marksPerFrame);
    expect(after[0]).toBeGreaterThan(100);
    expect(after.slice(1).every((n) => n === 0)).toBe(true);
    await popup.waitFor(() => document.querySelectorAll('li[data-count]').length > 0);
    await popup.close();
    await page.close();
  });

  it('marks an article that a single-page app renders after load', async () => {
    const page = await h.openFixture('pages/late-article.html');
    expect(await page.evaluate(countHighlights)).toBe(0);
    // Rendered at 0.8 s; the loader looks again at most every 2 s.
    await page.waitFor(hasHighlightCount, [5, 'atLeast'] as [number, 'atLeast' | 'exactly'], 8_000);
    await page.close();
  });
});
