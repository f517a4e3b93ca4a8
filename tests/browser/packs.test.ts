import { beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, type ExtensionHarness, type TestPage } from './helpers';
import { buildSamplePack, packVariant, SAMPLE_NAMES } from './helpers/packs';
import { marksAre, readCard } from './helpers/probes';
import { markedPoint } from './helpers/marked-point';

/** Runs in the glossary page: puts `text` on the pack import <input type=file> as a File. */
function setPackFile(text: string): void {
  const input = document.querySelector<HTMLInputElement>('input[data-action="import-pack"]');
  if (!input) throw new Error('no pack import input');
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], 'pack.json', { type: 'application/json' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Runs in the glossary page: drops `text` as a file on the Packs view's drop zone. */
function dropPackFile(text: string): void {
  const zone = document.querySelector('[data-pack-drop]');
  if (!zone) throw new Error('no drop zone');
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], 'pack.json', { type: 'application/json' }));
  zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, dataTransfer: transfer }));
  zone.dispatchEvent(new DragEvent('drop', { bubbles: true, dataTransfer: transfer }));
}

/** Runs in the glossary page: the Packs view's last report (status line and problems). */
function packReport(): { status: string; problems: string[]; installed: string[] } {
  return {
    status: document.querySelector('[data-import-status]')?.textContent ?? '',
    problems: [...document.querySelectorAll('.gp-problems-list li')].map(
      (li) => li.textContent ?? '',
    ),
    installed: [...document.querySelectorAll('[data-packs="installed"] [data-pack]')].map(
      (li) => `${(li as HTMLElement).dataset.pack} ${li.textContent ?? ''}`,
    ),
  };
}

/** Runs in an extension page: removes every installed pack (a clean start). */
async function clearPacks(): Promise<void> {
  type Local = { remove(keys: string[]): Promise<void> };
  const g = globalThis as unknown as {
    browser?: { storage: { local: Local } };
    chrome: { storage: { local: Local } };
  };
  await (g.browser ?? g.chrome).storage.local.remove(['packs', 'packEntryCount']);
}

async function packsPage(h: ExtensionHarness): Promise<TestPage> {
  const page = await h.openExtensionPage('glossary.html#/packs');
  await page.waitFor(() => !!document.querySelector('input[data-action="import-pack"]'));
  return page;
}

async function hoverText(page: TestPage, text: string): Promise<void> {
  const point = await markedPoint(page, text, 0);
  if (!point) throw new Error(`no mention of ${text}`);
  await page.mouseMove(point.x - 5, point.y);
  await page.mouseMove(point.x, point.y);
}

describeInBrowsers('glossary packs', (h) => {
  let pack = '';
  beforeAll(() => {
    pack = buildSamplePack();
  });

  it('imports a pack: its entries are marked in pages, and their cards name the pack', async () => {
    const gp = await packsPage(h);
    await gp.evaluate(clearPacks);
    const article = await h.openFixture('pages/pack-entries.html');
    await article.waitFor(marksAre, [['Nvidia'], ['FuriosaAI']]);

    await gp.evaluate(setPackFile, pack);
    await gp.waitFor(() =>
      /Installed/.test(document.querySelector('[data-import-status]')?.textContent ?? ''),
    );
    const report = await gp.evaluate(packReport);
    expect(report.status).toContain('Example newsroom pack');
    expect(report.status).toContain('3 entries');
    expect(report.installed.join()).toContain('example-newsroom');

    // The open tab follows at once: the reader's glossary changed.
    await article.waitFor(marksAre, [[...SAMPLE_NAMES, 'Nvidia'], []]);
    await hoverText(article, 'FuriosaAI');
    await article.waitForUi((root) => /From the pack/.test(root?.textContent ?? ''));
    expect((await article.inUi(readCard)).name).toBe('FuriosaAI');
    expect(
      await article.inUi((root) => root?.querySelector('[data-pack]')?.textContent ?? ''),
    ).toContain('Example newsroom pack');
    await article.close();
    await gp.close();
  });

  it('updates to a newer version, refuses the same, an older one and a broken pack whole, and loses nothing', async () => {
    const gp = await packsPage(h);
    await gp.evaluate(clearPacks);
    await gp.evaluate(setPackFile, pack);
    await gp.waitFor(() =>
      /Installed/.test(document.querySelector('[data-import-status]')?.textContent ?? ''),
    );

    // The same version again, dropped on the view this time.
    await gp.evaluate(dropPackFile, pack);
    await gp.waitFor(() => !!document.querySelector('.gp-problems-list li'));
    expect((await gp.evaluate(packReport)).problems.join()).toMatch(/already installed/);

    const newer = packVariant(pack, (p) => {
      p.version = '1.1.0';
      p.retired = ['d-matrix'];
      p.entries = p.entries.filter((e) => e.id !== 'd-matrix');
    });
    await gp.evaluate(setPackFile, newer);
    await gp.waitFor(() =>
      /Updated/.test(document.querySelector('[data-import-status]')?.textContent ?? ''),
    );
    expect((await gp.evaluate(packReport)).status).toMatch(/1\.0\.0.*1\.1\.0.*1 retired/);

    const older = packVariant(pack, (p) => (p.version = '0.9.0'));
    await gp.evaluate(setPackFile, older);
    await gp.waitFor(() => !!document.querySelector('.gp-problems-list li'));
    expect((await gp.evaluate(packReport)).problems.join()).toMatch(
      /0\.9\.0.*1\.1\.0|1\.1\.0.*0\.9\.0/,
    );

    const broken = packVariant(pack, (p) => {
      p.version = '2.0.0';
      p.format = 'something-else';
    });
    await gp.evaluate(setPackFile, broken);
    await gp.waitFor(() =>
      /format/.test(document.querySelector('.gp-problems-list')?.textContent ?? ''),
    );
    const after = await gp.evaluate(packReport);
    expect(after.installed).toHaveLength(1);
    expect(after.installed[0]).toContain('1.1.0');

    const article = await h.openFixture('pages/pack-entries.html');
    await article.waitFor(marksAre, [['FuriosaAI', 'Rebellions'], ['d-Matrix']]);
    await article.close();
    await gp.close();
  });

  it('removes a pack: its entries are no longer marked', async () => {
    const gp = await packsPage(h);
    await gp.evaluate(clearPacks);
    await gp.evaluate(setPackFile, pack);
    await gp.waitFor(() => !!document.querySelector('[data-packs="installed"] [data-pack]'));
    const article = await h.openFixture('pages/pack-entries.html');
    await article.waitFor(marksAre, [['Rebellions'], []]);

    await gp.evaluate(() => {
      window.confirm = () => true;
      document.querySelector<HTMLButtonElement>('[data-action="remove-pack"]')!.click();
    });
    await gp.waitFor(() => !document.querySelector('[data-packs="installed"] [data-pack]'));
    await article.waitFor(marksAre, [['Nvidia'], ['Rebellions']]);
    await article.close();
    await gp.close();
  });

  it('reports its conflicts with the curated glossary, which keeps its ids and names', async () => {
    const gp = await packsPage(h);
    await gp.evaluate(clearPacks);
    const clashing = packVariant(pack, (p) => {
      p.entries.find((e) => e.id === 'furiosaai')!.aliases.push({ text: 'Nvidia' });
      // An entry under a curated id (its figures follow it).
      const renamed = p.entries.find((e) => e.id === 'd-matrix')!;
      renamed.id = 'tsmc';
      for (const fact of renamed.facts) {
        for (const figure of fact.figures ?? []) figure.subject = 'tsmc';
      }
    });
    await gp.evaluate(setPackFile, clashing);
    await gp.waitFor(() => !!document.querySelector('[data-pack-report] [data-conflicts]'));
    const conflicts = await gp.evaluate(() =>
      [...document.querySelectorAll('[data-pack-report] [data-conflict]')].map(
        (li) => `${(li as HTMLElement).dataset.conflict}: ${li.textContent ?? ''}`,
      ),
    );
    expect(conflicts).toHaveLength(2);
    expect(conflicts.join('\n')).toMatch(/^id: .*tsmc.*curated entry/m);
    expect(conflicts.join('\n')).toMatch(/^alias: .*Nvidia.*furiosaai.*curated entry .nvidia/m);

    // Pages: the curated Nvidia keeps its name; the pack's other entries are marked.
    const article = await h.openFixture('pages/pack-entries.html');
    await article.waitFor(marksAre, [['Nvidia', 'FuriosaAI', 'Rebellions'], ['d-Matrix']]);
    await hoverText(article, 'Nvidia');
    await article.waitForUi((root) => !!root?.querySelector('[data-entry="nvidia"]'));
    expect(await article.inUi((root) => !!root?.querySelector('[data-pack]'))).toBe(false);

    // The popup's search finds the pack's entries too.
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitFor(() => !!document.querySelector('input[type="search"]'));
    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      input.value = 'rebellions';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await popup.waitFor(
      () => document.querySelector<HTMLElement>('[role="option"]')?.dataset.entry === 'rebellions',
    );
    await popup.close();
    await article.close();
    await gp.close();
  });
});
