import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeInBrowsers } from './helpers';
import { countHighlights, readCard, readHighlights } from './helpers/probes';
import { markedPoint } from './helpers/marked-point';

const IMPORT = JSON.parse(readFileSync('tests/fixtures/imports/valid.json', 'utf8')) as {
  entries: unknown[];
  notes: Record<string, string>;
};

describeInBrowsers("the reader's own entries", (h) => {
  it("marks an added entry in an open tab at once, with its mark and the reader's notes", async () => {
    await h.setUserData(null);
    const page = await h.openFixture('pages/user-entry.html');
    await page.waitFor(countHighlights);
    const before = (await page.evaluate(readHighlights)).map((r) => r.text);
    expect(before).not.toContain('Rivage Semiconducteurs');

    await h.setUserData({ entries: IMPORT.entries, notes: IMPORT.notes, hidden: [] });
    await page.waitFor(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> })
        .highlights;
      for (const [, hl] of registry)
        for (const r of hl) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (range.toString() === 'Rivage Semiconducteurs') return true;
        }
      return false;
    });

    const point = await markedPoint(page, 'Rivage Semiconducteurs', 0);
    await page.mouseMove(point!.x - 5, point!.y);
    await page.mouseMove(point!.x, point!.y);
    await page.waitForUi((root) => /Your entry/.test(root?.textContent ?? ''));
    expect((await page.inUi(readCard)).name).toBe('Rivage Semiconducteurs');

    await page.mouseMove(2, 2);
    await page.waitForUi((root) => !root?.querySelector('[role="dialog"]'));
    const nvidia = await markedPoint(page, 'Nvidia', 0);
    await page.mouseMove(nvidia!.x - 5, nvidia!.y);
    await page.mouseMove(nvidia!.x, nvidia!.y);
    await page.waitForUi(
      (root, note: string) => (root?.textContent ?? '').includes(note),
      IMPORT.notes.nvidia!,
    );

    // A note edited alone (the same entries, nothing hidden) reaches the open tab's cards.
    const edited = `${IMPORT.notes.nvidia!} Edited.`;
    await h.setUserData({
      entries: IMPORT.entries,
      notes: { ...IMPORT.notes, nvidia: edited },
      hidden: [],
    });
    let shown = false;
    for (let attempt = 0; attempt < 8 && !shown; attempt++) {
      await page.mouseMove(2, 2);
      await page.waitForUi((root) => !root?.querySelector('[role="dialog"]'));
      const again = await markedPoint(page, 'Nvidia', 0);
      if (!again) continue;
      await page.mouseMove(again.x - 5, again.y);
      await page.mouseMove(again.x, again.y);
      shown = await page
        .waitForUi((root, note: string) => (root?.textContent ?? '').includes(note), edited, 1_500)
        .then(
          () => true,
          () => false,
        );
    }
    expect(shown, 'the edited note on the card').toBe(true);
    await page.close();
    await h.setUserData(null);
  });

  it('finds an added entry in the popup search', async () => {
    await h.setUserData({ entries: IMPORT.entries, notes: {}, hidden: [] });
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitFor(() => document.querySelector('input[type="search"]') !== null);
    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      input.value = 'rivage';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await popup.waitFor(
      () =>
        document.querySelector<HTMLElement>('[role="option"]')?.dataset.entry ===
        'rivage-semiconducteurs',
    );
    await popup.close();
    await h.setUserData(null);
  });
});
