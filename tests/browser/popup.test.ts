import { expect, it } from 'vitest';
import { describeInBrowsers, settledMarkCount, type TestPage } from './helpers';
import { expectedMentions } from './helpers/expected';
import { countHighlights, hasHighlightCount, readCard } from './helpers/probes';

const DEMO = 'articles/demo-en.html';

function expectedCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of expectedMentions(DEMO, 'article')) counts[m.id] = (counts[m.id] ?? 0) + 1;
  return counts;
}

async function listedCounts(popup: TestPage): Promise<Record<string, number>> {
  return popup.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll<HTMLElement>('li[data-entry][data-count]')).map((li) => [
        li.dataset.entry!,
        Number(li.dataset.count),
      ]),
    ),
  );
}

async function type(popup: TestPage, text: string): Promise<void> {
  await popup.evaluate((value: string) => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

describeInBrowsers('toolbar popup', (h) => {
  it('lists the entities of the page with their mention counts and the jurisdiction bar', async () => {
    const page = await h.openFixture(DEMO);
    await page.waitFor(countHighlights);
    const popup = await h.openPopupFor(page);
    const expected = expectedCounts();
    await popup.waitFor(
      (n: number) => document.querySelectorAll('li[data-count]').length === n,
      Object.keys(expected).length,
    );
    expect(await listedCounts(popup)).toEqual(expected);
    const bar = await popup.evaluate(() => ({
      text: document.querySelector('.sl-profile__text')?.textContent ?? '',
      parts: document.querySelectorAll('.sl-profile__part').length,
    }));
    expect(bar.text).toMatch(new RegExp(`^${Object.keys(expected).length} actors · US \\d+`));
    expect(bar.parts).toBeGreaterThan(3);
    // Readable with many actors (the demo names 40+): nothing overflows sideways, the list
    // scrolls inside the popup, and the search and the site controls stay in view.
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(40);
    const fit = await popup.evaluate(() => {
      const inView = (selector: string) => {
        const r = document.querySelector(selector)!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight && r.height > 0;
      };
      const overflowing = Array.from(
        document.querySelectorAll<HTMLElement>('.sl-profile__text, li[data-count]'),
      ).filter((el) => el.scrollWidth > el.clientWidth + 1).length;
      return {
        page: document.scrollingElement!.scrollWidth <= innerWidth,
        overflowing,
        search: inView('input[type="search"]'),
        footer: inView('input[type="checkbox"]'),
        scrolls: Array.from(document.querySelectorAll<HTMLElement>('*')).some(
          (el) =>
            el.contains(document.querySelector('li[data-count]')) &&
            el.scrollHeight > el.clientHeight + 20 &&
            getComputedStyle(el).overflowY !== 'visible',
        ),
      };
    });
    expect(fit).toEqual({ page: true, overflowing: 0, search: true, footer: true, scrolls: true });
    await h.screenshot(popup, 'popup-en-light');
    await popup.close();
    await page.close();
  });

  it('puts the right entry first for a misspelt search, and opens its card with Enter', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitFor(() => document.activeElement?.getAttribute('type') === 'search');
    await type(popup, 'trainum');
    await popup.waitFor(() => document.querySelector('[role="option"]') !== null);
    expect(
      await popup.evaluate(
        () => document.querySelector<HTMLElement>('[role="option"]')!.dataset.entry,
      ),
    ).toBe('trainium');
    await popup.press('ArrowDown');
    await popup.press('Enter');
    await popup.waitFor(() => document.querySelector('.sl-card h2') !== null);
    expect(
      await popup.evaluate(() => document.querySelector('.sl-card')!.getAttribute('data-entry')),
    ).toMatch(/^trainium/);
    await popup.press('Escape');
    await popup.waitFor(() => document.querySelector('.sl-card') === null);
    await popup.close();
  });

  it('turns the extension off and on for the site from the popup, in the open tab', async () => {
    const page = await h.openFixture(DEMO);
    const marked = await settledMarkCount(page);
    const popup = await h.openPopupFor(page);
    await popup.waitFor(() => document.querySelector('input[name="site-disabled"]') !== null);
    await popup.evaluate(() =>
      document.querySelector<HTMLInputElement>('input[name="site-disabled"]')!.click(),
    );
    await page.waitFor(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
      return [...registry.keys()].every((n) => !n.startsWith('sovereignty-lens'));
    });
    await popup.waitFor(() => document.querySelector('[data-state="site-disabled"]') !== null);
    await popup.evaluate(() =>
      document.querySelector<HTMLInputElement>('input[name="site-disabled"]')!.click(),
    );
    await page.waitFor(hasHighlightCount, [marked, 'exactly'] as [number, 'atLeast' | 'exactly']);
    await popup.close();
    await page.close();
  });

  it('shows the number of distinct entities on the toolbar badge', async () => {
    const page = await h.openFixture(DEMO);
    await page.waitFor(countHighlights);
    const popup = await h.openPopupFor(page);
    const tabId = Number(
      await popup.evaluate(() => new URLSearchParams(location.search).get('tab')),
    );
    const distinct = String(Object.keys(expectedCounts()).length);
    const readBadge = () =>
      popup.evaluate(async (id: number) => {
        const g = globalThis as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
        const api = g.browser ?? g.chrome;
        const action = api.action ?? api.browserAction;
        return String(await action.getBadgeText({ tabId: id }));
      }, tabId);
    let badge = '';
    for (let i = 0; i < 50 && badge !== distinct; i++) {
      badge = await readBadge();
      if (badge !== distinct) await new Promise((done) => setTimeout(done, 100));
    }
    expect(badge).toBe(distinct);
    await popup.close();
    await page.close();
  });

  it('clicking an entity scrolls the page to it and opens its card there', async () => {
    const page = await h.openFixture(DEMO);
    await page.waitFor(countHighlights);
    const popup = await h.openPopupFor(page);
    await popup.waitFor(() => document.querySelector('li[data-entry="asml"] button') !== null);
    await popup.evaluate(() =>
      document.querySelector<HTMLButtonElement>('li[data-entry="asml"] button')!.click(),
    );
    await popup.waitFor(() => document.querySelector('.sl-card[data-entry="asml"]') !== null);
    await page.waitForUi(
      (root) => root?.querySelector('[role="dialog"] h2')?.textContent === 'ASML',
    );
    expect((await page.inUi(readCard)).open).toBe(true);
    await popup.close();
    await page.close();
  });

  it('shows the card of a selected name through the context-menu handler', async () => {
    const page = await h.openFixture(DEMO);
    await page.waitFor(countHighlights);
    const popup = await h.openPopupFor(page);
    const tabId = Number(
      await popup.evaluate(() => new URLSearchParams(location.search).get('tab')),
    );
    const reply = await popup.evaluate(async (id: number) => {
      const g = globalThis as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      const api = g.browser ?? g.chrome;
      return api.tabs.sendMessage(id, { type: 'page/look-up', text: 'souveraineté technologique' });
    }, tabId);
    expect(reply).toEqual({ found: true });
    await page.waitForUi((root) =>
      /sovereignty/i.test(root?.querySelector('[role="dialog"] h2')?.textContent ?? ''),
    );
    await popup.close();
    await page.close();
  });

  it('says so plainly on a page where it cannot run', async () => {
    const popup = await h.openExtensionPage('popup.html?tab=999999');
    await popup.waitFor(() => document.querySelector('[data-state="unavailable"]') !== null);
    await popup.close();
  });

  for (const [language, theme] of [
    ['fr', 'dark'],
    ['fr', 'light'],
    ['en', 'dark'],
  ] as const) {
    it(`renders in ${language === 'fr' ? 'French' : 'English'} with the ${theme} theme`, async () => {
      await h.setSettings({ language, theme });
      const page = await h.openFixture(`articles/demo-${language}.html`);
      await page.waitFor(countHighlights);
      const popup = await h.openPopupFor(page);
      await popup.waitFor(
        (word: string) =>
          new RegExp(word).test(document.querySelector('.sl-profile__text')?.textContent ?? ''),
        language === 'fr' ? 'acteurs' : 'actors',
      );
      expect(
        await popup.evaluate(() => document.querySelector('.popup')!.classList.contains('sl-dark')),
      ).toBe(theme === 'dark');
      expect(
        await popup.evaluate(() =>
          document.querySelector('input[type="search"]')!.getAttribute('placeholder'),
        ),
      ).toBe(language === 'fr' ? 'Chercher dans le glossaire' : 'Search the glossary');
      await h.screenshot(popup, `popup-${language}-${theme}`);
      await h.setSettings({ language: 'auto', theme: 'auto' });
      await popup.close();
      await page.close();
    });
  }
});
