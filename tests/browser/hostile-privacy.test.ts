/**
 * A hostile page against the reader's privacy (tests/fixtures/hostile/privacy-probe.html):
 * it must not read the card or the reader's notes, see which entries the reader added or
 * hid beyond what the reader allows, find the extension's files or URL, or switch the
 * extension off by replaying its start event.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, type TestPage } from './helpers';
import { countHighlights, readHighlights } from './helpers/probes';
import { markedPoint } from './helpers/marked-point';

const FIXTURE = 'hostile/privacy-probe.html';
const SECRET = 'NOTE-7f3a: call the supplier before Friday';
const IMPORT = JSON.parse(readFileSync('tests/fixtures/imports/valid.json', 'utf8')) as {
  entries: unknown[];
};
const settle = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface PageView {
  host: boolean;
  shadowRoot: boolean;
  hostText: string;
  captured: number;
  capturedText: string;
  pageText: string;
  extensionUrls: string[];
  probes: Record<string, number | 'failed'>;
}

async function hoverText(page: TestPage, text: string): Promise<void> {
  const point = await markedPoint(page, text, 0);
  if (!point) throw new Error(`no mark reads "${text}"`);
  await page.mouseMove(point.x - 5, point.y);
  await page.mouseMove(point.x, point.y);
}

/** The texts of every mark in the page. */
async function markedTexts(page: TestPage): Promise<string[]> {
  return (await page.evaluate(readHighlights)).map((r) => r.text);
}

describeInBrowsers('hostile pages: privacy', (h) => {
  beforeAll(async () => {
    await h.setSettings({ scope: 'page', markOwnEntries: true });
    await h.setUserData({ entries: IMPORT.entries, notes: { nvidia: SECRET }, hidden: [] });
  });
  afterAll(async () => {
    await h.setUserData(null);
    await h.setSettings({ markOwnEntries: true });
  });

  it('shows the reader their note in the card, and the page cannot read the card at all', async () => {
    const page = await h.openFixture(FIXTURE);
    await page.waitFor(countHighlights);
    await hoverText(page, 'Nvidia');
    // The control: the card is open and shows the note (read through CDP / BiDi).
    await page.waitForUi((root, secret: string) => !!root?.textContent?.includes(secret), SECRET);
    const seen = await page.evaluate(
      (origin: string) =>
        (
          window as unknown as { __whatThePageSees(o: string): Promise<PageView> }
        ).__whatThePageSees(origin),
      h.browser.extensionOrigin,
    );
    expect(seen.host, 'the UI host is in the page').toBe(true);
    expect(seen.shadowRoot, 'host.shadowRoot is hidden from the page').toBe(false);
    expect(seen.captured, 'a patched attachShadow saw no root').toBe(0);
    expect(seen.hostText).toBe('');
    expect(seen.capturedText + seen.pageText).not.toContain(SECRET);
    expect(seen.pageText).not.toContain('Sovereignty');
    await page.close();
  });

  it('puts no extension URL in the page, answers none of its fetches, and opens the glossary itself', async () => {
    const page = await h.openFixture(FIXTURE);
    await page.waitFor(countHighlights);
    await hoverText(page, 'Nvidia');
    await page.waitForUi((root) => !!root?.querySelector('[data-open-glossary="nvidia"]'));
    const seen = await page.evaluate(
      (origin: string) =>
        (
          window as unknown as { __whatThePageSees(o: string): Promise<PageView> }
        ).__whatThePageSees(origin),
      h.browser.extensionOrigin,
    );
    expect(seen.extensionUrls).toEqual([]);
    for (const [path, status] of Object.entries(seen.probes)) {
      expect(status, `the page fetched ${path}`).toBe('failed');
    }
    // "Open in the glossary" asks the background, which opens the page in a tab.
    expect(
      await page.inUi((root) => {
        root?.querySelector<HTMLButtonElement>('[data-open-glossary="nvidia"]')?.click();
        return true;
      }),
    ).toBe(true);
    const extensionPage = await h.openExtensionPage('popup.html');
    await extensionPage.waitFor(() => {
      const g = globalThis as unknown as {
        browser?: { extension: { getViews(o: object): Window[] } };
        chrome: { extension: { getViews(o: object): Window[] } };
      };
      return (g.browser ?? g.chrome).extension
        .getViews({ type: 'tab' })
        .some((view) => view.location.hash === '#/entry/nvidia');
    });
    await extensionPage.close();
    await page.close();
  });

  it('keeps marking after the page replays the start event late (1.5 s after load)', async () => {
    const name = await h.startEventName();
    const page = await h.openFixture(FIXTURE);
    await page.waitFor(countHighlights);
    await settle(1_500);
    const before = await page.evaluate(countHighlights);
    await page.evaluate(
      (event: string) =>
        (window as unknown as { __replayStart(n: string): void }).__replayStart(event),
      name,
    );
    await settle(500);
    expect(await page.evaluate(countHighlights), 'marks after the replay').toBe(before);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later, OVHcloud opened a region.';
      document.getElementById('main')!.append(p);
    });
    await page.waitFor((n: number) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
      let count = 0;
      for (const [key, hl] of registry) if (!/-(focus|hover)$/.test(key)) count += hl.size;
      return count > n;
    }, before);
    await hoverText(page, 'OVHcloud');
    await page.waitForUi(
      (root) => root?.querySelector('[role="dialog"] h2')?.textContent === 'OVHcloud',
    );
    await page.close();
  });

  it('names highlights by style and kind only, and keeps own and hidden entries off pages when asked', async () => {
    await h.setUserData({ entries: IMPORT.entries, notes: {}, hidden: ['cuda'] });
    const page = await h.openFixture(FIXTURE);
    await page.waitFor(countHighlights);
    await page.waitFor(
      () =>
        !!document.body.textContent &&
        (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0,
    );
    const names = await page.evaluate(() => [
      ...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys(),
    ]);
    for (const key of names) {
      expect(key).toMatch(
        /^sovereignty-lens-(?:(?:chip|software|company|cloud|policy|project|institution|model|technology|concept)(?:-(?:underline|background))?|focus|hover)$/,
      );
    }
    let texts = await markedTexts(page);
    expect(texts).toContain('Rivage Semiconducteurs');
    expect(texts).not.toContain('CUDA');

    await h.setSettings({ markOwnEntries: false });
    await page.waitFor(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> })
        .highlights;
      for (const [, hl] of registry)
        for (const r of hl)
          if ((r.startContainer as Text).data?.slice(r.startOffset, r.endOffset) === 'CUDA')
            return true;
      return false;
    });
    texts = await markedTexts(page);
    expect(texts, 'own entry not marked').not.toContain('Rivage Semiconducteurs');
    expect(texts, 'hidden entry marked like for any reader').toContain('CUDA');
    await h.setSettings({ markOwnEntries: true });
    await page.close();
  });

  it('answers a card request with that entry and its neighbours, and that entry’s note only', async () => {
    await h.setUserData({
      entries: IMPORT.entries,
      notes: { nvidia: SECRET, asml: 'a note on ASML' },
      hidden: [],
    });
    const page = await h.openExtensionPage('popup.html');
    const reply = await page.evaluate(async () => {
      type Api = { runtime: { sendMessage(m: object): Promise<unknown> } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = g.browser ?? g.chrome;
      return {
        card: (await api.runtime.sendMessage({ type: 'glossary/get-card', id: 'cuda' })) as {
          entries: { id: string }[];
          note: string | null;
        },
        nvidia: (await api.runtime.sendMessage({ type: 'glossary/get-card', id: 'nvidia' })) as {
          note: string | null;
        },
        everything: (await api.runtime.sendMessage({ type: 'glossary/get-card-data' })) ?? null,
      };
    });
    const ids = reply.card.entries.map((e) => e.id);
    expect(ids[0]).toBe('cuda');
    expect(ids).toContain('nvidia');
    expect(ids).not.toContain('rivage-semiconducteurs');
    expect(ids.length).toBeLessThan(40);
    expect(reply.card.note).toBeNull();
    expect(JSON.stringify(reply.card)).not.toContain(SECRET);
    expect(reply.nvidia.note).toBe(SECRET);
    expect(JSON.stringify(reply.nvidia)).not.toContain('a note on ASML');
    expect(reply.everything, 'the whole glossary is no longer served').toBeNull();
    await page.close();
  });
});
