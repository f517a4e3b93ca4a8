/**
 * The in-page parts use the loader's webextension-polyfill (scripts/vite-part-browser.ts):
 * the plugin recognises their builds, and in both built extensions the loader carries the
 * polyfill while the annotator and the card UI carry none. The parts working with the
 * shared object is what the browser tests (cards, popup, loader) exercise.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPartBuild } from '../../../scripts/vite-part-browser';
import { PART_FILES } from '../../../src/background/handlers';
import { OUTPUTS, TARGETS } from '../security/built-output';

/** A message only webextension-polyfill's wrapper holds. */
const POLYFILL_TEXT = 'The message port closed before a response was received';

describe('isPartBuild', () => {
  it("recognises the parts' entry points in the forms WXT and Rollup give them", () => {
    const virtual = (name: string) =>
      `/repo/virtual:wxt-unlisted-script-entrypoint?/repo/entrypoints/${name}.ts`;
    expect(isPartBuild([virtual('annotator')])).toBe(true);
    expect(isPartBuild([virtual('card-ui')])).toBe(true);
    expect(isPartBuild('/repo/entrypoints/annotator.ts')).toBe(true);
    expect(isPartBuild({ main: 'C:\\repo\\entrypoints\\card-ui.ts' })).toBe(true);
  });

  it('leaves every other build alone', () => {
    for (const input of [
      ['/repo/virtual:wxt-content-script-isolated-world-entrypoint?/repo/entrypoints/content.ts'],
      ['/repo/virtual:wxt-background-entrypoint?/repo/entrypoints/background.ts'],
      ['/repo/virtual:wxt-unlisted-script-entrypoint?/repo/entrypoints/frame-probe.ts'],
      {
        popup: '/repo/entrypoints/popup/index.html',
        glossary: '/repo/entrypoints/glossary/index.html',
      },
      ['/repo/entrypoints/annotator-extra.ts'],
      '',
      undefined,
    ]) {
      expect(isPartBuild(input), JSON.stringify(input)).toBe(false);
    }
  });
});

describe.each(TARGETS)('the %s build', (target) => {
  const read = (file: string) => readFileSync(join(OUTPUTS[target], file), 'utf8');

  it('has the polyfill in the loader only, not in the parts it injects', () => {
    expect(read('content-scripts/content.js').includes(POLYFILL_TEXT)).toBe(true);
    for (const file of Object.values(PART_FILES)) {
      expect(read(file).includes(POLYFILL_TEXT), file).toBe(false);
    }
  });
});
