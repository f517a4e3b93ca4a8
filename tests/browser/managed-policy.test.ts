/**
 * An organisation's policy, from the browsers' real policy files: Chromium's managed policy
 * folder and Firefox's distribution/policies.json. Both browsers read them from fixed system
 * paths only, at start-up, so this file writes them there before the browsers start (as
 * root, like CI) and removes them afterwards, putting back any file it found.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TARGETS } from '../../scripts/targets';
import { describeInBrowsers } from './helpers';
import { buildSamplePack, SAMPLE_NAMES } from './helpers/packs';
import { marksAre, readCard } from './helpers/probes';
import { markedPoint } from './helpers/marked-point';

/** The Chromium build's id (its manifest `key`, wxt.config.ts) and the Firefox add-on id. */
const CHROMIUM_ID = 'bkcbdddbabganahpnkmdhpochkekmfcj';
const FIREFOX_ID = 'sovereignty-lens@sovereignty-lens.org';

const CHROMIUM_POLICY = '/etc/chromium/policies/managed/sovereignty-lens-test.json';
const FIREFOX_POLICY = join(
  dirname(realpathSync(TARGETS.firefox.executable)),
  'distribution',
  'policies.json',
);

let firefoxBefore: string | undefined;

beforeAll(() => {
  const policy = {
    packs: [buildSamplePack()],
    settings: { highlightStyle: 'background' },
    lockedSettings: ['highlightStyle', 'paused'],
    disabledSites: ['localhost'],
  };
  try {
    mkdirSync(dirname(CHROMIUM_POLICY), { recursive: true });
    writeFileSync(
      CHROMIUM_POLICY,
      JSON.stringify({ '3rdparty': { extensions: { [CHROMIUM_ID]: policy } } }),
    );
    firefoxBefore = existsSync(FIREFOX_POLICY) ? readFileSync(FIREFOX_POLICY, 'utf8') : undefined;
    mkdirSync(dirname(FIREFOX_POLICY), { recursive: true });
    writeFileSync(
      FIREFOX_POLICY,
      JSON.stringify({ policies: { '3rdparty': { Extensions: { [FIREFOX_ID]: policy } } } }),
    );
  } catch (error) {
    throw new Error(
      `These tests write the browsers' policy files (${CHROMIUM_POLICY}, ${FIREFOX_POLICY}): run them as root.`,
      { cause: error },
    );
  }
});

afterAll(() => {
  rmSync(CHROMIUM_POLICY, { force: true });
  if (firefoxBefore === undefined) rmSync(FIREFOX_POLICY, { force: true });
  else writeFileSync(FIREFOX_POLICY, firefoxBefore);
});

describeInBrowsers("an organisation's policy", (h) => {
  it("marks the organisation's pack in pages, and its cards name the pack", async () => {
    const page = await h.openFixture('pages/pack-entries.html');
    await page.waitFor(marksAre, [[...SAMPLE_NAMES, 'Nvidia'], []], 15_000);
    const point = await markedPoint(page, 'Rebellions', 0);
    await page.mouseMove(point!.x - 5, point!.y);
    await page.mouseMove(point!.x, point!.y);
    await page.waitForUi((root) => /From the pack/.test(root?.textContent ?? ''));
    expect((await page.inUi(readCard)).name).toBe('Rebellions');
    await page.close();
  });

  it('shows locked settings as set by the organisation, and they cannot be changed', async () => {
    const page = await h.openExtensionPage('glossary.html#/settings');
    await page.waitFor(() => !!document.querySelector('input[name="paused"]'));
    const state = await page.evaluate(() => {
      const paused = document.querySelector<HTMLInputElement>('input[name="paused"]')!;
      const style = document.querySelector<HTMLInputElement>(
        'input[name="highlightStyle"][value="background"]',
      )!;
      const theme = document.querySelector<HTMLInputElement>('input[name="theme"]')!;
      return {
        pausedDisabled: paused.disabled,
        styleChecked: style.checked,
        styleDisabled: style.matches(':disabled'),
        themeDisabled: theme.matches(':disabled'),
        notes: document.querySelectorAll('.gp-locked').length,
        site: document.querySelector('[data-site="localhost"]')?.textContent ?? '',
      };
    });
    expect(state).toMatchObject({
      pausedDisabled: true,
      styleChecked: true,
      styleDisabled: true,
      themeDisabled: false,
    });
    expect(state.notes).toBeGreaterThanOrEqual(3);
    expect(state.site).toMatch(/Set by your organisation/);
    await page.goto(`${h.browser.extensionOrigin}glossary.html#/packs`);
    await page.waitFor(() => !!document.querySelector('[data-packs="managed"] [data-pack]'));
    expect(
      await page.evaluate(() => ({
        pack: document.querySelector<HTMLElement>('[data-packs="managed"] [data-pack]')!.dataset
          .pack,
        removable: !!document.querySelector('[data-packs="managed"] [data-action="remove-pack"]'),
      })),
    ).toEqual({ pack: 'example-newsroom', removable: false });
    await page.close();
  });

  it('leaves alone the sites the organisation turned off', async () => {
    const page = await h.browser.newPage();
    await page.goto(
      h.server.url('pages/pack-entries.html?off=1').replace('127.0.0.1', 'localhost'),
    );
    const popup = await h.openPopupFor(page);
    await popup.waitFor(() => /off on this site/.test(document.body.textContent ?? ''));
    expect(await popup.evaluate(() => document.querySelectorAll('.popup__locked').length)).toBe(2);
    expect(
      await popup.evaluate(
        () => document.querySelector<HTMLInputElement>('input[name="site-disabled"]')!.disabled,
      ),
    ).toBe(true);
    expect(
      await page.evaluate(
        () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size,
      ),
    ).toBe(0);
    await popup.close();
    await page.close();
  });
});
