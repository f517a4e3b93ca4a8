import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadGlossary, readEntryFiles } from '../../src/glossary/load-glossary';
import type { Entry } from '../../src/glossary/types';
import { isPossiblyOutdated } from '../../src/ui/Card';
import { describeInBrowsers, type TestPage } from './helpers';
import { countHighlights } from './helpers/probes';

const glossary = loadGlossary();
const validImport = readFileSync('tests/fixtures/imports/valid.json', 'utf8');
const brokenImport = readFileSync('tests/fixtures/imports/dangling-relation.json', 'utf8');

/** Runs in the glossary page: puts `text` on the import <input type=file> as a real File. */
function setImportFile(text: string): void {
  const input = document.querySelector<HTMLInputElement>(
    'input[type="file"][data-action="import"]',
  );
  if (!input) throw new Error('no import input');
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], 'import.json', { type: 'application/json' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Runs in the glossary page: clicks the button `selector` and returns the file it hands to
 * the download link, read from the Blob itself (the page's CSP forbids fetch, even of
 * blob: URLs): its text, size, first bytes and, for an image, its width.
 */
async function downloadedFile(
  selector: string,
): Promise<{ text: string; size: number; magic: number[]; width: number }> {
  const original = URL.createObjectURL;
  const blob = await new Promise<Blob>((resolve) => {
    URL.createObjectURL = (object: Blob | MediaSource) => {
      if (object instanceof Blob) resolve(object);
      return original.call(URL, object);
    };
    const onClick = (event: Event) => {
      const link = (event.target as Element).closest?.('a[download]');
      if (!(link instanceof HTMLAnchorElement)) return;
      event.preventDefault();
      document.removeEventListener('click', onClick, true);
    };
    document.addEventListener('click', onClick, true);
    document.querySelector<HTMLButtonElement>(selector)!.click();
  });
  URL.createObjectURL = original;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const width = blob.type === 'image/png' ? (await createImageBitmap(blob)).width : 0;
  return {
    text: await blob.text(),
    size: bytes.length,
    magic: Array.from(bytes.slice(0, 8)),
    width,
  };
}

/** The text of the reader's export file, from the glossary page. */
async function exportedText(page: TestPage): Promise<string> {
  return (await page.evaluate(downloadedFile, 'button[data-action="export"]')).text;
}

/** Runs in the glossary page: the ids of the reader's entries it lists. */
function listedUserEntries(): string[] {
  return Array.from(
    document.querySelectorAll<HTMLElement>('[data-list="user-entries"] [data-entry]'),
  ).map((li) => li.dataset.entry!);
}

/** Runs in an extension page: empties the extension's storage.local. */
async function clearLocalStorage(): Promise<void> {
  const g = globalThis as unknown as {
    browser?: { storage: { local: { clear(): Promise<void> } } };
    chrome: { storage: { local: { clear(): Promise<void> } } };
  };
  await (g.browser ?? g.chrome).storage.local.clear();
}

/** Runs in an extension page: the tab showing `url` and the entity ids its content script found. */
async function findTab(url: string): Promise<{ tabId: number; ids: string[] }> {
  type Api = {
    tabs: {
      query(q: object): Promise<{ id?: number }[]>;
      sendMessage(
        id: number,
        m: object,
      ): Promise<{ url?: string; entities?: { id: string }[] } | undefined>;
    };
  };
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  const api = g.browser ?? g.chrome;
  for (let attempt = 0; attempt < 50; attempt++) {
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined) continue;
      const reply = await api.tabs
        .sendMessage(tab.id, { type: 'page/get-summary' })
        .catch(() => undefined);
      if (reply?.url === url && reply.entities?.length) {
        return { tabId: tab.id, ids: reply.entities.map((e) => e.id) };
      }
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`No tab reports ${url}`);
}

/** Highlight ranges per kind in the page. */
function highlightsByKind(): Record<string, number> {
  const registry = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
  const out: Record<string, number> = {};
  for (const [name, set] of registry) {
    if (name.startsWith('sovereignty-lens-'))
      out[name.slice('sovereignty-lens-'.length)] = set.size;
  }
  return out;
}

async function openGlossary(h: { openExtensionPage(p: string): Promise<TestPage> }, hash: string) {
  const page = await h.openExtensionPage(`glossary.html${hash}`);
  await page.setViewport(1400, 1000);
  await page.waitFor(() => document.querySelector('.gp[data-ready="true"]') !== null);
  return page;
}

describeInBrowsers('glossary page', (h) => {
  it('lists every entry of the glossary, each linking to its own page', async () => {
    const page = await openGlossary(h, '#/');
    await page.waitFor(
      (n: number) => document.querySelectorAll('.gp-tile').length === n,
      glossary.entries.length,
    );
    const ids = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.gp-tile')).map((li) => li.dataset.entry!),
    );
    expect(ids.sort()).toEqual(glossary.entries.map((e) => e.id).sort());
    const href = await page.evaluate(() =>
      document.querySelector('.gp-tile[data-entry="cuda"] a')!.getAttribute('href'),
    );
    expect(href).toBe('#/entry/cuda');
    await h.screenshot(page, 'glossary-browse');
    await page.close();
  });

  it('marks reported facts and facts that may be out of date, in English and in French', async () => {
    // Chosen from the data: an entry with a reported fact, and a chip with a fact dated
    // more than 18 months ago.
    const entries = readEntryFiles('data/glossary').map((file) => file.data as Entry);
    const reported = entries.find((e) => e.facts.some((f) => f.confidence === 'reported'))!;
    const old = entries.find(
      (e) => e.kind === 'chip' && e.facts.some((f) => isPossiblyOutdated(f.date, new Date())),
    )!;
    const page = await openGlossary(h, `#/entry/${reported.id}`);
    await page.waitFor(
      (id: string) => document.querySelector(`.sl-card[data-entry="${id}"]`) !== null,
      reported.id,
    );
    const count = (selector: string) =>
      page.evaluate((s: string) => document.querySelectorAll(s).length, selector);
    expect(await count('.sl-fact .sl-badge--reported')).toBe(
      reported.facts.filter((f) => f.confidence === 'reported').length,
    );
    expect(
      await page.evaluate(() => document.querySelector('.sl-badge--reported')?.textContent),
    ).toBe('reported');
    await page.evaluate((id: string) => (location.hash = `#/entry/${id}`), old.id);
    await page.waitFor(
      (id: string) => document.querySelector(`.sl-card[data-entry="${id}"]`) !== null,
      old.id,
    );
    expect(await count('.sl-fact .sl-badge--outdated')).toBe(
      old.facts.filter((f) => isPossiblyOutdated(f.date, new Date())).length,
    );
    await h.setSettings({ language: 'fr' });
    await page.evaluate((id: string) => (location.hash = `#/entry/${id}`), reported.id);
    await page.waitFor(
      () => document.querySelector('.sl-badge--reported')?.textContent === 'selon la presse',
    );
    expect(
      await page.evaluate(() => document.querySelector('.sl-card__as-of')?.textContent),
    ).toMatch(/^À jour au /);
    await h.setSettings({ language: 'auto' });
    await page.close();
  });

  it('shows an entry with its facts, sources and relations both ways', async () => {
    const page = await openGlossary(h, '#/entry/trainium-2');
    await page.waitFor(() => document.querySelector('.sl-card[data-entry="trainium-2"]') !== null);
    const view = await page.evaluate(() => ({
      facts: document.querySelectorAll('.sl-fact').length,
      sources: document.querySelectorAll('.sl-fact a.sl-source').length,
      out: Array.from(document.querySelectorAll('[data-direction="out"] [data-other]')).map((li) =>
        li.getAttribute('data-other'),
      ),
      in: Array.from(document.querySelectorAll('[data-direction="in"] [data-other]')).map((li) =>
        li.getAttribute('data-other'),
      ),
      chain: document.querySelectorAll('.sl-chain__step').length,
    }));
    expect(view.facts).toBeGreaterThanOrEqual(2);
    expect(view.sources).toBe(view.facts);
    expect(view.out).toEqual(expect.arrayContaining(['annapurna-labs', 'tsmc']));
    expect(view.in.length).toBeGreaterThan(0);
    expect(view.chain).toBeGreaterThan(3);
    await h.screenshot(page, 'entry-page');
    await page.close();
  });

  it('draws the graph, highlights the chain of Trainium 2 and opens an entry on click', async () => {
    const page = await openGlossary(h, '#/graph');
    await page.waitFor(
      (n: number) => document.querySelectorAll('svg [data-node]').length === n,
      glossary.entries.length,
    );
    expect(
      await page.evaluate(() => document.querySelectorAll('svg [data-edge]').length),
    ).toBeGreaterThan(100);
    // The default view of the whole glossary: one labelled cluster per kind.
    const kinds = new Set(glossary.entries.map((e) => e.kind));
    const clusters = await page.evaluate(() =>
      Array.from(document.querySelectorAll('svg [data-group]')).map((g) => ({
        kind: g.getAttribute('data-group'),
        text: g.textContent,
      })),
    );
    expect(clusters.map((c) => c.kind).sort()).toEqual([...kinds].sort());
    const chips = glossary.entries.filter((e) => e.kind === 'chip').length;
    expect(clusters.find((c) => c.kind === 'chip')?.text).toBe(`Chip (${chips})`);
    await h.screenshot(page, 'graph-overview');
    await page.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('#graph-focus')!;
      select.value = 'trainium-2';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitFor(
      () => !document.querySelector<HTMLButtonElement>('button[data-action="chain"]')!.disabled,
    );
    await page.evaluate(() =>
      document.querySelector<HTMLButtonElement>('button[data-action="chain"]')!.click(),
    );
    await page.waitFor(
      () => document.querySelector('[data-node][data-highlighted="true"]') !== null,
    );
    const lit = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-node][data-highlighted="true"]')).map((n) =>
        n.getAttribute('data-node'),
      ),
    );
    expect(lit).toEqual(expect.arrayContaining(['trainium-2', 'annapurna-labs', 'tsmc', 'asml']));
    expect(lit).not.toContain('anthropic');
    expect(await page.evaluate(() => location.hash)).toBe('#/graph?chain=trainium-2');
    // Around an entry, only its chain and its direct neighbours are drawn.
    const drawn = await page.evaluate(() =>
      Array.from(document.querySelectorAll('svg [data-node]')).map((n) =>
        n.getAttribute('data-node'),
      ),
    );
    const trainium = glossary.entries.find((e) => e.id === 'trainium-2')!;
    expect(drawn).toEqual(expect.arrayContaining(trainium.relations.map((r) => r.target)));
    expect(drawn.length).toBeLessThan(40);
    expect(await page.evaluate(() => document.querySelector('svg [data-group]'))).toBeNull();
    expect(
      await page.evaluate(
        () => document.querySelectorAll('[data-edge][data-highlighted="true"]').length,
      ),
    ).toBeGreaterThan(4);
    await h.screenshot(page, 'graph');
    await page.evaluate(() =>
      document.querySelector<HTMLInputElement>('input[name="graph-view"][value="all"]')!.click(),
    );
    await page.waitFor(
      (n: number) => document.querySelectorAll('svg [data-node]').length === n,
      glossary.entries.length,
    );
    expect(await page.evaluate(() => location.hash)).toBe('#/graph?chain=trainium-2&view=all');

    await page.evaluate(() =>
      document
        .querySelector('[data-node="tsmc"]')!
        .dispatchEvent(new MouseEvent('click', { bubbles: true })),
    );
    await page.waitFor(() => document.querySelector('.sl-card[data-entry="tsmc"]') !== null);
    expect(await page.evaluate(() => location.hash)).toBe('#/entry/tsmc');
    await page.close();
  });

  it('exports the graph as SVG', async () => {
    const page = await openGlossary(h, '#/graph?dependents=asml');
    await page.waitFor(
      () => document.querySelector('[data-node][data-highlighted="true"]') !== null,
    );
    const svg = (await page.evaluate(downloadedFile, 'button[data-export="svg"]')).text;
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('data-node="asml"');
    const png = await page.evaluate(downloadedFile, 'button[data-export="png"]');
    png.magic = png.magic.slice(1, 4);
    expect(String.fromCharCode(...png.magic)).toBe('PNG');
    expect(png.width).toBeGreaterThan(800);
    expect(png.size).toBeGreaterThan(20_000);
    await page.close();
  });

  it('maps the entities found on an open tab', async () => {
    const tab = await h.openFixture('articles/demo-en.html');
    await tab.waitFor(countHighlights);
    const url = await tab.evaluate(() => location.href);
    const page = await openGlossary(h, '#/');
    const found = await page.evaluate(findTab, url);
    await page.evaluate((id: number) => (location.hash = `#/map?tab=${id}`), found.tabId);
    await page.waitFor(() => document.querySelector('svg [data-node]') !== null);
    const nodes = await page.evaluate(() =>
      Array.from(document.querySelectorAll('svg [data-node]')).map((n) =>
        n.getAttribute('data-node'),
      ),
    );
    expect(nodes.sort()).toEqual(found.ids.sort());
    expect(nodes).toContain('trainium-2');
    await page.close();
    await tab.close();
  });

  it('tells the reader when the stored data is corrupted and keeps it aside', async () => {
    const page = await openGlossary(h, '#/mine');
    await page.evaluate(async () => {
      const g = globalThis as unknown as {
        browser?: { storage: { local: { set(v: object): Promise<void> } } };
        chrome: { storage: { local: { set(v: object): Promise<void> } } };
      };
      await (g.browser ?? g.chrome).storage.local.set({ userData: { entries: 'broken' } });
    });
    await page.evaluate(() => location.reload());
    await page.waitFor(() => document.querySelector('[data-banner="corrupted"]') !== null);
    const kept = await page.evaluate(async () => {
      const g = globalThis as unknown as {
        browser?: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
      };
      return (await (g.browser ?? g.chrome).storage.local.get('userDataKeptAside'))
        .userDataKeptAside as { value: unknown };
    });
    expect(kept.value).toEqual({ entries: 'broken' });
    await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLButtonElement>('[data-banner] button'))
        .at(-1)!
        .click(),
    );
    await page.waitFor(() => document.querySelector('[data-banner="corrupted"]') === null);
    await page.evaluate(clearLocalStorage);
    await page.close();
  });

  it('adds an entry written in French only, marks it as the reader’s and finds it', async () => {
    const page = await openGlossary(h, '#/mine?add=1');
    await page.evaluate(clearLocalStorage);
    await page.waitFor(() => document.querySelector('form.gp-form') !== null);
    await page.evaluate(() => {
      const fill = (name: string, value: string) => {
        const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(
          `form.gp-form [name="${name}"]`,
        )!;
        field.value = value;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      };
      fill('name.fr', 'Fonderie Rivage');
      fill('summary.fr', 'Une fonderie fictive de démonstration.');
      fill('dependency.fr', 'Dépend des machines d’ASML.');
      fill('sovereignty.fr', 'Contrôlée depuis la France.');
      fill('jurisdiction', 'FR');
      fill('aliases[0].text', 'Fonderie Rivage');
    });
    await page.evaluate(() =>
      document.querySelector<HTMLButtonElement>('form.gp-form button[type="submit"]')!.click(),
    );
    await page.waitFor(() => location.hash === '#/entry/fonderie-rivage');
    await page.waitFor(() => document.querySelector('.sl-card .sl-badge--user') !== null);
    expect(await page.evaluate(() => document.querySelector('.sl-card h2')!.textContent)).toBe(
      'Fonderie Rivage',
    );
    await page.evaluate(() => (location.hash = '#/'));
    await page.waitFor(() => document.querySelector('input[type="search"]') !== null);
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      input.value = 'fonderie rivaje';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitFor(
      () => document.querySelector('.gp-tile')?.getAttribute('data-entry') === 'fonderie-rivage',
    );
    await page.evaluate(clearLocalStorage);
    await page.close();
  });

  it('follows the language and theme settings', async () => {
    await h.setSettings({ language: 'fr', theme: 'dark' });
    const page = await openGlossary(h, '#/graph?chain=trainium-2');
    await page.waitFor(() => document.querySelector('.gp.sl-dark') !== null);
    await page.waitFor(
      () => document.querySelector('[data-node][data-highlighted="true"]') !== null,
    );
    expect(await page.evaluate(() => document.querySelector('#graph-title')!.textContent)).toBe(
      'Graphe des dépendances',
    );
    await h.screenshot(page, 'graph-fr-dark');
    await h.setSettings({ language: 'auto', theme: 'auto' });
    await page.waitFor(() => document.querySelector('.gp.sl-dark') === null);
    await page.close();
  });

  it('imports, exports and re-imports the reader’s entries without loss, and refuses a broken file', async () => {
    const page = await openGlossary(h, '#/mine');
    await page.evaluate(clearLocalStorage);
    await page.waitFor(() => document.querySelector('input[data-action="import"]') !== null);
    await page.evaluate(setImportFile, validImport);
    await page.waitFor(
      () => document.querySelector('[data-list="user-entries"] [data-entry]') !== null,
    );
    expect(await page.evaluate(listedUserEntries)).toEqual(['rivage-semiconducteurs']);

    const exported = await exportedText(page);
    expect(JSON.parse(exported)).toEqual(JSON.parse(validImport));

    await page.evaluate(setImportFile, brokenImport);
    await page.waitFor(() => document.querySelector('.gp-problems-list li') !== null);
    const problem = await page.evaluate(
      () => document.querySelector('.gp-problems-list li')!.textContent,
    );
    expect(problem).toContain('relations[0].target');
    expect(await exportedText(page)).toBe(exported);

    // A file nested 20,000 levels deep is refused with the reason, nothing changes.
    const deep = `{"version":1,"entries":[${'['.repeat(20_000)}${']'.repeat(20_000)}]}`;
    await page.evaluate(setImportFile, deep);
    await page.waitFor(() =>
      Array.from(document.querySelectorAll('.gp-problems-list li')).some((li) =>
        li.textContent?.includes('levels deep'),
      ),
    );
    expect(await exportedText(page)).toBe(exported);

    await page.evaluate(clearLocalStorage);
    await page.waitFor(() => document.querySelector('[data-list="user-entries"]') === null);
    await page.evaluate(setImportFile, exported);
    await page.waitFor(
      () => document.querySelector('[data-list="user-entries"] [data-entry]') !== null,
    );
    expect(await exportedText(page)).toBe(exported);

    await h.screenshot(page, 'glossary-mine');
    // The user entry is in the glossary, with its mark.
    await page.evaluate(() => (location.hash = '#/entry/rivage-semiconducteurs'));
    await page.waitFor(() => document.querySelector('.sl-card .sl-badge--user') !== null);
    await page.evaluate(clearLocalStorage);
    await page.close();
  });

  it('applies a settings change made on the page to an open tab at once', async () => {
    const tab = await h.openFixture('articles/demo-en.html');
    await tab.waitFor(countHighlights);
    expect((await tab.evaluate(highlightsByKind)).company ?? 0).toBeGreaterThan(0);
    const page = await openGlossary(h, '#/settings');
    await page.waitFor(
      () => document.querySelector('input[name="kinds"][value="company"]') !== null,
    );
    await h.screenshot(page, 'glossary-settings');
    await page.evaluate(() =>
      document.querySelector<HTMLInputElement>('input[name="kinds"][value="company"]')!.click(),
    );
    // The tab scans again for the new kinds: no company mark, chips marked again.
    await tab.waitFor(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
      return (
        (registry.get('sovereignty-lens-company')?.size ?? 0) === 0 &&
        (registry.get('sovereignty-lens-chip')?.size ?? 0) > 0
      );
    });
    const after = await tab.evaluate(highlightsByKind);
    expect(after.company ?? 0).toBe(0);
    expect(after.chip ?? 0).toBeGreaterThan(0);
    await page.evaluate(() =>
      document.querySelector<HTMLInputElement>('input[name="kinds"][value="company"]')!.click(),
    );
    await tab.waitFor(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
      return (registry.get('sovereignty-lens-company')?.size ?? 0) > 0;
    });
    await page.close();
    await tab.close();
  });
});
