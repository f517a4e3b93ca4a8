import { expect, it } from 'vitest';
import { describeInBrowsers, type ExtensionHarness, type TestPage } from './helpers';
import { countHighlights, readCard } from './helpers/probes';

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

/** The page's `::highlight()` rules, as the extension installed them. */
function highlightRules(): string {
  const sheets = [...document.adoptedStyleSheets, ...Array.from(document.styleSheets)];
  return sheets
    .flatMap((sheet) => {
      try {
        return Array.from(sheet.cssRules).map((rule) => rule.cssText);
      } catch {
        return [];
      }
    })
    .filter((text) => text.includes('sovereignty-lens'))
    .join('\n');
}

describeInBrowsers('keyboard commands', (h) => {
  it('moves a focus mark to the next and previous mentions and opens their cards', async () => {
    const page = await h.openFixture('articles/demo-en.html');
    await page.waitFor(countHighlights);
    expect(await command(h, page, { type: 'page/step', direction: 1 })).toEqual({ found: true });
    expect(await page.evaluate(focusMarkText)).toBe('Amazon');
    await page.waitFor(
      () =>
        !!document
          .querySelector('sovereignty-lens-ui')
          ?.shadowRoot?.querySelector('[role="dialog"]'),
    );
    expect((await page.evaluate(readCard)).name).toBe('Amazon');
    await command(h, page, { type: 'page/step', direction: 1 });
    expect(await page.evaluate(focusMarkText)).toBe('Nvidia');
    await command(h, page, { type: 'page/step', direction: -1 });
    expect(await page.evaluate(focusMarkText)).toBe('Amazon');
    // The card is a focusable, labelled dialog.
    const dialog = await page.evaluate(() => {
      const d = document
        .querySelector('sovereignty-lens-ui')!
        .shadowRoot!.querySelector('[role="dialog"]')!;
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

  it('hides and shows the marks on the page', async () => {
    const page = await h.openFixture('articles/demo-en.html');
    await page.waitFor(countHighlights);
    expect(await page.evaluate(highlightRules)).toContain('underline');
    expect(await command(h, page, { type: 'page/toggle-marks' })).toEqual({ visible: false });
    expect(await page.evaluate(highlightRules)).not.toContain('underline');
    expect(await command(h, page, { type: 'page/toggle-marks' })).toEqual({ visible: true });
    expect(await page.evaluate(highlightRules)).toContain('underline');
    await page.close();
  });
});
