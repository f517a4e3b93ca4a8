/**
 * Odd documents (tests/fixtures/hostile/odd-*): right-to-left and vertical text, SVG,
 * XHTML, template and noscript, shadow roots, iframes, a <base> element, emoji. Marks are
 * exactly right, nothing excluded is marked, and the card opens where it should.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, type TestPage } from './helpers';
import { expectedHighlights } from './helpers/expected';
import {
  countHighlights,
  readCard,
  readHighlights,
  readPageErrors,
  readPlacedHighlights,
} from './helpers/probes';
import { startFixtureServer, type FixtureServer } from './helpers/server';

const settle = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function waitForMarks(page: TestPage, count: number, fixture: string): Promise<void> {
  await page
    .waitFor(
      (n: number) => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
        let total = 0;
        for (const [name, hl] of registry)
          if (name.startsWith('sovereignty-lens') && !/-(focus|hover)$/.test(name))
            total += hl.size;
        return total >= n;
      },
      count,
      8_000,
    )
    .catch(() => undefined);
  await settle(200); // let a late slice or re-scan land before comparing
  void fixture;
}

/** Hovers the first mark reading `text` (found through the highlights, shadow roots included). */
async function hoverMark(page: TestPage, text: string, fixture: string): Promise<void> {
  const point = await page.evaluate((wanted: string) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    for (const [name, hl] of registry) {
      if (!name.startsWith('sovereignty-lens') || /-(focus|hover)$/.test(name)) continue;
      for (const r of hl) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() !== wanted) continue;
        (r.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0];
        if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return undefined;
  }, text);
  if (!point) throw new Error(`${fixture}: no mark reads "${text}"`);
  await page.mouseMove(point.x - 3, point.y - 2);
  await settle(30);
  await page.mouseMove(point.x, point.y);
  const opened = await page
    .waitForUi((root) => !!root?.querySelector('[role="dialog"] h2'), undefined, 5_000)
    .then(
      () => true,
      () => false,
    );
  expect(opened, `${fixture}: hovering "${text}" opens the card`).toBe(true);
}

describeInBrowsers('hostile pages: odd documents', (h) => {
  let crossOrigin: FixtureServer | undefined;
  beforeAll(async () => {
    await h.setSettings({ scope: 'page' });
    crossOrigin = await startFixtureServer();
  });
  afterAll(async () => {
    await crossOrigin?.close();
  });

  for (const [fixture, hoverText, cardName] of [
    ['odd-rtl.html', 'Nvidia', 'Nvidia'],
    ['odd-vertical-writing.html', 'Nvidia', 'Nvidia'],
    ['odd-xhtml.xhtml', 'TSMC', 'TSMC (Taiwan Semiconductor Manufacturing Company)'],
    ['odd-emoji-astral.html', 'TSMC', 'TSMC (Taiwan Semiconductor Manufacturing Company)'],
  ] as const) {
    it(`${fixture}: marks exactly the names and opens the card on hover`, async () => {
      const expected = expectedHighlights(`hostile/${fixture}`, 'page');
      const page = await h.openFixture(`hostile/${fixture}`);
      await waitForMarks(page, expected.length, fixture);
      expect(await page.evaluate(readHighlights), fixture).toEqual(expected);
      await hoverMark(page, hoverText, fixture);
      expect((await page.inUi(readCard)).name, fixture).toBe(cardName);
      expect(await page.evaluate(readPageErrors), fixture).toEqual([]);
      await page.close();
    });
  }

  it('odd-vertical-writing.html: marks Latin names written flush against Japanese text', async () => {
    const fixture = 'odd-vertical-writing.html';
    const page = await h.openFixture(`hostile/${fixture}`);
    await waitForMarks(page, 6, fixture);
    const texts = (await page.evaluate(readHighlights)).map((r) => r.text);
    expect(texts, fixture).toEqual(['Nvidia', 'TSMC', 'Nvidia', 'TSMC', 'ASML', 'OVHcloud']);
    await page.close();
  });

  it('odd-emoji-astral.html: ranges cover exactly the names next to surrogate pairs and ZWJ sequences', async () => {
    const fixture = 'odd-emoji-astral.html';
    const page = await h.openFixture(`hostile/${fixture}`);
    await waitForMarks(page, 7, fixture);
    const texts = (await page.evaluate(readHighlights)).map((r) => r.text);
    expect(texts, fixture).toEqual([
      'Nvidia',
      'TSMC',
      'ASML',
      'OVHcloud',
      'Anthropic',
      'CUDA',
      'Nvidia',
    ]);
    await page.close();
  });

  it('odd-svg-text.html: marks SVG text and tspans, never SVG title, desc or style', async () => {
    const fixture = 'odd-svg-text.html';
    const page = await h.openFixture(`hostile/${fixture}`);
    await waitForMarks(page, 4, fixture);
    expect(
      (await page.evaluate(readHighlights)).map((r) => r.text),
      fixture,
    ).toEqual(['Nvidia', 'TSMC', 'ASML', 'OVHcloud']);
    expect(await page.evaluate(readPageErrors), fixture).toEqual([]);
    await page.close();
  });

  it('odd-template-noscript.html: never marks template or noscript content, but marks a stamped copy', async () => {
    const fixture = 'odd-template-noscript.html';
    const page = await h.openFixture(`hostile/${fixture}`);
    await page.waitFor(() => (window as unknown as { __stamped?: boolean }).__stamped === true);
    await waitForMarks(page, 2, fixture);
    await settle(300);
    expect(
      (await page.evaluate(readHighlights)).map((r) => r.text),
      fixture,
    ).toEqual(['Nvidia', 'ASML']);
    const stampedMarked = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> })
        .highlights;
      for (const [, hl] of registry)
        for (const r of hl) if (r.startContainer.parentElement?.closest('.stamped')) return true;
      return false;
    });
    expect(stampedMarked, `${fixture}: the ASML mark is the stamped copy`).toBe(true);
    await page.close();
  });

  it('odd-shadow-roots.html: marks open shadow roots (nested too), skips closed ones, follows changes and hovers inside', async () => {
    const fixture = 'odd-shadow-roots.html';
    const page = await h.openFixture(`hostile/${fixture}`);
    await waitForMarks(page, 4, fixture);
    const placed = (await page.evaluate(readPlacedHighlights)).map((p) => `${p.text}@${p.where}`);
    expect(placed.sort(), fixture).toEqual(
      ['Nvidia@document', 'Anthropic@document', 'TSMC@shadow', 'ASML@shadow'].sort(),
    );
    await page.evaluate(() =>
      (window as unknown as { __changeShadowText: () => void }).__changeShadowText(),
    );
    await page
      .waitFor(
        () => {
          const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> })
            .highlights;
          const texts: string[] = [];
          for (const [name, hl] of registry) {
            if (/-(focus|hover)$/.test(name)) continue;
            for (const r of hl)
              texts.push((r.startContainer as Text).data.slice(r.startOffset, r.endOffset));
          }
          return texts.includes('CUDA') && !texts.includes('TSMC');
        },
        undefined,
        3_000,
      )
      .catch(() => undefined);
    const after = (await page.evaluate(readPlacedHighlights)).map((p) => `${p.text}@${p.where}`);
    expect(after.sort(), `${fixture} after a change in the shadow root`).toEqual(
      [
        'Nvidia@document',
        'Anthropic@document',
        'Nvidia@shadow',
        'CUDA@shadow',
        'ASML@shadow',
      ].sort(),
    );
    await hoverMark(page, 'CUDA', fixture);
    expect((await page.inUi(readCard)).name, fixture).toBe('CUDA');
    expect(await page.evaluate(readPageErrors), fixture).toEqual([]);
    await page.close();
  });

  it('odd-iframes.html: marks same-origin, sandboxed, cross-origin and late frames, not an ad-sized one', async () => {
    const fixture = 'odd-iframes.html';
    const cross = crossOrigin!.origin;
    const page = await h.openFixture(`hostile/${fixture}?cross=${encodeURIComponent(cross)}`);
    await page
      .waitFor(
        () => {
          const frames = (
            window as unknown as { __frameMarks: Record<string, { texts: string[] }> }
          ).__frameMarks;
          return ['same', 'sandboxed', 'cross', 'late'].every(
            (n) => (frames[n]?.texts.length ?? 0) >= 2,
          );
        },
        undefined,
        10_000,
      )
      .catch(() => undefined);
    const frames = await page.evaluate(
      () =>
        (window as unknown as { __frameMarks: Record<string, { texts: string[]; origin: string }> })
          .__frameMarks,
    );
    expect(frames.cross?.origin, `${fixture}: the cross frame is cross-origin`).toBe(cross);
    expect(frames.sandboxed?.origin, `${fixture}: the sandboxed frame`).toBe('null');
    for (const name of ['same', 'sandboxed', 'cross', 'late'])
      expect(frames[name]?.texts, `${fixture}: ${name} frame`).toEqual(['ASML', 'TSMC']);
    // The frame of an ad's size reported, unmarked, all along.
    expect(frames.small?.texts, `${fixture}: small frame`).toEqual([]);
    expect(
      (await page.evaluate(readHighlights)).map((r) => r.text),
      fixture,
    ).toEqual(['Nvidia']);
    await page.close();
  });

  it('odd-base-element.html: card links are https sources despite <base>, and no extension URL enters the page', async () => {
    const fixture = 'odd-base-element.html';
    const page = await h.openFixture(`hostile/${fixture}`);
    await page.waitFor(countHighlights);
    await hoverMark(page, 'Trainium 2', fixture);
    const links = await page.inUi((root) =>
      Array.from(root!.querySelectorAll<HTMLAnchorElement>('a[href]')).map((a) => a.href),
    );
    expect(links.length, fixture).toBeGreaterThan(1);
    const open = await page.inUi(
      (root) => !!root?.querySelector('[data-open-glossary="trainium-2"]'),
    );
    expect(open, `${fixture}: the card opens the glossary through a button`).toBe(true);
    for (const href of links) {
      expect(href.startsWith('https://'), `${fixture}: ${href}`).toBe(true);
      expect(href, fixture).not.toContain('example.invalid');
    }
    await page.close();
  });
});
