/**
 * Hostile page code and CSS (tests/fixtures/hostile/code-*.html, css-*.html): page
 * scripts that break built-ins, forge messages and events or hunt for settings, and page
 * CSS that restyles everything. The extension keeps working, and its card shows on top.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, settledMarkCount, type TestPage } from './helpers';
import { expectedHighlights } from './helpers/expected';
import {
  cardOnTop,
  countHighlights,
  readCard,
  readHighlights,
  readPageErrors,
} from './helpers/probes';

const settle = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function cardOpens(page: TestPage, timeoutMs = 5_000): Promise<boolean> {
  return page
    .waitForUi((root) => !!root?.querySelector('[role="dialog"] h2'), undefined, timeoutMs)
    .then(
      () => true,
      () => false,
    );
}

async function moveTo(page: TestPage, point: { x: number; y: number }): Promise<void> {
  await page.mouseMove(point.x - 6, point.y);
  await settle(30);
  await page.mouseMove(point.x, point.y);
}

/** The centre of the first occurrence of `text` in the element `#id`, measured in the page. */
function textPoint([id, text]: [string, string]): { x: number; y: number } {
  const node = document.getElementById(id)!.firstChild as Text;
  const at = node.data.indexOf(text);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + text.length);
  const r = range.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

async function readSettingsFromExtension(h: { openExtensionPage(p: string): Promise<TestPage> }) {
  const page = await h.openExtensionPage('popup.html');
  const settings = await page.evaluate(async () => {
    type Area = { get(key: string): Promise<Record<string, unknown>> };
    const g = globalThis as unknown as {
      browser?: { storage: { sync: Area } };
      chrome: { storage: { sync: Area } };
    };
    return ((await (g.browser ?? g.chrome).storage.sync.get('settings')).settings ?? {}) as Record<
      string,
      unknown
    >;
  });
  await page.close();
  return settings;
}

describeInBrowsers('hostile pages: page code and CSS', (h) => {
  beforeAll(async () => {
    await h.setSettings({ scope: 'page' });
  });

  it('code-patched-globals.html: marks, follows changes and shows cards although the page broke its built-ins', async () => {
    const fixture = 'code-patched-globals.html';
    const page = await h.openFixture(`hostile/${fixture}`);
    // Blind while the page is patched (the test driver needs the built-ins too): hover the
    // first characters of "Trainium 2", placed by the page at (20, 20) in 24 px monospace.
    await settle(1_500);
    await moveTo(page, { x: 50, y: 35 });
    await settle(1_800);
    await page.waitFor(
      () => (window as unknown as { __phase: string }).__phase === 'restored',
      undefined,
      5_000,
    );
    const seen = await page.evaluate(
      () =>
        (window as unknown as { __seenWhilePatched: { marks: number; cardOpen: boolean } })
          .__seenWhilePatched,
    );
    const expected = [
      ...expectedHighlights(`hostile/${fixture}`, 'page'),
      { name: 'sovereignty-lens-cloud', text: 'OVHcloud' },
    ];
    expect(seen, `${fixture}: while patched`).toEqual({ marks: expected.length, cardOpen: true });
    expect((await page.inUi(readCard)).name, fixture).toBe('AWS Trainium2');
    expect(await page.evaluate(readHighlights), fixture).toEqual(expected);
    expect(await page.evaluate(readPageErrors), fixture).toEqual([]);
    await page.close();
  });

  it('code-fake-messages.html: ignores forged messages, forged restart events and synthetic input, and exposes no settings', async () => {
    const fixture = 'code-fake-messages.html';
    const secret = 'secret-site.example';
    await h.setSettings({ disabledSites: [secret], hoverDelayMs: 250 });
    const before = await readSettingsFromExtension(h);
    const page = await h.openFixture(`hostile/${fixture}`);
    await page.waitFor(countHighlights);
    await page.evaluate(
      (name: string) => (window as unknown as { __forgeStart(n: string): void }).__forgeStart(name),
      await h.startEventName(),
    );
    await page.evaluate(() =>
      (window as unknown as { __sendForgeries: () => void }).__sendForgeries(),
    );
    await settle(300);
    // Still alive after the forged restart: a new paragraph is marked.
    const marked = await settledMarkCount(page);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later, OVHcloud opened a region.';
      document.getElementById('main')!.append(p);
    });
    await page
      .waitFor(
        (n: number) => {
          const registry = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
          let count = 0;
          for (const [name, hl] of registry) if (!/-(focus|hover)$/.test(name)) count += hl.size;
          return count > n;
        },
        marked,
        3_000,
      )
      .catch(() => undefined);
    expect(
      await page.evaluate(countHighlights),
      `${fixture}: still marking after forged events`,
    ).toBe(marked + 1);
    // Synthetic pointer events over a mention open no card.
    const point = await page.evaluate(textPoint, ['target', 'TSMC'] as [string, string]);
    for (let i = 0; i < 8; i++) {
      await page.evaluate(
        ([x, y]: [number, number]) =>
          (window as unknown as { __fakePointer: (x: number, y: number) => void }).__fakePointer(
            x,
            y,
          ),
        [point.x, point.y] as [number, number],
      );
      await settle(60);
    }
    expect((await page.inUi(readCard)).open, `${fixture}: synthetic pointer opens no card`).toBe(
      false,
    );
    // The reader's pointer does; a synthetic Escape does not close it, the reader's does.
    await moveTo(page, point);
    expect(await cardOpens(page), `${fixture}: the card opens`).toBe(true);
    await page.evaluate(() => (window as unknown as { __fakeEscape: () => void }).__fakeEscape());
    await settle(200);
    expect((await page.inUi(readCard)).open, `${fixture}: synthetic Escape`).toBe(true);
    await page.press('Escape');
    await page.waitForUi((root) => !root?.querySelector('[role="dialog"]'));
    // Nothing the page can read holds the settings, and nothing it did changed them.
    const seen = await page.evaluate(() =>
      (
        window as unknown as { __whatThePageCanSee: () => { seen: string[]; text: string } }
      ).__whatThePageCanSee(),
    );
    expect(
      seen.seen.filter((s) => !/^(chrome\.storage|browser|chrome\.runtime\.id):undefined$/.test(s)),
      fixture,
    ).toEqual([]);
    expect(seen.text.includes(secret), `${fixture}: settings visible to the page`).toBe(false);
    expect(await readSettingsFromExtension(h), `${fixture}: settings changed`).toEqual(before);
    expect(await page.evaluate(readPageErrors), fixture).toEqual([]);
    await page.close();
    await h.setSettings({ disabledSites: [], hoverDelayMs: 300 });
  });

  for (const rules of ['unset', 'overlay', 'nopointer', 'unset,overlay,nopointer']) {
    it(`css-restyle-everything.html?rules=${rules}: the card opens, visible and on top`, async () => {
      const fixture = `css-restyle-everything.html?rules=${rules}`;
      const page = await h.openFixture(`hostile/${fixture}`);
      await page.waitFor(countHighlights);
      const point = await page.evaluate(textPoint, ['target', 'TSMC'] as [string, string]);
      await moveTo(page, point);
      expect(await cardOpens(page), `${fixture}: the card opens`).toBe(true);
      await settle(150);
      const top = await page.inUi(cardOnTop);
      expect(top.onTop, `${fixture}: element at the card's centre is ${top.at}`).toBe(true);
      expect(top.width, fixture).toBeGreaterThan(200);
      expect(top.height, fixture).toBeGreaterThan(100);
      await h.screenshot(page, `hostile-css-${rules.replace(/,/g, '-')}`);
      await page.close();
    });
  }
});
