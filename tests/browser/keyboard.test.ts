import { expect, it } from 'vitest';
import { describeInBrowsers, type ExtensionHarness, type TestPage } from './helpers';
import { expectedHighlights } from './helpers/expected';
import { countHighlights, hasHighlightCount, readCard } from './helpers/probes';

/** Sends a protocol message to the tab showing `page`, as the background does for a command. */
async function command(h: ExtensionHarness, page: TestPage, message: object): Promise<unknown> {
  const popup = await h.openPopupFor(page);
  const tabId = Number(await popup.evaluate(() => new URLSearchParams(location.search).get('tab')));
  const reply = await popup.evaluate(
    async ([id, m]: [number, object]) => {
      const g = globalThis as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      return (g.browser ?? g.chrome).tabs.sendMessage(id, m);
    },
    [tabId, message] as [number, object],
  );
  await popup.close();
  return reply;
}

/** The text of the keyboard focus mark, if any. */
function focusMarkText(): string | null {
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  const focus = registry.get('sovereignty-lens-focus');
  const [r] = focus ? [...focus] : [];
  if (!r) return null;
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range.toString();
}

/** The names of the kind highlights registered (not the focus or hover marks). */
function kindHighlights(): string[] {
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  return [...registry.keys()]
    .filter((name) => name.startsWith('sovereignty-lens-') && !/-(focus|hover)$/.test(name))
    .sort();
}

/** A box around the first marked mention inside the viewport. */
function firstMarkBox(): { x: number; y: number; width: number; height: number } | null {
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  const range = document.createRange();
  for (const [name, set] of registry) {
    if (!name.startsWith('sovereignty-lens-') || /-(focus|hover)$/.test(name)) continue;
    for (const r of set) {
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const box = range.getBoundingClientRect();
      if (box.width > 0 && box.top > 10 && box.bottom < innerHeight - 10)
        return {
          x: Math.floor(box.left),
          y: Math.floor(box.top) - 4,
          width: Math.ceil(box.width),
          height: Math.ceil(box.height) + 10,
        };
    }
  }
  return null;
}

describeInBrowsers('keyboard commands', (h) => {
  it('moves a focus mark to the next and previous mentions and opens their cards', async () => {
    const page = await h.openFixture('articles/demo-en.html');
    await page.waitFor(countHighlights);
    expect(await command(h, page, { type: 'page/step', direction: 1 })).toEqual({ found: true });
    expect(await page.evaluate(focusMarkText)).toBe('Amazon');
    await page.waitForUi((root) => !!root?.querySelector('[role="dialog"]'));
    expect((await page.inUi(readCard)).name).toBe('Amazon');
    await command(h, page, { type: 'page/step', direction: 1 });
    expect(await page.evaluate(focusMarkText)).toBe('Nvidia');
    await command(h, page, { type: 'page/step', direction: -1 });
    expect(await page.evaluate(focusMarkText)).toBe('Amazon');
    // The card is a focusable, labelled dialog.
    const dialog = await page.inUi((root) => {
      const d = root!.querySelector('[role="dialog"]')!;
      const labelledBy = d.getAttribute('aria-labelledby');
      return {
        label: labelledBy
          ? d.getRootNode() instanceof ShadowRoot &&
            (d.getRootNode() as ShadowRoot).getElementById(labelledBy)?.textContent
          : null,
        tabIndex: (d as HTMLElement).tabIndex,
      };
    });
    expect(dialog).toEqual({ label: 'Amazon', tabIndex: -1 });
    await page.close();
  });

  it('hides and shows the marks on the page, as drawn pixels', async () => {
    const page = await h.openFixture('articles/demo-en.html');
    // Every mark registered (the scan registers them in batches).
    const expected = expectedHighlights('articles/demo-en.html', 'article').length;
    await page.waitFor(hasHighlightCount, [expected, 'exactly'] as [number, 'atLeast' | 'exactly']);
    const names = await page.evaluate(kindHighlights);
    expect(names).toContain('sovereignty-lens-company');
    const box = (await page.evaluate(firstMarkBox))!;
    expect(box).not.toBeNull();
    const shown = await page.capture(box);
    expect(await command(h, page, { type: 'page/toggle-marks' })).toEqual({ visible: false });
    expect(await page.evaluate(kindHighlights)).toEqual([]);
    const hidden = await page.capture(box);
    // The manifest's stylesheet drew the mark: without it, the same pixels as hidden.
    expect(Buffer.from(hidden).equals(Buffer.from(shown))).toBe(false);
    expect(await command(h, page, { type: 'page/toggle-marks' })).toEqual({ visible: true });
    expect(await page.evaluate(kindHighlights)).toEqual(names);
    expect(Buffer.from(await page.capture(box)).equals(Buffer.from(shown))).toBe(true);
    await page.close();
  });
});
