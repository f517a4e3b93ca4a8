import { expect, it } from 'vitest';
import { describeInBrowsers, type TestPage } from './helpers';
import { sourceName } from '../../src/ui/source-names';
import { clickCardLink, countHighlights, readCard } from './helpers/probes';
import { markedPoint } from './helpers/marked-point';

const settle = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Moves the pointer onto the `nth` mark reading `text`, in small steps as a reader would. */
async function hover(page: TestPage, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const point = await markedPoint(page, text, nth);
  if (!point) throw new Error(`No mark reads "${text}"`);
  await page.mouseMove(point.x - 6, point.y);
  await settle(30);
  await page.mouseMove(point.x, point.y);
  return point;
}

async function waitForCard(page: TestPage, name?: string): Promise<void> {
  await page.waitForUi(
    (root, expected: string | null) => {
      const heading = root?.querySelector('[role="dialog"] h2');
      return !!heading && (expected === null || heading.textContent === expected);
    },
    name ?? null,
    5_000,
  );
}

async function waitForNoCard(page: TestPage): Promise<void> {
  await page.waitForUi((root) => !root?.querySelector('[role="dialog"]'));
}

/** Hovers the first mark reading `text`, expects the card named `name`, closes it with Esc. */
async function openAndClose(page: TestPage, text: string, name: string): Promise<void> {
  await hover(page, text);
  await waitForCard(page, name);
  await page.press('Escape');
  await waitForNoCard(page);
}

describeInBrowsers('hover card', (h) => {
  it('finds the hovered mention in a crowded paragraph, inside inline elements, and nothing over plain text', async () => {
    const page = await h.openFixture('pages/crowded.html');
    await page.waitFor(countHighlights);
    // More mentions in one element than are checked box by box: the caret position decides.
    await openAndClose(page, 'Graviton', 'AWS Graviton');
    await openAndClose(page, 'Broadcom', 'Broadcom');
    // The event's target is the <em> or the <a>: its own Text holds the mention.
    await openAndClose(page, 'Trainium 2', 'AWS Trainium2');
    await openAndClose(page, 'CUDA', 'CUDA');
    // Over text without mentions, and over its container's padding: no card.
    const plain = await page.evaluate(() => {
      const r = document.getElementById('plain')!.getBoundingClientRect();
      const w = document.getElementById('plain-wrap')!.getBoundingClientRect();
      return { x: r.left + 40, y: r.top + r.height / 2, padY: w.top + 3 };
    });
    await page.mouseMove(plain.x, plain.y);
    await settle(700);
    await page.mouseMove(plain.x, plain.padY);
    await settle(700);
    expect(await page.inUi((root) => !!root?.querySelector('[role="dialog"]'))).toBe(false);
    await page.close();
  });

  it('grows the hover area to the line box, also after the page changes its line height', async () => {
    const page = await h.openFixture('articles/demo-en.html');
    await page.waitFor(countHighlights);
    await openAndClose(page, 'CUDA', 'CUDA');
    // The page spaces its lines out; a point between the glyphs and the new line box's
    // edge, outside the old one, then hovers the mark (line gaps are re-read after 1 s).
    const before = (await markedPoint(page, 'CUDA', 0))!;
    const oldLine = await page.evaluate(({ x, y }: { x: number; y: number }) => {
      const block = document.elementFromPoint(x, y)!.closest('p, li, div')! as HTMLElement;
      const line = parseFloat(getComputedStyle(block).lineHeight);
      block.style.lineHeight = '3.5';
      return line;
    }, before);
    const after = (await markedPoint(page, 'CUDA', 0))!;
    const newLine = await page.evaluate(
      ({ x, y }: { x: number; y: number }) =>
        parseFloat(
          getComputedStyle(document.elementFromPoint(x, y)!.closest('p, li, div')!).lineHeight,
        ),
      after,
    );
    const oldGap = (oldLine - before.height) / 2;
    const newGap = (newLine - after.height) / 2;
    const point = { x: after.x, y: after.bottom + newGap - 2, oldGap, newGap };
    expect(point.newGap).toBeGreaterThan(point.oldGap + 4);
    await settle(1_200);
    await page.mouseMove(point.x - 4, point.y);
    await settle(30);
    await page.mouseMove(point.x, point.y);
    await waitForCard(page, 'CUDA');
    await page.close();
  });

  it('shows the card of a hovered mention with its name and sovereignty text, and hides it when the pointer leaves', async () => {
    const page = await h.openFixture('articles/demo-en.html');
    await page.waitFor(countHighlights);
    await hover(page, 'Trainium 2');
    await waitForCard(page, 'AWS Trainium2');
    const card = await page.inUi(readCard);
    expect(card.text).toContain('Sovereignty'.toUpperCase());
    expect(card.text).toMatch(/Dependency chain/i);
    expect(card.text).toMatch(/TSMC/);
    // The evidence: every fact dated and sourced by name, the card "as of" its review.
    const evidence = await page.inUi((root) => ({
      facts: Array.from(root!.querySelectorAll('.sl-fact')).map((li) => ({
        date: li.querySelector('time')?.getAttribute('datetime') ?? null,
        source: li.querySelector('a.sl-source')?.textContent ?? null,
        href: li.querySelector('a.sl-source')?.getAttribute('href') ?? null,
      })),
      asOf: root!.querySelector('.sl-card__as-of')?.textContent ?? '',
    }));
    expect(evidence.facts.length).toBeGreaterThan(0);
    for (const fact of evidence.facts) {
      expect(fact.date).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      expect(fact.source).toBe(sourceName(fact.href!));
    }
    expect(evidence.asOf).toMatch(/^As of \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    await h.screenshot(page, 'card-light');
    await page.mouseMove(5, 5);
    await waitForNoCard(page);
    await page.close();
  });

  it('closes the card with Escape', async () => {
    const page = await h.openFixture('articles/demo-en.html');
    await page.waitFor(countHighlights);
    await openAndClose(page, 'CUDA', 'CUDA');
    await page.close();
  });

  it('shows a related entity in place, with a way back', async () => {
    const page = await h.openFixture('articles/demo-en.html');
    await page.waitFor(countHighlights);
    await hover(page, 'Trainium 2');
    await waitForCard(page, 'AWS Trainium2');
    expect(await page.inUi(clickCardLink, 'annapurna-labs')).toBe(true);
    await waitForCard(page, 'Annapurna Labs');
    const backed = await page.inUi((root) => {
      const back = root?.querySelector<HTMLButtonElement>('.sl-card__header button');
      back?.click();
      return !!back;
    });
    expect(backed).toBe(true);
    await waitForCard(page, 'AWS Trainium2');
    await page.close();
  });

  it('does not open a card while the pointer sweeps fast across marks', async () => {
    const page = await h.openFixture('articles/demo-en.html');
    await page.waitFor(countHighlights);
    const point = await markedPoint(page, 'Trainium 2', 0);
    if (!point) throw new Error('no mark');
    for (let i = 0; i < 12; i++) {
      await page.mouseMove(point.x - 300 + i * 50, point.y);
      await settle(16);
    }
    await page.mouseMove(point.x + 400, point.y + 200);
    await settle(600);
    expect((await page.inUi(readCard)).open).toBe(false);
    await page.close();
  });

  it('keeps the card inside the viewport near every edge, in a small window', async () => {
    const page = await h.openFixture('articles/demo-en.html');
    await page.setViewport(700, 500);
    await page.waitFor(countHighlights);
    for (const [text, nth] of [
      ['Amazon', 0],
      ['Nvidia', 2],
      ['Technological sovereignty', 0],
      ['OVHcloud', 0],
    ] as [string, number][]) {
      await page.mouseMove(2, 2);
      await waitForNoCard(page);
      await hover(page, text, nth);
      await waitForCard(page);
      await settle(100);
      const card = await page.inUi(readCard);
      expect(card.rect!.left, text).toBeGreaterThanOrEqual(0);
      expect(card.rect!.top, text).toBeGreaterThanOrEqual(0);
      expect(card.rect!.right, text).toBeLessThanOrEqual(card.viewport.width);
      expect(card.rect!.bottom, text).toBeLessThanOrEqual(card.viewport.height);
    }
    await page.close();
  });

  it('renders the card dark on a dark page', async () => {
    const page = await h.openFixture('articles/demo-en.html');
    await page.evaluate(() => {
      document.body.style.background = '#111418';
      document.body.style.color = '#e6e6e6';
    });
    await page.waitFor(countHighlights);
    await hover(page, 'ASML');
    await waitForCard(page, 'ASML');
    const dark = await page.inUi((root) => !!root?.querySelector('.sl-root.sl-dark'));
    expect(dark).toBe(true);
    await h.screenshot(page, 'card-dark');
    await page.close();
  });
});
